package cn.pubdata.approval.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.identity.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The catalog as the public reads it and as the authority and the providing units keep it. */
class CatalogApiTest extends WebTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Test
    @Enforces({"CAT-16"})
    void theFirstBatchOfTheSeedsIsLoaded() {
        List<Map<String, Object>> jdz = list(null, "/api/catalog/resources?jurisdiction=jingdezhen");
        assertThat(jdz.stream()
                        .map(r -> r.get("code").toString())
                        .filter(c -> !c.contains("-test-") && !c.contains("secret")))
                .as("annex 1: 14 resources")
                .hasSizeGreaterThanOrEqualTo(14)
                .contains("fgw-personal-credit", "gxj-industries", "zwj-12345-complaints");
        assertThat(jdz.stream().map(r -> r.get("providerName")).collect(Collectors.toSet()))
                .as("of 10 provider units")
                .contains("市发改委", "市住建局", "市统计局", "市交通局", "市文旅局", "市卫健委", "市城管局", "市政务局", "市生态环境局", "市工信局");
        Map<String, Object> operation = one(null, "/api/catalog/operation?jurisdiction=jingdezhen");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> products = (List<Map<String, Object>>) operation.get("firstBatchProducts");
        assertThat(products).as("annex 2: 14 products").hasSize(14);
        assertThat(products.stream().map(p -> p.get("domain")).collect(Collectors.toSet()))
                .as("in 6 domains")
                .containsExactlyInAnyOrder("金融服务", "交通运输", "医疗健康", "城市治理", "文化旅游", "产业运行");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> xianning = (List<Map<String, Object>>)
                one(null, "/api/catalog/operation?jurisdiction=xianning").get("firstBatchProducts");
        assertThat(xianning)
                .extracting(p -> p.get("name"))
                .contains("住房公积金信贷", "文旅数据集")
                .hasSize(6);
    }

    @Test
    @Enforces({"CAT-05", "CAT-01"})
    void theOperationCatalogIsPublicAndFollowsEveryChangeTheAuthorityMakes() {
        ResponseEntity<Map<String, Object>> added = call(
                "authority",
                HttpMethod.POST,
                "/api/catalog/resources",
                Map.of(
                        "code", "xc-jtj-signals",
                        "name", "道路信号灯配时信息",
                        "jurisdiction", "xinchang",
                        "providerCode", "xc-jtj",
                        "openCondition", "CONDITIONAL",
                        "grade", 2,
                        "provinceReturned", false));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(resourceCodes("xinchang")).contains("xc-jtj-signals");

        ResponseEntity<Map<String, Object>> noReason = call(
                "authority",
                HttpMethod.PUT,
                "/api/catalog/resources/xc-jtj-signals/open-condition",
                Map.of("openCondition", "PROHIBITED"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("detail").toString()).contains("理由");
        assertThat(call(
                                "authority",
                                HttpMethod.PUT,
                                "/api/catalog/resources/xc-jtj-signals/open-condition",
                                Map.of("openCondition", "PROHIBITED", "reason", "涉及交通安全控制"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(resourceCodes("xinchang"))
                .as("a prohibited resource leaves the operation catalog")
                .doesNotContain("xc-jtj-signals");
        assertThat(list("authority", "/api/catalog/changes?jurisdiction=xinchang"))
                .extracting(c -> c.get("what") + " " + c.get("reason") + " " + c.get("actor"))
                .anyMatch(c -> c.contains("有条件开放 → 禁止开放") && c.contains("涉及交通安全控制"))
                .anyMatch(c -> c.contains("新增数据资源「道路信号灯配时信息」"));
        assertThat(call(null, HttpMethod.GET, "/api/catalog/changes?jurisdiction=xinchang", null)
                        .getStatusCode())
                .as("who changed what is for reviewers")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @Enforces({"CAT-04"})
    void aProviderUnitGradesItsOwnResourcesAndNoOneElses() {
        assertThat(call(
                                "fgw",
                                HttpMethod.PUT,
                                "/api/catalog/resources/fgw-major-projects/grade",
                                Map.of("grade", 3, "reason", "含项目投资金额，调高一级"))
                        .getBody())
                .containsEntry("grade", 3);
        assertThat(call(
                                "jtj",
                                HttpMethod.PUT,
                                "/api/catalog/resources/fgw-major-projects/grade",
                                Map.of("grade", 1, "reason", "越权"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call(
                                "op-cidu",
                                HttpMethod.PUT,
                                "/api/catalog/resources/fgw-major-projects/grade",
                                Map.of("grade", 1))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("fgw", HttpMethod.PUT, "/api/catalog/resources/fgw-major-projects/open-condition", Map.of())
                        .getStatusCode())
                .as("reclassifying is the authority's")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(list(null, "/api/catalog/resources?jurisdiction=jingdezhen"))
                .filteredOn(r -> r.get("code").equals("fgw-major-projects"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("grade", 3));
    }

    @Test
    void aResourceForAnotherJurisdictionsUnitOrAnExistingCodeIsRefusedAtItsField() {
        ResponseEntity<Map<String, Object>> wrongUnit = call(
                "authority",
                HttpMethod.POST,
                "/api/catalog/resources",
                Map.of(
                        "code",
                        "xc-fgw-wrong",
                        "name",
                        "错位资源",
                        "jurisdiction",
                        "xinchang",
                        "providerCode",
                        "fgw",
                        "openCondition",
                        "OPEN",
                        "grade",
                        1,
                        "provinceReturned",
                        false));
        assertThat(wrongUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongUnit.getBody().get("errors").toString()).contains("providerCode", "不是新昌县的数据提供单位");
        ResponseEntity<Map<String, Object>> badCode = call(
                "authority",
                HttpMethod.POST,
                "/api/catalog/resources",
                Map.of(
                        "code",
                        "有中文",
                        "name",
                        "x",
                        "jurisdiction",
                        "jingdezhen",
                        "providerCode",
                        "fgw",
                        "openCondition",
                        "MAYBE",
                        "grade",
                        9,
                        "provinceReturned",
                        false));
        assertThat(badCode.getBody().get("errors").toString()).contains("code", "openCondition", "grade");
        assertThat(call(
                                "authority",
                                HttpMethod.POST,
                                "/api/catalog/resources",
                                Map.of(
                                        "code",
                                        "fgw-personal-credit",
                                        "name",
                                        "重复",
                                        "jurisdiction",
                                        "jingdezhen",
                                        "providerCode",
                                        "fgw",
                                        "openCondition",
                                        "OPEN",
                                        "grade",
                                        1,
                                        "provinceReturned",
                                        false))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(call(
                                "authority",
                                HttpMethod.PUT,
                                "/api/catalog/resources/no-such/open-condition",
                                Map.of("openCondition", "OPEN", "reason", "x"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @SuppressWarnings("unchecked")
    private Set<String> resourceCodes(String jurisdiction) {
        return ((List<Map<String, Object>>) one(null, "/api/catalog/operation?jurisdiction=" + jurisdiction)
                        .get("resources"))
                .stream().map(r -> r.get("code").toString()).collect(Collectors.toSet());
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBearerAuth(Tokens.of(user));
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    private Map<String, Object> one(String user, String path) {
        ResponseEntity<Map<String, Object>> answer = call(user, HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private List<Map<String, Object>> list(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBearerAuth(Tokens.of(user));
        }
        ResponseEntity<List<Map<String, Object>>> answer =
                http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), LIST);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
