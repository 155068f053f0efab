package cn.pubdata.approval.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.identity.Tokens;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scenarios through the portal API: who may submit for whom, what each caller sees, and bad input at its line. */
class ScenarioApiTest extends WebTest {

    private static final String CIDU = "91330100716105852F";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorizedOperators operators;

    @BeforeEach
    void ciduIsAnAuthorizedOperator() {
        operators.ciduInJingdezhen();
    }

    @Test
    void anOperatorSubmitsAScenarioAndFollowsItsLinesAndDueDates() {
        ResponseEntity<Map<String, Object>> created =
                call("op-cidu", HttpMethod.POST, "/api/scenarios", body("企业信贷辅助", "fgw-enterprise-credit"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = created.getBody().get("id");
        assertThat(created.getBody()).containsEntry("statusLabel", "审核中").containsEntry("submitterRole", "OPERATOR");
        Map<String, Object> progress = call("op-cidu", HttpMethod.GET, "/api/scenarios/" + id + "/progress", null)
                .getBody();
        assertThat(progress.get("operatorAction").toString()).contains("暂无需操作");
        assertThat(progress.get("due").toString()).contains("场景预审", "workingDaysLeft=5");
        assertThat(progress.get("lines").toString()).contains("企业信用信息", "待数据提供单位审核");
        assertThat(text("op-cidu", "/api/scenarios")).contains("企业信贷辅助");
        assertThat(text("op-cidu", "/api/agreements"))
                .as("the agreement offers what its scenarios may ask for")
                .contains("JDZ-API-1", "fgw-enterprise-credit", "jtj-vehicles")
                .doesNotContain("wlj-cultural-venues");
    }

    @Test
    void anotherOperatorsScenarioAnswers404AndChangesNothing() {
        Object id = call("op-cidu", HttpMethod.POST, "/api/scenarios", body("出行便民查询", "jtj-vehicles"))
                .getBody()
                .get("id");
        for (String path : List.of("/api/scenarios/" + id, "/api/scenarios/" + id + "/progress")) {
            assertThat(call("op-changnan", HttpMethod.GET, path, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(call("op-changnan", HttpMethod.POST, "/api/scenarios/" + id + "/withdraw", Map.of("reason", "恶意撤回"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("op-cidu", HttpMethod.GET, "/api/scenarios/" + id, null).getBody())
                .containsEntry("statusLabel", "审核中");
    }

    @Test
    void aPartnerSubmitsOnTheOperatorsBehalfAndAProviderUnitOfTheJurisdictionMayPropose() {
        assertThat(call("dev-cidu", HttpMethod.POST, "/api/scenarios", body("合伙人申报", "fgw-enterprise-credit"))
                        .getBody())
                .containsEntry("submitterRole", "PARTNER");
        Map<String, Object> proposal = body("提供单位提议", "jtj-vehicles");
        proposal.put("operatorCreditCode", CIDU);
        assertThat(call("jtj", HttpMethod.POST, "/api/scenarios", proposal).getBody())
                .containsEntry("submitterRole", "PROVIDER");
        ResponseEntity<Map<String, Object>> outsider = call("xc-jtj", HttpMethod.POST, "/api/scenarios", proposal);
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(outsider.getBody().get("detail").toString()).contains("SCN-11");
        assertThat(call("authority", HttpMethod.POST, "/api/scenarios", proposal)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(null, HttpMethod.POST, "/api/scenarios", proposal).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badLinesAnswer400AtTheirLineAndNothingIsWritten() {
        int before = scenarios();
        Map<String, Object> outside = body("越界", "wlj-cultural-venues");
        ResponseEntity<Map<String, Object>> answer = call("op-cidu", HttpMethod.POST, "/api/scenarios", outside);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString()).contains("lines[0].resourceCode", "CAT-11");
        Map<String, Object> empty = body("空清单", "fgw-enterprise-credit");
        empty.put("lines", List.of());
        empty.put("riskAssessment", " ");
        assertThat(call("op-cidu", HttpMethod.POST, "/api/scenarios", empty)
                        .getBody()
                        .get("errors")
                        .toString())
                .contains("lines", "riskAssessment", "SCN-01");
        Map<String, Object> noAgreement = body("无协议", "fgw-enterprise-credit");
        assertThat(call("op-changnan", HttpMethod.POST, "/api/scenarios", noAgreement)
                        .getBody()
                        .get("detail")
                        .toString())
                .contains("没有授权运营协议");
        assertThat(scenarios()).isEqualTo(before);
    }

    private Map<String, Object> body(String name, String resource) {
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        Map<String, Object> line = Map.of(
                "resourceCode",
                resource,
                "fields",
                "名称、信用等级",
                "usage",
                "QUERY",
                "frequency",
                "MONTHLY",
                "periodFrom",
                today.toString(),
                "periodTo",
                today.plusMonths(6).toString());
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("jurisdiction", "jingdezhen");
        body.put("name", name);
        body.put("domain", "金融服务");
        body.put("purpose", "INDUSTRY");
        body.put("constructionPlan", "建设方案");
        body.put("riskAssessment", "风险评估：个人隐私保护措施");
        body.put("securityMeasures", "平台内加工");
        body.put("lines", List.of(line));
        return body;
    }

    private String text(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private int scenarios() {
        return jdbc.sql("select count(*) from approval.scenario")
                .query(Integer.class)
                .single();
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBearerAuth(Tokens.of(user));
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }
}
