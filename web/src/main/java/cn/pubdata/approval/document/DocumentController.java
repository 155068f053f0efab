package cn.pubdata.approval.document;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
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
    private final CurrentUser user;

    DocumentController(DocumentStore documents, CurrentUser user) {
        this.documents = documents;
        this.user = user;
    }

    /** Stored as the caller's company's document. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StoredDocument upload(@RequestParam("file") MultipartFile file) throws IOException {
        return documents.store(user.creditCode(), file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{id}")
    StoredDocument meta(@PathVariable long id) {
        StoredDocument meta = documents.find(id).orElseThrow(() -> Problem.notFound("材料 " + id + " 不存在"));
        user.requireOwn(meta.owner(), "材料 " + id + " 不存在");
        return meta;
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
