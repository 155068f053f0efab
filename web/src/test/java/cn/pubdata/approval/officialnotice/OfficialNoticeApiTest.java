package cn.pubdata.approval.officialnotice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.identity.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The print view's API: an operator lists its official notices and reads one with everything the printed document
 * shows (issuer, 文号, title, addressee, text, date); another company gets 404, a developer 403; a reviewer reads a
 * case's notices.
 */
class OfficialNoticeApiTest extends WebTest {

    private static final String CIDU = "91330100716105852F";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    OfficialNotices notices;

    @Test
    void theOperatorReadsItsNoticeWithItsDocumentNumberForPrintingOthersDoNot() {
        String subject = "RCT-" + (900_000 + (int) (Math.random() * 99_999));
        OfficialNotice issued = notices.issue(new NoticeDraft(
                "api-test:" + UUID.randomUUID(),
                OfficialNotice.Kind.RECTIFICATION,
                "jingdezhen",
                subject,
                CIDU,
                "瓷都数据运营有限公司",
                "【整改通知】请于 2026-12-20 前完成整改",
                "瓷都数据运营有限公司：\n\n因违反协议约定，现通知你单位限期整改。"));

        List<Map<String, Object>> own = http.exchange("/api/notices", HttpMethod.GET, as("op-cidu"), ROWS)
                .getBody();
        assertThat(own).extracting(n -> n.get("documentNumber")).contains(issued.documentNumber());

        ResponseEntity<Map<String, Object>> one =
                http.exchange("/api/notices/" + issued.id(), HttpMethod.GET, as("op-cidu"), JSON);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody())
                .containsEntry("documentNumber", issued.documentNumber())
                .containsEntry("kindLabel", "整改通知书")
                .containsEntry("issuer", "景德镇市数据主管部门")
                .containsEntry("addressee", "瓷都数据运营有限公司")
                .containsEntry("title", "【整改通知】请于 2026-12-20 前完成整改")
                .containsKeys("body", "issuedAt");
        assertThat((String) one.getBody().get("documentNumber")).matches("景数授〔20[0-9]{2}〕[1-9][0-9]*号");

        assertThat(http.exchange("/api/notices/" + issued.id(), HttpMethod.GET, as("op-changnan"), JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/notices", HttpMethod.GET, as("op-changnan"), ROWS)
                        .getBody())
                .extracting(n -> n.get("id"))
                .doesNotContain((int) issued.id(), issued.id());
        assertThat(http.exchange("/api/notices/" + issued.id(), HttpMethod.GET, as("dev-cidu"), JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(http.exchange("/api/notices?subject=" + subject, HttpMethod.GET, as("authority"), ROWS)
                        .getBody())
                .extracting(n -> n.get("documentNumber"))
                .containsExactly(issued.documentNumber());
        ResponseEntity<Map<String, Object>> noCase =
                http.exchange("/api/notices", HttpMethod.GET, as("authority"), JSON);
        assertThat(noCase.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noCase.getBody().toString()).contains("subject", "请指定案件编号");
    }

    private static HttpEntity<Void> as(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return new HttpEntity<>(headers);
    }
}
