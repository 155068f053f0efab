package cn.pubdata.approval.document;

import cn.pubdata.approval.common.ByteSizes;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application documents (PDF or images), size-limited, kept with their SHA-256 so that a reviewer can prove which file
 * was decided on (存证溯源). The type is read from the file's first bytes; a name or declared type that says otherwise
 * is refused. A company's same file is kept once.
 */
@Service
public class DocumentStore {

    /** A document as stored, and whether this upload stored it or found the company's same file already there. */
    public record Stored(StoredDocument document, boolean isNew) {}

    private static final Map<String, String> LABELS =
            Map.of("application/pdf", "PDF 文件", "image/png", "PNG 图片", "image/jpeg", "JPEG 图片");
    private static final Map<String, String> EXTENSIONS = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "jpe", "image/jpeg",
            "jfif", "image/jpeg");
    private static final Map<String, String> DECLARED_ALIASES = Map.of(
            "image/jpg", "image/jpeg",
            "image/pjpeg", "image/jpeg",
            "image/x-png", "image/png",
            "application/x-pdf", "application/pdf");
    /** What a browser sends when it does not know the type: no claim to check. */
    private static final Set<String> UNDECLARED = Set.of("", "application/octet-stream", "binary/octet-stream");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long maxBytes;
    private final Timeline audit;

    public DocumentStore(
            JdbcClient jdbc,
            Clock clock,
            @Value("${approval.documents.max-bytes:20971520}") long maxBytes,
            Timeline audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.audit = audit;
    }

    /** The largest document, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** A document whose bytes are at hand (fixtures, tests); the type is read from them. */
    public StoredDocument store(String owner, String fileName, byte[] content) {
        return store(owner, fileName, null, () -> new ByteArrayInputStream(content))
                .document();
    }

    /**
     * Stores an upload as {@code owner}'s document. It is read as a stream and refused as soon as it passes the size
     * limit; its first bytes must be a PDF, PNG or JPEG, and the name's extension and the declared type, where given,
     * must say the same. The company's same file (same SHA-256) is not stored again: its first copy is answered.
     */
    @Transactional
    public Stored store(String owner, String fileName, String declaredType, DocumentContent content) {
        String name = FileNames.sanitize(fileName);
        Scan scan = scan(name, content);
        if (scan.size() == 0) {
            throw Problem.invalid("file", "文件「" + name + "」是空的，请重新选择");
        }
        String type = sniff(scan.head())
                .orElseThrow(() -> Problem.invalid("file", "文件「" + name + "」不是 PDF、PNG 或 JPEG 文件；请转换为 PDF 或图片后上传"));
        requireNameMatches(name, type);
        requireDeclaredMatches(name, declaredType, type);
        Optional<StoredDocument> same = findSame(owner, scan.sha256());
        if (same.isPresent()) {
            return new Stored(same.get(), false);
        }
        Optional<Long> id;
        try (InputStream in = content.open();
                DigestInputStream hashed = new DigestInputStream(in, sha256Digest())) {
            id = jdbc.sql("""
                    insert into approval.document (owner, file_name, content_type, size_bytes, sha256, content, uploaded_at)
                    values (:owner, :name, :type, :size, :sha, :content, :at)
                    on conflict (owner, sha256) do nothing
                    returning id""")
                    .param("owner", owner)
                    .param("name", name)
                    .param("type", type)
                    .param("size", scan.size())
                    .param("sha", scan.sha256())
                    .param("content", new SqlBinaryValue(hashed, scan.size()))
                    .param("at", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .optional();
            if (!HexFormat.of().formatHex(hashed.getMessageDigest().digest()).equals(scan.sha256())) {
                throw new IllegalStateException("the upload changed while it was stored: " + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("上传的文件读取失败：" + name, e);
        }
        if (id.isEmpty()) {
            // the same file, uploaded at the same moment by another request of the company
            return new Stored(findSame(owner, scan.sha256()).orElseThrow(), false);
        }
        audit.record(
                Subjects.document(id.get()),
                "上传文件「" + name + "」",
                type + "，" + scan.size() + " 字节，SHA-256 " + scan.sha256(),
                owner,
                "document:" + id.get());
        return new Stored(find(id.get()).orElseThrow(), true);
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

    /** Size, SHA-256 and first bytes, read through once; past the limit it stops reading and refuses. */
    private Scan scan(String name, DocumentContent content) {
        MessageDigest digest = sha256Digest();
        byte[] head = new byte[8];
        int headLength = 0;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new Limited(content.open(), maxBytes, name)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("上传的文件读取失败：" + name, e);
        }
        return new Scan(Arrays.copyOf(head, headLength), size, HexFormat.of().formatHex(digest.digest()));
    }

    private record Scan(byte[] head, long size, String sha256) {}

    private static void requireNameMatches(String name, String type) {
        String extension = FileNames.extension(name);
        if (extension.isEmpty()) {
            return;
        }
        String named = EXTENSIONS.get(extension);
        if (named == null) {
            throw Problem.invalid(
                    "file", "文件「" + name + "」的扩展名 ." + extension + " 不是 .pdf、.png、.jpg 或 .jpeg；只能上传 PDF、PNG 或 JPEG 文件");
        }
        if (!named.equals(type)) {
            throw Problem.invalid(
                    "file",
                    "文件「" + name + "」的扩展名是 ." + extension + "，内容却是" + LABELS.get(type) + "；请确认选对了文件，或改正扩展名后重新上传");
        }
    }

    private static void requireDeclaredMatches(String name, String declaredType, String type) {
        String declared =
                declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        declared = DECLARED_ALIASES.getOrDefault(declared, declared);
        if (!UNDECLARED.contains(declared) && !declared.equals(type)) {
            throw Problem.invalid(
                    "file",
                    "文件「" + name + "」声明的类型是 " + declared + "，内容却是" + LABELS.get(type) + "；请确认文件未损坏、类型与内容一致后重新上传");
        }
    }

    private Optional<StoredDocument> findSame(String owner, String sha256) {
        return jdbc.sql(
                        "select id, owner, file_name, content_type, size_bytes, sha256, uploaded_at from approval.document where owner = :owner and sha256 = :sha")
                .param("owner", owner)
                .param("sha", sha256)
                .query(this::map)
                .optional();
    }

    static Optional<String> sniff(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return Optional.of("application/pdf");
        }
        if (c.length >= 8
                && (c[0] & 0xff) == 0x89
                && c[1] == 'P'
                && c[2] == 'N'
                && c[3] == 'G'
                && c[4] == 0x0D
                && c[5] == 0x0A
                && c[6] == 0x1A
                && c[7] == 0x0A) {
            return Optional.of("image/png");
        }
        if (c.length >= 3 && (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Digest().digest(content));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
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

    /** Counts what is read and refuses the byte past the limit, so that no more than the limit is ever read. */
    private static final class Limited extends FilterInputStream {

        private final long limit;
        private final String name;
        private long count;

        Limited(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw Problem.tooLarge("file", "文件「" + name + "」超过上限 " + ByteSizes.readable(limit) + "，请压缩或拆分后上传");
            }
        }
    }
}
