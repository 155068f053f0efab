package cn.pubdata.approval.document;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /**
     * Stored as the caller's company's document: 201, or 200 with the first copy when the company has stored the same
     * file before. The part is read as a stream (the server keeps a large part on disk, and refuses one over
     * {@code spring.servlet.multipart.max-file-size} while receiving it).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StoredDocument> upload(@RequestParam("file") MultipartFile file) {
        DocumentStore.Stored stored = documents.store(
                user.creditCode(), file.getOriginalFilename(), file.getContentType(), file::getInputStream);
        return ResponseEntity.status(stored.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(stored.document());
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
