package cn.pubdata.approval.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.identity.Tokens;
import java.time.LocalDate;
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
 * The operator's disclosure plan through HTTP: op-cidu adds what it discloses, how often and where, records a
 * disclosure; the public site shows each item with its frequency, channel and disclosures, the overdue one marked and
 * listed first. It changes an item's frequency and the next disclosure falls due by it; a duplicate name is refused. Another company cannot touch op-cidu's plan; a field left out is named.
 */
class DisclosurePlanApiTest extends WebTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    AuthorizedOperators operators;

    @Autowired
    Agreements agreements;

    @Test
    @Enforces({"DSC-01", "DSC-06"})
    void theOperatorsPlanAndItsDisclosuresArePublicWithTheOverdueOneMarked() {
        operators.ciduInJingdezhen();
        long agreement = agreements
                .latest("91330100716105852F", "jingdezhen")
                .orElseThrow()
                .id();
        String run = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(Clocks.BEIJING);

        ResponseEntity<Map<String, Object>> usage = post(
                "op-cidu",
                "/api/disclosure-plan/items",
                Map.of(
                        "agreementId",
                        agreement,
                        "item",
                        "公共数据资源使用情况" + run,
                        "frequencyMonths",
                        3,
                        "channel",
                        "运营平台门户网站"));
        assertThat(usage.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> products = post(
                "op-cidu",
                "/api/disclosure-plan/items",
                Map.of("agreementId", agreement, "item", "数据产品和服务清单" + run, "frequencyMonths", 1, "channel", "微信公众号"));
        assertThat(products.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long usageId = ((Number) usage.getBody().get("id")).longValue();
        // disclosed four months ago under a quarterly item: the next one was due a month ago
        ResponseEntity<Map<String, Object>> disclosed = post(
                "op-cidu",
                "/api/disclosure-plan/disclosures",
                Map.of(
                        "itemId",
                        usageId,
                        "disclosedOn",
                        today.minusMonths(4).toString(),
                        "content",
                        "第二季度数据调用情况报告" + run));
        assertThat(disclosed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(disclosed.getBody())
                .containsEntry("overdue", true)
                .containsEntry("nextDue", today.minusMonths(1).toString());

        ResponseEntity<Map<String, Object>> site =
                http.exchange("/api/public/disclosure?jurisdiction=jingdezhen", HttpMethod.GET, HttpEntity.EMPTY, JSON);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plans =
                (List<Map<String, Object>>) site.getBody().get("plans");
        List<Map<String, Object>> ours = plans.stream()
                .filter(p -> String.valueOf(p.get("item")).endsWith(run))
                .toList();
        assertThat(ours).hasSize(2);
        assertThat(ours.get(0))
                .as("the overdue item first")
                .containsEntry("item", "公共数据资源使用情况" + run)
                .containsEntry("companyName", "瓷都数据运营有限公司")
                .containsEntry("frequencyLabel", "每季度")
                .containsEntry("channel", "运营平台门户网站")
                .containsEntry("overdue", true);
        assertThat(String.valueOf(ours.get(0).get("disclosures"))).contains("第二季度数据调用情况报告" + run);
        assertThat(ours.get(1))
                .containsEntry("frequencyLabel", "每月")
                .containsEntry("overdue", false)
                .containsEntry(
                        "nextDue",
                        agreements
                                .find(agreement)
                                .orElseThrow()
                                .startsOn()
                                .plusMonths(1)
                                .toString());
        assertThat(plans.indexOf(ours.get(0))).as("overdue items head the list").isLessThan(plans.indexOf(ours.get(1)));

        long productsId = ((Number) products.getBody().get("id")).longValue();
        ResponseEntity<Map<String, Object>> changed = put(
                "op-cidu",
                "/api/disclosure-plan/items/" + productsId,
                Map.of("item", "数据产品和服务清单" + run, "frequencyMonths", 6, "channel", "运营平台门户网站"));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody())
                .as("the next disclosure falls due by the new frequency")
                .containsEntry("frequencyLabel", "每半年")
                .containsEntry("channel", "运营平台门户网站")
                .containsEntry(
                        "nextDue",
                        agreements
                                .find(agreement)
                                .orElseThrow()
                                .startsOn()
                                .plusMonths(6)
                                .toString());
        ResponseEntity<Map<String, Object>> blank = put(
                "op-cidu",
                "/api/disclosure-plan/items/" + productsId,
                Map.of("item", "数据产品和服务清单" + run, "frequencyMonths", 13, "channel", " "));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().toString()).contains("frequencyMonths", "1 到 12 个月", "channel", "披露渠道");
        ResponseEntity<Map<String, Object>> duplicate = put(
                "op-cidu",
                "/api/disclosure-plan/items/" + productsId,
                Map.of("item", "公共数据资源使用情况" + run, "frequencyMonths", 6, "channel", "微信公众号"));
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(put(
                                "op-changnan",
                                "/api/disclosure-plan/items/" + productsId,
                                Map.of("item", "冒名修改", "frequencyMonths", 1, "channel", "微信公众号"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map<String, Object>> other = post(
                "op-changnan",
                "/api/disclosure-plan/disclosures",
                Map.of("itemId", usageId, "disclosedOn", today.toString(), "content", "冒名披露"));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> incomplete =
                post("op-cidu", "/api/disclosure-plan/items", Map.of("agreementId", agreement, "item", "运营收益情况" + run));
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody().toString()).contains("frequencyMonths", "披露频次", "channel", "披露渠道");
        assertThat(http.exchange("/api/disclosure-plan", HttpMethod.GET, as("op-changnan"), String.class)
                        .getBody())
                .doesNotContain(run);
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
        return send(HttpMethod.POST, user, path, body);
    }

    private ResponseEntity<Map<String, Object>> put(String user, String path, Map<String, Object> body) {
        return send(HttpMethod.PUT, user, path, body);
    }

    private ResponseEntity<Map<String, Object>> send(
            HttpMethod method, String user, String path, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    private static HttpEntity<Void> as(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return new HttpEntity<>(headers);
    }
}
