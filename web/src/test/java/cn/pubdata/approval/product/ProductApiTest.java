package cn.pubdata.approval.product;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.identity.Tokens;
import cn.pubdata.approval.pricing.ProductCategory;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.Scenarios;
import java.math.BigDecimal;
import java.util.HashMap;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products through the portal API and the public product list with its prices. The product and scenario flows are
 * proved by the process tests; here a listed product is set up through the services, as those flows leave it. The
 * operator op-cidu holds an agreement in 景德镇 from {@code ScenarioApiTest}'s fixture, or gets one here.
 */
class ProductApiTest extends WebTest {

    private static final String CIDU = "91330100716105852F";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    Scenarios scenarios;

    @Autowired
    Products products;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorizedOperators operators;

    @Test
    @Enforces({"DSC-02", "DSC-03"})
    void listedProductsArePublicWithTheirPricesClearlyMarked() {
        Scenario scenario = operators.approvedScenarioOfCidu("企业信贷辅助评估");
        Product product =
                products.register(form(scenario.getId(), Purpose.INDUSTRY, "2.50"), Actor.operator("op-cidu", CIDU));
        products.recordFiling(product.getId());
        products.recordRegistration(product.getId(), "JX-DJ-2026-001", "登记备案（实施方案未指定平台）");
        products.list(product.getId());
        ResponseEntity<String> list = http.getForEntity("/api/catalog/products?jurisdiction=jingdezhen", String.class);
        assertThat(list.getStatusCode()).as("no login needed").isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains("企业信贷辅助评估产品", "2.50 元/次", "瓷都数据运营有限公司", "JX-DJ-2026-001");
    }

    @Test
    void aPublicWelfareProductWithAFeeIsRefusedAtTheFeeAndAnotherOperatorsProductIsNotFound() {
        Scenario scenario = operators.approvedScenarioOfCidu("医疗救助识别");
        int before = jdbc.sql("select count(*) from approval.product")
                .query(Integer.class)
                .single();
        ResponseEntity<Map<String, Object>> answer =
                call("op-cidu", HttpMethod.POST, "/api/products", body(scenario.getId(), "PUBLIC_WELFARE", "1.00"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString()).contains("feeYuan", "PRC-01");
        assertThat(jdbc.sql("select count(*) from approval.product")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);

        Product own =
                products.register(form(scenario.getId(), Purpose.INDUSTRY, "3.00"), Actor.operator("op-cidu", CIDU));
        for (String path : List.of("/api/products/" + own.getId(), "/api/products/" + own.getId() + "/progress")) {
            assertThat(call("op-changnan", HttpMethod.GET, path, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(call("op-cidu", HttpMethod.GET, path, null).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(call("op-changnan", HttpMethod.POST, "/api/products", body(scenario.getId(), "INDUSTRY", "1.00"))
                        .getStatusCode())
                .as("another operator's scenario")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static ProductForm form(long scenarioId, Purpose purpose, String fee) {
        return new ProductForm(
                scenarioId,
                "企业信贷辅助评估产品",
                ProductCategory.API,
                "按企业信用信息给出信贷辅助评估结论",
                List.of("fgw-enterprise-credit"),
                "在平台内按模型计算，输出评估等级",
                false,
                null,
                purpose,
                "评估等级（A–E）",
                false,
                List.of(new ProductForm.CostItemInput(CostItem.SECURITY_SERVICES, new BigDecimal("12000"), null)),
                10000L,
                new BigDecimal(fee),
                "次",
                "经本单位出域合规审核，交付物不含原始数据",
                "合规部 李四");
    }

    private static Map<String, Object> body(long scenarioId, String purpose, String fee) {
        Map<String, Object> body = new HashMap<>();
        body.put("scenarioId", scenarioId);
        body.put("name", "接口测试产品");
        body.put("kind", "API");
        body.put("description", "简介");
        body.put("resources", List.of("fgw-enterprise-credit"));
        body.put("developmentPlan", "开发方案");
        body.put("aiBased", false);
        body.put("purpose", purpose);
        body.put("deliverable", "评估等级");
        body.put("rawData", false);
        body.put("costItems", List.of(Map.of("item", "SECURITY_SERVICES", "amountYuan", 1000)));
        body.put("expectedYearlyVolume", 100);
        body.put("feeYuan", fee);
        body.put("feeUnit", "次");
        body.put("complianceReview", "审核结论");
        body.put("complianceReviewer", "李四");
        return body;
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBearerAuth(Tokens.of(user));
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }
}
