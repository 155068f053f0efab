package cn.pubdata.approval.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.identity.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The oversight API through HTTP with Keycloak's tokens: the managers' dashboards and their CSV export, the audit
 * chain's verification, and the public disclosure site without a token.
 */
class OversightApiTest extends WebTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    AuthorizedOperators operators;

    @Test
    void aJurisdictionsManagerSeesOnlyItsJurisdictionTheCityWideManagerSeesAll() {
        operators.ciduInJingdezhen();
        operators.ciduInXianning();

        List<Map<String, Object>> own = http.exchange(
                        "/api/dashboard/cases?flow=admission", HttpMethod.GET, as("manager-jdz"), ROWS)
                .getBody();
        assertThat(own)
                .extracting(c -> c.get("jurisdiction"))
                .contains("jingdezhen")
                .containsOnly("jingdezhen");
        List<Map<String, Object>> all = http.exchange(
                        "/api/dashboard/cases?flow=admission", HttpMethod.GET, as("manager"), ROWS)
                .getBody();
        assertThat(all).extracting(c -> c.get("jurisdiction")).contains("jingdezhen", "xianning");

        ResponseEntity<Map<String, Object>> other =
                http.exchange("/api/dashboard/summary?jurisdiction=xianning", HttpMethod.GET, as("manager-jdz"), JSON);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(other.getBody().toString()).contains("您所在的管理组只能查看本辖区（景德镇市）");
        ResponseEntity<Map<String, Object>> summary =
                http.exchange("/api/dashboard/summary", HttpMethod.GET, as("manager-jdz"), JSON);
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/api/dashboard/tasks", HttpMethod.GET, as("manager-jdz"), ROWS)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theManagerReadsTheDashboardsAndExportsTheListAsCsvThatExcelReadsOthersAreRefused() {
        ResponseEntity<Map<String, Object>> summary =
                http.exchange("/api/dashboard/summary?flow=admission", HttpMethod.GET, as("manager"), JSON);
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(summary.getBody())
                .containsKeys(
                        "applications", "openTasks", "leadTimesPerStep", "leadTimesPerFlow", "outcomes", "throughput");

        ResponseEntity<byte[]> csv =
                http.exchange("/api/dashboard/cases.csv", HttpMethod.GET, as("manager"), byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = csv.getBody();
        assertThat(new byte[] {body[0], body[1], body[2]})
                .as("UTF-8 byte-order mark")
                .containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"流程\",\"编号\",\"辖区\",\"单位\",\"状态\"");

        assertThat(http.exchange("/api/dashboard/summary", HttpMethod.GET, as("authority"), JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange(
                                "/api/dashboard/summary?from=2026-05-01&to=2026-04-01",
                                HttpMethod.GET,
                                as("manager"),
                                JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @Enforces({"DSC-04", "DSC-05"})
    void thePublicSeesEachAuthorizedOperatorWithScopeTermStateAndScenariosButNoPersonalContactData() {
        operators.approvedScenarioOfCidu("公开披露测试场景");

        ResponseEntity<String> site = http.exchange(
                "/api/public/disclosure?jurisdiction=jingdezhen", HttpMethod.GET, HttpEntity.EMPTY, String.class);
        assertThat(site.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = parse(site.getBody());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) body.get("operators");
        assertThat(listed)
                .filteredOn(o -> "瓷都数据运营有限公司".equals(o.get("companyName")))
                .isNotEmpty()
                .allSatisfy(o -> {
                    assertThat(o).containsEntry("jurisdictionName", "景德镇市").containsEntry("scope", "全市");
                    assertThat(o.get("startsOn")).isNotNull();
                    assertThat(o.get("endsOn")).isNotNull();
                    assertThat((String) o.get("stateLabel")).isNotBlank();
                });
        ResponseEntity<String> catalog = http.exchange(
                "/api/catalog/operation?jurisdiction=jingdezhen", HttpMethod.GET, HttpEntity.EMPTY, String.class);
        assertThat(catalog.getBody()).as("its approved scenarios are public").contains("公开披露测试场景");

        String all = http.exchange("/api/public/disclosure", HttpMethod.GET, HttpEntity.EMPTY, String.class)
                .getBody();
        for (String page : List.of(site.getBody(), all, catalog.getBody())) {
            assertThat(page)
                    .as("no person's contact on the public site")
                    .doesNotContain("13800138000", "ops@cidu.example.cn", "contactName", "contactPhone", "contactEmail")
                    .doesNotContainPattern("(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
                    .doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        }
    }

    @Test
    void theAuthorityVerifiesTheAuditChainAnOperatorMayNot() {
        ResponseEntity<Map<String, Object>> verified =
                http.exchange("/api/audit/verify", HttpMethod.GET, as("authority"), JSON);
        assertThat(verified.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(verified.getBody()).containsEntry("intact", true).containsKey("headHash");
        assertThat(http.exchange("/api/audit/verify", HttpMethod.GET, as("op-cidu"), JSON)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theDisclosureSiteAnswersWithoutLoginAndNamesWhatIsMissing() {
        ResponseEntity<Map<String, Object>> site =
                http.exchange("/api/public/disclosure?jurisdiction=chizhou", HttpMethod.GET, HttpEntity.EMPTY, JSON);
        assertThat(site.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(site.getBody()).containsKeys("operators", "publicity", "disclosures");

        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("filerName", "张某");
        ResponseEntity<Map<String, Object>> none = http.exchange(
                "/api/public/publicity/987654321/objections", HttpMethod.POST, new HttpEntity<>(form, multipart), JSON);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/public/objections/YY20260101-999999", HttpMethod.GET, HttpEntity.EMPTY, JSON)
                        .getBody())
                .containsEntry("detail", "没有受理编号为 YY20260101-999999 的异议，请核对编号");
    }

    private static Map<String, Object> parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, JSON_MAP);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> JSON_MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    private static HttpEntity<Void> as(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return new HttpEntity<>(headers);
    }
}
