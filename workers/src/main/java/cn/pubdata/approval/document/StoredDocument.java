package cn.pubdata.approval.document;

import java.time.Instant;

/** An uploaded document without its bytes. */
public record StoredDocument(
        long id,
        String owner,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        Instant uploadedAt) {}
