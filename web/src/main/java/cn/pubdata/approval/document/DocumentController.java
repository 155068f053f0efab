package cn.pubdata.approval.document;

import cn.pubdata.approval.common.Problem;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final DocumentStore documents;

    DocumentController(DocumentStore documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StoredDocument upload(@RequestParam("creditCode") String creditCode, @RequestParam("file") MultipartFile file) throws IOException {
        if (creditCode.isBlank()) {
            throw Problem.invalid("creditCode", "请填写上传单位的统一社会信用代码");
        }
        return documents.store(creditCode.trim(), file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{id}")
    StoredDocument meta(@PathVariable long id) {
        return documents.find(id).orElseThrow(() -> Problem.notFound("材料 " + id + " 不存在"));
    }

    @GetMapping("/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        StoredDocument meta = meta(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(meta.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .header("X-Content-SHA256", meta.sha256())
                .body(documents.content(id));
    }
}
