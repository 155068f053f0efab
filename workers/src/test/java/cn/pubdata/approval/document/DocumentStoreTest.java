package cn.pubdata.approval.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.pubdata.approval.common.Problem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "approval.documents.max-bytes=2048")
class DocumentStoreTest {

    private static final String OWNER = "91330100716105852F";

    @Autowired
    DocumentStore documents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPdfIsStoredWithItsSha256() {
        byte[] pdf = "%PDF-1.4\n% test document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        StoredDocument stored = documents.store("91330100716105852F", "运营方案.pdf", pdf);
        assertThat(stored.sha256()).isEqualTo("4110c228892a720beebeec645b519685a2f843b5f51be569c5013c09c237c698");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(documents.content(stored.id())).isEqualTo(pdf);
    }

    @Test
    void imagesAreAcceptedByTheirBytesWhenTheNameAgrees() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 1};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x11};
        assertThat(documents.store("91330100716105852F", "scan.PNG", png).contentType())
                .isEqualTo("image/png");
        assertThat(documents.store("91330100716105852F", "photo", jpeg).contentType())
                .as("no extension: the bytes decide")
                .isEqualTo("image/jpeg");
    }

    @Test
    void aFileWhoseContentDoesNotMatchItsNameOrDeclaredTypeIsRefused() {
        int before = rows();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 2};
        assertThatThrownBy(() -> documents.store(OWNER, "营业执照.pdf", null, () -> new ByteArrayInputStream(png)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field, Problem.FieldError::message)
                                .containsExactly(
                                        tuple("file", "文件「营业执照.pdf」的扩展名是 .pdf，内容却是PNG 图片；请确认选对了文件，或改正扩展名后重新上传")));
        byte[] pdf = "%PDF-1.7\n% declared as an image\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> documents.store(OWNER, "扫描件", "image/jpeg", () -> new ByteArrayInputStream(pdf)))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("声明的类型是 image/jpeg，内容却是PDF 文件");
        assertThatThrownBy(() ->
                        documents.store(OWNER, "setup.exe", "application/pdf", () -> new ByteArrayInputStream(pdf)))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("扩展名 .exe 不是 .pdf、.png、.jpg 或 .jpeg");
        byte[] notPng = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0};
        assertThatThrownBy(() -> documents.store(OWNER, "x.png", notPng))
                .as("a PNG needs its whole eight-byte signature")
                .isInstanceOf(Problem.class)
                .hasMessageContaining("不是 PDF、PNG 或 JPEG");
        assertThat(documents
                        .store(OWNER, "ok.pdf", "application/pdf; charset=binary", () -> new ByteArrayInputStream(pdf))
                        .isNew())
                .isTrue();
        assertThat(rows()).isEqualTo(before + 1);
    }

    @Test
    void namesAreStoredSanitized() {
        byte[] pdf = "%PDF-1.4\n% names\n".getBytes(StandardCharsets.US_ASCII);
        StoredDocument stored = documents.store(OWNER, "../../etc/\u0000运营\t方案\u202Efdp.exe..pdf", pdf);
        assertThat(stored.fileName()).isEqualTo("运营 方案fdp.exe.pdf");
        assertThat(documents.find(stored.id()).orElseThrow().fileName()).isEqualTo("运营 方案fdp.exe.pdf");
        assertThat(FileNames.sanitize("C:\\Users\\张三\\材料.pdf")).isEqualTo("材料.pdf");
        assertThat(FileNames.sanitize("..")).isEqualTo("未命名文件");
        assertThat(FileNames.sanitize("   ")).isEqualTo("未命名文件");
        assertThat(FileNames.sanitize(null)).isEqualTo("未命名文件");
        assertThat(FileNames.sanitize(".hidden.pdf")).isEqualTo("hidden.pdf");
        assertThat(FileNames.sanitize("a<b>c:d|e?f*g\"h.pdf")).isEqualTo("a_b_c_d_e_f_g_h.pdf");
        String overlong = FileNames.sanitize("方".repeat(300) + ".jpeg");
        assertThat(overlong).hasSize(FileNames.MAX_LENGTH).endsWith("方….jpeg");
    }

    @Test
    void theSameFileOfACompanyIsStoredOnce() {
        byte[] pdf = "%PDF-1.4\n% the same file twice\n".getBytes(StandardCharsets.US_ASCII);
        int before = rows();
        DocumentStore.Stored first = documents.store(OWNER, "方案.pdf", null, () -> new ByteArrayInputStream(pdf));
        DocumentStore.Stored again = documents.store(OWNER, "方案（副本）.pdf", null, () -> new ByteArrayInputStream(pdf));
        assertThat(first.isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.document().id()).isEqualTo(first.document().id());
        assertThat(again.document().fileName()).as("the first copy's name").isEqualTo("方案.pdf");
        DocumentStore.Stored other =
                documents.store("914403001922038216", "方案.pdf", null, () -> new ByteArrayInputStream(pdf));
        assertThat(other.isNew()).as("another company's copy is its own").isTrue();
        assertThat(rows()).isEqualTo(before + 2);
    }

    @Test
    void theLimitHoldsWhileReadingAnEndlessUpload() {
        int before = rows();
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return read.getAndIncrement() < 5 ? "%PDF-".charAt((int) read.get() - 1) : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        assertThatThrownBy(() -> documents.store(OWNER, "无穷.pdf", "application/pdf", () -> endless))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.TOO_LARGE);
                    assertThat(p.getMessage()).isEqualTo("文件「无穷.pdf」超过上限 2 KB，请压缩或拆分后上传");
                });
        assertThat(read.get()).as("read no further than the limit").isEqualTo(2048 + 1);
        assertThat(rows()).isEqualTo(before);
    }

    private int rows() {
        return jdbc.sql("select count(*) from approval.document")
                .query(Integer.class)
                .single();
    }
}
