package cn.pubdata.approval.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.evaluation.Evaluation;
import cn.pubdata.approval.evaluation.EvaluationSubmission;
import cn.pubdata.approval.exit.ExitCases;
import cn.pubdata.approval.fixture.AuthorizedOperators;
import cn.pubdata.approval.fixture.Figures;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.NoticeDraft;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.officialnotice.OfficialNotices;
import cn.pubdata.approval.rectification.Rectifications;
import cn.pubdata.approval.scenario.Scenario;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One company's data is invisible to another on every portal route that takes an id, the routes read from the
 * running application: op-changnan calls each with op-cidu's real ids (an application, a document, a scenario, a
 * product, a data-use request, a data-quality issue, a risk report, a notice, an official notice, an agreement, an exit, a rectification, a disclosure plan item,
 * an evaluation, a developer's application to it) and gets 404, and nothing of op-cidu's changes. The lists filtered by company show op-changnan none of op-cidu's items either.
 */
class OperatorIsolationTest extends WebTest {

    private static final String CIDU = "91330100716105852F";
    private static final ParameterizedTypeReference<Object> ANY = new ParameterizedTypeReference<>() {};

    /**
     * Routes whose id is not a company's (besides the disclosure site's under /api/public/): public, a reviewer's task, a calendar year, a jurisdiction's policy profile;
     * and the agreed terms only the authority records and the managers' drill-down (the role check refuses every
     * operator).
     */
    private static final Set<String> NOT_A_COMPANYS_ID = Set.of(
            "/api/policy/profiles/{code}",
            "/api/policy/profiles/{code}/versions/{version}",
            "/api/lifecycle/agreements/{id}/terms",
            "/api/announcements/{id}",
            "/api/applications/{id}/objections",
            "/api/tasks/{taskId}/decision",
            "/api/calendar/{year}",
            "/api/catalog/resources/{code}/grade",
            "/api/catalog/resources/{code}/open-condition",
            "/api/pricing/ceilings/{jurisdiction}/{creditCode}/{category}",
            "/api/appeals/{id}/material",
            "/api/dashboard/timeline/{subject}");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorizedOperators operators;

    @Autowired
    Notifications notifications;

    @Autowired
    OfficialNotices officialNotices;

    @Autowired
    EvaluationSubmission evaluations;

    @Autowired
    ExitCases exits;

    @Autowired
    Rectifications rectifications;

    @Autowired
    ExternalTaskService externalTasks;

    @Autowired
    ManagementService management;

    /** op-cidu's exit, rectification and evaluation in 咸宁, made once: an exit is not undone. */
    private static Map<String, Long> lifecycleIds;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void anotherCompanysIdAnswers404OnEveryRouteAndChangesNothing() {
        Map<String, Long> ids = ciduData();
        String before = snapshot(ids);
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<RequestMappingInfo, ?> route :
                mappings.getHandlerMethods().entrySet()) {
            for (String pattern : route.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")
                        || !pattern.contains("{")
                        || NOT_A_COMPANYS_ID.contains(pattern)
                        || pattern.startsWith("/api/public/")) { // the disclosure site: anyone's, by design
                    continue;
                }
                String kind = pattern.split("/")[2];
                String path = pattern.equals("/api/pricing/ceilings/{jurisdiction}/{creditCode}")
                        ? "/api/pricing/ceilings/jingdezhen/" + CIDU
                        : pattern.replaceFirst("\\{id}", String.valueOf(idOf(ids, kind, pattern)));
                for (RequestMethod method : route.getKey().getMethodsCondition().getMethods()) {
                    calls++;
                    ResponseEntity<Object> answer =
                            call("op-changnan", HttpMethod.valueOf(method.name()), path, bodyFor(pattern, ids));
                    if (answer.getStatusCode().value() != 404) {
                        leaks.add(
                                method + " " + path + " answered " + answer.getStatusCode() + ": " + answer.getBody());
                    }
                }
            }
        }
        Figures.report(
                "operator-isolation",
                "Operator isolation: " + calls + " calls with another company's ids, " + leaks.size()
                        + " not answered 404");
        assertThat(leaks).isEmpty();
        assertThat(calls).as("every kind of id was tried").isGreaterThanOrEqualTo(20);
        assertThat(snapshot(ids)).as("nothing of op-cidu's changed").isEqualTo(before);
    }

    @Test
    void listsFilteredByCompanyShowAnotherCompanyNoneOfItsItems() {
        Map<String, Long> ids = ciduData();
        for (String kind : List.of(
                "applications", "scenarios", "products", "data-use-requests", "risk-reports", "quality-issues")) {
            ResponseEntity<Object> answer =
                    call("op-changnan", HttpMethod.GET, "/api/" + kind + "?creditCode=" + CIDU, null);
            String body = String.valueOf(answer.getBody());
            assertThat(answer.getStatusCode().value() == 200 ? body : "refused " + answer.getStatusCode())
                    .as(kind)
                    .doesNotContain(CIDU)
                    .doesNotContain("id=" + ids.get(kind) + ",");
        }
    }

    /** Real data of op-cidu, one of each kind, made as op-cidu makes it. */
    private Map<String, Long> ciduData() {
        Scenario scenario = operators.approvedScenarioOfCidu("隔离测试场景");
        Map<String, Long> ids = new HashMap<>();
        ids.put(
                "applications",
                jdbc.sql("select max(id) from approval.admission_application where credit_code = ?")
                        .param(1, CIDU)
                        .query(Long.class)
                        .single());
        ids.put(
                "documents",
                jdbc.sql("select max(id) from approval.document where owner = ?")
                        .param(1, CIDU)
                        .query(Long.class)
                        .single());
        ids.put("scenarios", scenario.getId());
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        ids.put("products", created("/api/products", productBody(scenario.getId())));
        ids.put(
                "data-use-requests",
                created(
                        "/api/data-use-requests",
                        Map.of(
                                "scenarioId", scenario.getId(),
                                "purpose", "按月更新信贷辅助评估",
                                "periodFrom", today.toString(),
                                "periodTo", today.plusMonths(3).toString(),
                                "lineNos", List.of(1))));
        ids.put(
                "quality-issues",
                created(
                        "/api/quality-issues",
                        Map.of("scenarioId", scenario.getId(), "lineNo", 1, "description", "信用等级字段有空值")));
        ids.put(
                "risk-reports",
                created(
                        "/api/risk-reports",
                        Map.of(
                                "jurisdiction", "jingdezhen",
                                "scenarioId", scenario.getId(),
                                "description", "发现异常批量查询",
                                "foundOn", today.toString(),
                                "measures", "已暂停相关接口")));
        notifications.send(Notifications.operator(CIDU), "isolation-" + System.nanoTime(), "隔离测试消息", "正文", null);
        ids.put(
                "inbox",
                jdbc.sql("select max(id) from approval.notice where recipient = ?")
                        .param(1, Notifications.operator(CIDU))
                        .query(Long.class)
                        .single());
        ids.put(
                "notices",
                officialNotices
                        .issue(new NoticeDraft(
                                "isolation:cidu",
                                OfficialNotice.Kind.DECISION,
                                "jingdezhen",
                                "ADM-" + ids.get("applications"),
                                CIDU,
                                "瓷都数据运营有限公司",
                                "【准入】隔离测试",
                                "瓷都数据运营有限公司：\n\n隔离测试。"))
                        .id());
        // op-cidu's developers apply in 咸宁 (003, where a refusal may be appealed) before its exit there is asked
        ids.put("developers", operators.developerApplicationToCidu());
        ids.put("appeals", operators.appealAgainstCidu());
        ids.putAll(ciduLifecycle());
        ids.put(
                "disclosure-plan",
                created(
                        "/api/disclosure-plan/items",
                        Map.of(
                                "agreementId",
                                ids.get("lifecycle"),
                                "item",
                                "隔离测试披露事项" + System.nanoTime(),
                                "frequencyMonths",
                                3,
                                "channel",
                                "运营平台门户网站")));
        return ids;
    }

    /**
     * op-cidu's agreement in 咸宁 with a security report awaited, a rectification the authority ordered and the early
     * termination op-cidu asked for; each flow waiting for op-cidu (its agreement in 景德镇 untouched).
     */
    private Map<String, Long> ciduLifecycle() {
        if (lifecycleIds != null) {
            return lifecycleIds;
        }
        long agreement = operators.ciduInXianning();
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        Map<String, Long> ids = new HashMap<>();
        ids.put("lifecycle", agreement);
        Evaluation evaluation = evaluations.start(
                agreement, Evaluation.Kind.SECURITY, today, today.plusMonths(6).minusDays(1));
        ids.put("evaluations", evaluation.id());
        Map<String, Object> order = new HashMap<>();
        order.put("agreementId", agreement);
        order.put("trigger", "BREACH");
        order.put("problems", "未按协议约定报送安全情况");
        order.put("evidence", "检查记录");
        order.put("deadline", today.plusDays(20).toString());
        long rectification = created("authority", "/api/rectifications", order);
        ids.put("rectifications", rectification);
        Map<String, Object> exit = new HashMap<>();
        exit.put("agreementId", agreement);
        exit.put("trigger", "EARLY_TERMINATION");
        exit.put("reason", "业务调整");
        exit.put("exitDate", today.plusMonths(1).toString());
        exit.put("liabilityAccepted", true);
        exit.put("liabilityStatement", "愿意承担相应违约责任");
        long exitId = created("op-cidu", "/api/exits", exit);
        ids.put("exits", exitId);
        List<String> instances = List.of(
                evaluation.processInstanceId(),
                rectifications.get(rectification).processInstanceId(),
                exits.get(exitId).processInstanceId());
        await().atMost(Duration.ofSeconds(60)).until(() -> instances.stream().allMatch(this::waiting));
        lifecycleIds = ids;
        return ids;
    }

    /** A flow waits for a person or a date: none of its external tasks or jobs is due now. */
    private boolean waiting(String processInstanceId) {
        return externalTasks
                                .createExternalTaskQuery()
                                .processInstanceId(processInstanceId)
                                .count()
                        == 0
                && management
                                .createJobQuery()
                                .processInstanceId(processInstanceId)
                                .executable()
                                .count()
                        == 0;
    }

    private long idOf(Map<String, Long> ids, String kind, String pattern) {
        Long id = ids.get(kind);
        assertThat(id)
                .as("a real id of op-cidu for " + pattern + " (a new kind of id needs one here)")
                .isNotNull();
        return id;
    }

    /** A well-formed body, so that the answer speaks of the id and not of a missing field. */
    private Object bodyFor(String pattern, Map<String, Long> ids) {
        if (pattern.endsWith("/withdraw")) {
            return Map.of("reason", "不再需要");
        }
        if (pattern.equals("/api/products/{id}/supplement")) {
            return productBody(ids.get("scenarios"));
        }
        return Map.of();
    }

    /** op-cidu's items as op-cidu sees them, and every timeline entry and read mark of its subjects. */
    private String snapshot(Map<String, Long> ids) {
        StringBuilder s = new StringBuilder();
        for (String kind : List.of(
                "applications",
                "scenarios",
                "products",
                "data-use-requests",
                "quality-issues",
                "risk-reports",
                "exits",
                "rectifications",
                "evaluations")) {
            s.append(call("op-cidu", HttpMethod.GET, "/api/" + kind + "/" + ids.get(kind) + "/progress", null)
                    .getBody());
        }
        s.append(call("op-cidu", HttpMethod.GET, "/api/lifecycle/agreements/" + ids.get("lifecycle"), null)
                .getBody());
        s.append(call("op-cidu", HttpMethod.GET, "/api/disclosure-plan", null).getBody());
        s.append(jdbc.sql("select count(*) from approval.timeline_event")
                .query(Long.class)
                .single());
        s.append(jdbc.sql("select read_at from approval.notice where id = ?")
                .param(1, ids.get("inbox"))
                .query(String.class)
                .optional());
        return s.toString();
    }

    private long created(String path, Object body) {
        return created("op-cidu", path, body);
    }

    private long created(String user, String path, Object body) {
        ResponseEntity<Object> answer = call(user, HttpMethod.POST, path, body);
        assertThat(answer.getStatusCode().value())
                .as(path + " " + answer.getBody())
                .isEqualTo(201);
        return ((Number) ((Map<?, ?>) answer.getBody()).get("id")).longValue();
    }

    private static Map<String, Object> productBody(long scenarioId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scenarioId", scenarioId);
        body.put("name", "隔离测试产品");
        body.put("kind", "API");
        body.put("description", "简介");
        body.put("resources", List.of("fgw-enterprise-credit"));
        body.put("developmentPlan", "开发方案");
        body.put("aiBased", false);
        body.put("purpose", "INDUSTRY");
        body.put("deliverable", "评估等级");
        body.put("rawData", false);
        body.put("costItems", List.of(Map.of("item", "SECURITY_SERVICES", "amountYuan", 1000)));
        body.put("expectedYearlyVolume", 100);
        body.put("feeYuan", "1.00");
        body.put("feeUnit", "次");
        body.put("complianceReview", "审核结论");
        body.put("complianceReviewer", "李四");
        return body;
    }

    private ResponseEntity<Object> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return http.exchange(path, method, new HttpEntity<>(body, headers), ANY);
    }
}
