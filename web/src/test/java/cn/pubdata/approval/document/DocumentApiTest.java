package cn.pubdata.approval.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.identity.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/** Uploads through the API: checked by their bytes, stored under a safe name, once per company, limited as they stream. */
class DocumentApiTest extends WebTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFileWhoseContentDoesNotMatchItsNameOrDeclaredTypeIsRefused() {
        int before = rows();
        ResponseEntity<Map<String, Object>> png = upload("op-cidu", "营业执照.pdf", "application/pdf", PNG);
        assertThat(png.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(png.getBody().get("detail").toString()).contains("「营业执照.pdf」的扩展名是 .pdf，内容却是PNG 图片");
        assertThat(png.getBody().get("errors")).asString().contains("field=file");

        ResponseEntity<Map<String, Object>> declared = upload("op-cidu", "扫描件", "image/png", pdf("declared png"));
        assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(declared.getBody().get("detail").toString()).contains("声明的类型是 image/png，内容却是PDF 文件");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void namesAreStoredAndAnsweredSanitized() {
        ResponseEntity<Map<String, Object>> stored =
                upload("op-cidu", "../../../etc/..report...pdf", "application/pdf", pdf("sanitized name"));
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(stored.getBody()).containsEntry("fileName", "report.pdf");
        Object id = stored.getBody().get("id");
        assertThat(jdbc.sql("select file_name from approval.document where id = ?")
                        .param(((Number) id).longValue())
                        .query(String.class)
                        .single())
                .isEqualTo("report.pdf");
        assertThat(get("op-cidu", "/api/documents/" + id).getBody()).containsEntry("fileName", "report.pdf");
    }

    @Test
    void theSameFileOfACompanyTwiceIsStoredOnce() {
        byte[] plan = pdf("the same file twice through the API");
        int before = rows();
        ResponseEntity<Map<String, Object>> first = upload("op-cidu", "运营方案.pdf", "application/pdf", plan);
        ResponseEntity<Map<String, Object>> again = upload("op-cidu", "运营方案-再次上传.pdf", "application/pdf", plan);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(again.getBody()).containsEntry("fileName", "运营方案.pdf");
        ResponseEntity<Map<String, Object>> other = upload("op-changnan", "运营方案.pdf", "application/pdf", plan);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getBody().get("id")).isNotEqualTo(first.getBody().get("id"));
        assertThat(rows()).isEqualTo(before + 2);
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItStreamsWith413() {
        int before = rows();
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        ResponseEntity<Map<String, Object>> answer = upload("op-cidu", "扫描件.pdf", "application/pdf", big);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("title", "文件过大").containsEntry("detail", "文件超过上限 20 MB，请压缩或拆分后上传");
        assertThat(answer.getBody().get("errors")).asString().contains("field=file");
        assertThat(rows()).isEqualTo(before);
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String name, String type, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(type));
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(
                "file",
                new HttpEntity<>(
                        new ByteArrayResource(content) {
                            @Override
                            public String getFilename() {
                                return name;
                            }
                        },
                        part));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/documents", HttpMethod.POST, new HttpEntity<>(form, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
    }

    private int rows() {
        return jdbc.sql("select count(*) from approval.document")
                .query(Integer.class)
                .single();
    }
}
