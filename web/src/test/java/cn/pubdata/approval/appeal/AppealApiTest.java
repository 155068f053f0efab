package cn.pubdata.approval.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.datause.DataUseForm;
import cn.pubdata.approval.datause.DataUseStatus;
import cn.pubdata.approval.datause.DataUses;
import cn.pubdata.approval.developer.DeveloperApplicationForm;
import cn.pubdata.approval.developer.DeveloperDecision;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.developer.DevelopmentAgreement;
import cn.pubdata.approval.developer.PartnerRules;
import cn.pubdata.approval.developer.PartnerRulesBook;
import cn.pubdata.approval.developer.PartnerRulesForm;
import cn.pubdata.approval.developer.StaffFiling;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.identity.Tokens;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.scenario.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Appeals and objections through the portal API: an operator in 咸宁 appeals its refused data-use request (APL-01) and
 * follows it (APL-02); a developer in 咸宁 appeals its operator's refusal of its product in the out-of-domain review; who may file, whose appeal is whose, a second appeal and an objection outside 004 are refused
 * with their reasons. The flows themselves are the process tests'.
 */
class AppealApiTest extends WebTest {

    private static final String CHANGNAN = "914403001922038216";
    private static final String HUIYUN = "91360200MA3KD7R2WF";
    private static final String RESOURCE = "xn-wlj-appeal-api";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    AuthorizedOperators operators;

    @Autowired
    Scenarios scenarios;

    @Autowired
    DataUses dataUses;

    @Autowired
    Developers developers;

    @Autowired
    PartnerRulesBook partnerRules;

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorAppealsItsRefusedDataUseRequestOnceAndFollowsIt() {
        long requestId = refusedDataUseRequest();
        Map<String, Object> body = Map.of("requestId", requestId, "grounds", "用途在场景批准范围内");

        assertThat(call("authority", HttpMethod.POST, "/api/appeals/data-use", body)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("op-cidu", HttpMethod.POST, "/api/appeals/data-use", body)
                        .getStatusCode())
                .as("another operator's request is not found")
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> noGrounds = call(
                "op-changnan",
                HttpMethod.POST,
                "/api/appeals/data-use",
                Map.of("requestId", requestId, "grounds", " "));
        assertThat(noGrounds.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noGrounds.getBody().get("errors").toString()).contains("grounds", "请写明申诉的事实和理由");
        assertThat(call("op-changnan", HttpMethod.POST, "/api/appeals/data-use", Map.of("grounds", "理由"))
                        .getBody()
                        .get("errors")
                        .toString())
                .contains("requestId", "请选择被申诉的数据需求申请");

        ResponseEntity<Map<String, Object>> created =
                call("op-changnan", HttpMethod.POST, "/api/appeals/data-use", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = created.getBody().get("id");
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/appeals/" + id);
        assertThat(created.getBody()).containsEntry("kind", "DATA_USE_REFUSAL");
        assertThat(created.getBody().get("contestedDecision").toString())
                .contains("DUR-" + requestId, "未获批准", "IRS技术审核不通过：使用目的与场景不符");

        ResponseEntity<Map<String, Object>> again = call("op-changnan", HttpMethod.POST, "/api/appeals/data-use", body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").toString()).contains("同一决定不能再次申诉");

        List<Map<String, Object>> mine = http.exchange(
                        "/api/appeals", HttpMethod.GET, new HttpEntity<>(auth("op-changnan")), LIST)
                .getBody();
        assertThat(mine)
                .filteredOn(
                        a -> ((Map<String, Object>) a.get("appeal")).get("id").equals(id))
                .singleElement()
                .satisfies(
                        a -> assertThat(a).containsEntry("word", "申诉").containsEntry("statusLabel", "已登记，数据主管部门处理中"));
        List<Map<String, Object>> cidus = http.exchange(
                        "/api/appeals", HttpMethod.GET, new HttpEntity<>(auth("op-cidu")), LIST)
                .getBody();
        assertThat(cidus)
                .noneMatch(
                        a -> ((Map<String, Object>) a.get("appeal")).get("id").equals(id));

        assertThat(call("op-cidu", HttpMethod.GET, "/api/appeals/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("authority", HttpMethod.GET, "/api/appeals/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // APL-02: registered and told, as the portal's progress shows it
        await().atMost(Duration.ofSeconds(60))
                .until(() -> call("op-changnan", HttpMethod.GET, "/api/appeals/" + id, null)
                        .getBody()
                        .get("timeline")
                        .toString()
                        .contains("申诉已登记"));
        // the authority finds the appeal among its open tasks in the portal and opens it in Tasklist
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                http.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(auth("authority")), LIST)
                                        .getBody())
                        .filteredOn(t -> ("APP-" + id).equals(t.get("businessKey")))
                        .singleElement()
                        .satisfies(t -> assertThat(t)
                                .containsEntry("name", "处理申诉")
                                .containsEntry("flowKey", "appeal")
                                .containsEntry("overdue", false)
                                .containsKey("due")));
        assertThat(http.exchange("/api/tasks", HttpMethod.GET, new HttpEntity<>(auth("province")), LIST)
                        .getBody())
                .as("another unit does not see the authority's task")
                .noneMatch(t -> ("APP-" + id).equals(t.get("businessKey")));
        assertThat(call("op-changnan", HttpMethod.GET, "/api/tasks", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("op-changnan", HttpMethod.POST, "/api/appeals/" + id + "/material", Map.of("material", "补充"))
                        .getBody()
                        .get("detail")
                        .toString())
                .contains("未要求补充材料");
    }

    @Test
    void anObjectionIsFor004sSupplyAndDemandDecisionsAndNamesItsLine() {
        long requestId = refusedDataUseRequest();
        ResponseEntity<Map<String, Object>> outside = call(
                "op-changnan",
                HttpMethod.POST,
                "/api/appeals/objections",
                Map.of("requestId", requestId, "lineNo", 1, "grounds", "理由"));
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(outside.getBody().get("detail").toString()).contains("未规定供需异议处理机制", "APL-04");
        assertThat(call("op-changnan", HttpMethod.POST, "/api/appeals/objections", new HashMap<>())
                        .getBody()
                        .get("errors")
                        .toString())
                .contains("requestId", "请选择提出异议的数据需求申请");
        assertThat(call("province", HttpMethod.POST, "/api/appeals/objections", new HashMap<>())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeveloperAppealsTheOperatorsRefusalOfItsProductInTheOutOfDomainReview() {
        Scenario scenario = approvedScenarioOfChangnan("景区客流月报（产品申诉接口测试）");
        developerWithAccessToChangnan();
        // the portal offers the developer its operator's approved scenario; the scenario's reviews stay the operator's
        assertThat(http.exchange(
                                "/api/scenarios/open-for-products",
                                HttpMethod.GET,
                                new HttpEntity<>(auth("dev-huiyun")),
                                LIST)
                        .getBody())
                .anySatisfy(s -> assertThat(s)
                        .containsEntry("id", scenario.getId().intValue())
                        .containsEntry("creditCode", CHANGNAN));
        assertThat(call("dev-huiyun", HttpMethod.GET, "/api/scenarios/" + scenario.getId(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(call("dev-huiyun", HttpMethod.GET, "/api/scenarios/" + scenario.getId() + "/progress", null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("op-cidu", HttpMethod.GET, "/api/scenarios/" + scenario.getId(), null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange(
                                "/api/scenarios/open-for-products",
                                HttpMethod.GET,
                                new HttpEntity<>(auth("op-cidu")),
                                LIST)
                        .getBody())
                .noneSatisfy(
                        s -> assertThat(s).containsEntry("id", scenario.getId().intValue()));
        Map<String, Object> product = new HashMap<>();
        product.put("scenarioId", scenario.getId());
        product.put("name", "景区客流月报（接口测试）");
        product.put("kind", "REPORT");
        product.put("description", "面向公共治理的统计报告");
        product.put("resources", List.of(RESOURCE));
        product.put("developmentPlan", "在平台内按月聚合，仅交付聚合结果");
        product.put("aiBased", false);
        product.put("purpose", "PUBLIC_WELFARE");
        product.put("deliverable", "按月聚合的统计结果");
        product.put("rawData", false);
        product.put("costItems", List.of(Map.of("item", "INFRASTRUCTURE", "amountYuan", 1000)));
        product.put("expectedYearlyVolume", 100);
        product.put("feeYuan", 0);
        product.put("feeUnit", "份");
        product.put("complianceReview", "开发利用主体自查：仅交付聚合结果");
        product.put("complianceReviewer", "合规负责人");

        // 003: the developer submits under its operator's scenario; the operator reviews it before anything is filed
        ResponseEntity<Map<String, Object>> submitted = call("dev-huiyun", HttpMethod.POST, "/api/products", product);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(submitted.getBody())
                .containsEntry("creditCode", CHANGNAN)
                .containsEntry("developerCreditCode", HUIYUN);
        Object id = submitted.getBody().get("id");
        assertThat(http.exchange("/api/products", HttpMethod.GET, new HttpEntity<>(auth("dev-huiyun")), LIST)
                        .getBody())
                .as("the developer lists its own product")
                .anySatisfy(p -> assertThat(p).containsEntry("id", id));
        assertThat(call(
                                "dev-huiyun",
                                HttpMethod.POST,
                                "/api/products/" + id + "/operator-review",
                                Map.of("pass", true, "reason", "通过"))
                        .getBody()
                        .get("errors")
                        .toString())
                .contains("reviewer", "由其入驻的运营机构进行出域合规审核");
        ResponseEntity<Map<String, Object>> incomplete =
                call("op-changnan", HttpMethod.POST, "/api/products/" + id + "/operator-review", Map.of("pass", false));
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody().get("errors").toString()).contains("reason", "请写明审核结论");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> call(
                                        "op-changnan",
                                        HttpMethod.POST,
                                        "/api/products/" + id + "/operator-review",
                                        Map.of("pass", false, "reason", "交付物含可识别个人的明细数据"))
                                .getStatusCode()
                        == HttpStatus.OK);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "REJECTED"
                        .equals(call("dev-huiyun", HttpMethod.GET, "/api/products/" + id, null)
                                .getBody()
                                .get("status")));
        assertThat(call("dev-huiyun", HttpMethod.GET, "/api/products/" + id, null)
                        .getBody())
                .containsEntry("operatorReviewPassed", false)
                .containsEntry("operatorReviewReason", "交付物含可识别个人的明细数据");

        Map<String, Object> appeal = Map.of("productId", id, "grounds", "交付物仅为聚合统计结果");
        assertThat(call("op-changnan", HttpMethod.POST, "/api/appeals/products", appeal)
                        .getStatusCode())
                .as("the developer appeals, not the operator that refused")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("dev-huiyun", HttpMethod.POST, "/api/appeals/products", Map.of("grounds", "理由"))
                        .getBody()
                        .get("errors")
                        .toString())
                .contains("productId", "请选择被申诉的数据产品");
        ResponseEntity<Map<String, Object>> created =
                call("dev-huiyun", HttpMethod.POST, "/api/appeals/products", appeal);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody())
                .containsEntry("kind", "PRODUCT_REFUSAL")
                .containsEntry("contestedSubject", "PRD-" + id);
        assertThat(created.getBody().get("contestedDecision").toString())
                .contains("昌南数科有限公司", "出域合规审核不通过", "交付物含可识别个人的明细数据");
        assertThat(call("dev-huiyun", HttpMethod.POST, "/api/appeals/products", appeal)
                        .getBody()
                        .get("detail")
                        .toString())
                .contains("同一决定不能再次申诉");
        List<Map<String, Object>> mine = http.exchange(
                        "/api/appeals", HttpMethod.GET, new HttpEntity<>(auth("dev-huiyun")), LIST)
                .getBody();
        assertThat(mine)
                .anySatisfy(a -> assertThat((Map<String, Object>) a.get("appeal"))
                        .containsEntry("contestedSubject", "PRD-" + id));
    }

    /** An approved scenario of op-changnan in 咸宁 for the test's resource, as the scenario flow leaves it. */
    private Scenario approvedScenarioOfChangnan(String name) {
        freshAgreement();
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        Scenario scenario = scenarios.register(
                new ScenarioForm(
                        "xianning",
                        null,
                        name,
                        "文化旅游",
                        Purpose.INDUSTRY,
                        "方案",
                        "风险评估：个人隐私",
                        "平台内加工",
                        List.of(new ScenarioForm.LineInput(
                                RESOURCE,
                                "客流量",
                                ScenarioLine.Usage.STATISTICS,
                                ScenarioLine.Frequency.MONTHLY,
                                today,
                                today.plusMonths(6)))),
                Actor.operator("op-changnan", CHANGNAN));
        scenarios.recordProviderDecision(scenario.getId(), "provider-xn-wlj", List.of("1"), null);
        scenarios.close(scenario.getId(), ScenarioStatus.APPROVED, null);
        scenarios.publish(scenario.getId());
        return scenario;
    }

    /** dev-huiyun admitted to op-changnan's platform in 咸宁 with its access open, as the developer flow leaves it. */
    private void developerWithAccessToChangnan() {
        Actor operator = Actor.operator("op-changnan", CHANGNAN);
        if (developers.withAccess(CHANGNAN, HUIYUN, "xianning").isPresent()) {
            return;
        }
        if (partnerRules.inForce(CHANGNAN, "xianning").isEmpty()) {
            PartnerRules rules =
                    partnerRules.submit(new PartnerRulesForm("xianning", "具备数据安全管理能力", "经审核签订开发利用协议后入驻"), operator);
            partnerRules.decide(rules.id(), true, "同意", "authority");
        }
        Actor developer = new Actor("dev-huiyun", "dev-huiyun", Actor.Kind.PARTNER, HUIYUN, Set.of(), null);
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        long id = developers
                .apply(
                        new DeveloperApplicationForm(
                                "xianning",
                                CHANGNAN,
                                "数据治理团队",
                                true,
                                List.of(new DeveloperApplicationForm.StaffMember("王五", "1234", "开发"))),
                        developer,
                        "慧云数据科技有限公司")
                .id();
        developers.decide(id, new DeveloperDecision(true, "同意入驻"), operator);
        developers.recordAgreement(id, new DevelopmentAgreement("KF-API-" + id, today, today.plusYears(2)), operator);
        developers.fileStaff(
                id,
                new StaffFiling(developers.staffOf(id).stream()
                        .map(s -> new StaffFiling.Filed(s.id(), true, today))
                        .toList()),
                operator);
        developers.openAccess(id);
    }

    /** A data-use request of op-changnan in 咸宁 refused by the IRS review, as the data-use flow leaves it. */
    private long refusedDataUseRequest() {
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        Actor operator = Actor.operator("op-changnan", CHANGNAN);
        Scenario scenario = approvedScenarioOfChangnan("景区客流预警（接口测试）");
        long id = dataUses.register(
                        new DataUseForm(scenario.getId(), "节假日客流预警", today, today.plusMonths(1), List.of(1)), operator)
                .getId();
        dataUses.close(id, DataUseStatus.REFUSED, "IRS技术审核不通过：使用目的与场景不符");
        return id;
    }

    /** A fresh agreement of op-changnan in 咸宁 with its permissions open: the state an admission leaves. */
    private void freshAgreement() {
        operators.ensureResource(RESOURCE, "景区游客流量信息（申诉接口测试）", "xianning", "xn-wlj");
        operators.openAgreement(
                AuthorizedOperators.CHANGNAN_COMPANY,
                "xianning",
                "申诉接口测试通告",
                List.of(RESOURCE),
                List.of("provider-xn-wlj"),
                "XN-APL-" + NEXT.incrementAndGet() + "-" + Instant.now().toEpochMilli(),
                36);
    }

    private HttpHeaders auth(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return headers;
    }

    private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBearerAuth(Tokens.of(user));
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }
}
