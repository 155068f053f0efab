package cn.pubdata.approval.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.common.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "approval.documents.max-bytes=2048")
class DocumentStoreTest {

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
    void imagesAreAcceptedByTheirBytesNotTheirNames() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        assertThat(documents.store("91330100716105852F", "scan.bin", png).contentType())
                .isEqualTo("image/png");
        assertThat(documents.store("91330100716105852F", "photo", jpeg).contentType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void anythingElseIsRefusedAndNothingIsStored() {
        int before = rows();
        byte[] docx = {'P', 'K', 3, 4, 20, 0};
        assertThatThrownBy(() -> documents.store("91330100716105852F", "方案.docx", docx))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("「方案.docx」不是 PDF、PNG 或 JPEG");
        assertThatThrownBy(() -> documents.store("91330100716105852F", "a.pdf", new byte[0]))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("是空的");
        byte[] big = new byte[4096];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        assertThatThrownBy(() -> documents.store("91330100716105852F", "大文件.pdf", big))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("超过上限");
        assertThat(rows()).isEqualTo(before);
    }

    private int rows() {
        return jdbc.sql("select count(*) from approval.document")
                .query(Integer.class)
                .single();
    }
}
