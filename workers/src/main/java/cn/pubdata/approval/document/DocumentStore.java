package cn.pubdata.approval.document;

import cn.pubdata.approval.common.Problem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Application documents (PDF or images), size-limited, kept with their SHA-256 so that a reviewer can prove which file
 * was decided on (存证溯源). The type is read from the file's first bytes, not from its name.
 */
@Service
public class DocumentStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long maxBytes;

    public DocumentStore(
            JdbcClient jdbc, Clock clock, @Value("${approval.documents.max-bytes:20971520}") long maxBytes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public StoredDocument store(String owner, String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "未命名文件" : fileName.trim();
        if (content == null || content.length == 0) {
            throw Problem.invalid("file", "文件「" + name + "」是空的，请重新选择");
        }
        if (content.length > maxBytes) {
            throw Problem.invalid(
                    "file",
                    String.format(
                            "文件「%s」大小 %.1f MB，超过上限 %d MB，请压缩或拆分后上传",
                            name, content.length / 1048576.0, maxBytes / 1048576));
        }
        String type = sniff(content)
                .orElseThrow(() -> Problem.invalid("file", "文件「" + name + "」不是 PDF、PNG 或 JPEG 文件；请转换为 PDF 或图片后上传"));
        String sha256 = sha256(content);
        long id = jdbc.sql("""
                insert into approval.document (owner, file_name, content_type, size_bytes, sha256, content, uploaded_at)
                values (:owner, :name, :type, :size, :sha, :content, :at) returning id""")
                .param("owner", owner)
                .param("name", name.length() > 255 ? name.substring(0, 255) : name)
                .param("type", type)
                .param("size", content.length)
                .param("sha", sha256)
                .param("content", content)
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return find(id).orElseThrow();
    }

    public Optional<StoredDocument> find(long id) {
        return jdbc.sql(
                        "select id, owner, file_name, content_type, size_bytes, sha256, uploaded_at from approval.document where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public List<StoredDocument> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select id, owner, file_name, content_type, size_bytes, sha256, uploaded_at from approval.document where id in (:ids) order by id")
                .param("ids", ids)
                .query(this::map)
                .list();
    }

    /**
     * The documents a step attaches, each one that exists and whose owner may attach it (the operator's own, or the
     * authority's: owner {@code authority:<login>}); refused at the field otherwise, nothing written.
     */
    public List<StoredDocument> attachable(
            Collection<Long> ids, java.util.function.Predicate<String> owner, String field) {
        List<StoredDocument> found = findAll(ids);
        List<Long> known = found.stream()
                .filter(d -> owner.test(d.owner()))
                .map(StoredDocument::id)
                .toList();
        for (Long id : ids) {
            if (!known.contains(id)) {
                throw Problem.invalid(field, "材料 " + id + " 不存在，请重新上传");
            }
        }
        return found;
    }

    /** The owner of a document an authority's reviewer uploads (evidence, a deletion record). */
    public static String authorityOwner(String login) {
        return "authority:" + login;
    }

    public byte[] content(long id) {
        return jdbc.sql("select content from approval.document where id = :id")
                .param("id", id)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> Problem.notFound("材料 " + id + " 不存在"));
    }

    static Optional<String> sniff(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return Optional.of("application/pdf");
        }
        if (c.length >= 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G') {
            return Optional.of("image/png");
        }
        if (c.length >= 3 && (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private StoredDocument map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredDocument(
                rs.getLong("id"),
                rs.getString("owner"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
