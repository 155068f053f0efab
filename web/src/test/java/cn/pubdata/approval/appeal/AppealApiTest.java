package cn.pubdata.approval.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionApplication.DocumentKind;
import cn.pubdata.approval.admission.AdmissionApplications;
import cn.pubdata.approval.admission.Announcement;
import cn.pubdata.approval.admission.AnnouncementForm;
import cn.pubdata.approval.admission.Announcements;
import cn.pubdata.approval.admission.ApplicationForm;
import cn.pubdata.approval.admission.PlanSections;
import cn.pubdata.approval.agreement.AgreementLifecycle;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.catalog.CatalogMaintenance;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.catalog.ResourceForm;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.datause.DataUseForm;
import cn.pubdata.approval.datause.DataUseStatus;
import cn.pubdata.approval.datause.DataUses;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.identity.Tokens;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.scenario.Scenarios;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
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
 * follows it (APL-02); who may file, whose appeal is whose, a second appeal and an objection outside 004 are refused
 * with their reasons. The flows themselves are the process tests'.
 */
class AppealApiTest extends WebTest {

    private static final String CHANGNAN = "914403001922038216";
    private static final String RESOURCE = "xn-wlj-appeal-api";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    Announcements announcements;

    @Autowired
    AdmissionApplications applications;

    @Autowired
    DocumentStore documents;

    @Autowired
    Agreements agreements;

    @Autowired
    AgreementLifecycle lifecycle;

    @Autowired
    CatalogMaintenance catalogMaintenance;

    @Autowired
    CatalogResources catalog;

    @Autowired
    Scenarios scenarios;

    @Autowired
    DataUses dataUses;

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

    /** A data-use request of op-changnan in 咸宁 refused by the IRS review, as the data-use flow leaves it. */
    private long refusedDataUseRequest() {
        freshAgreement();
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        Actor operator = Actor.operator("op-changnan", CHANGNAN);
        Scenario scenario = scenarios.register(
                new ScenarioForm(
                        "xianning",
                        null,
                        "景区客流预警（接口测试）",
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
                operator);
        scenarios.recordProviderDecision(scenario.getId(), "provider-xn-wlj", List.of("1"), null);
        scenarios.close(scenario.getId(), ScenarioStatus.APPROVED, null);
        scenarios.publish(scenario.getId());
        long id = dataUses.register(
                        new DataUseForm(scenario.getId(), "节假日客流预警", today, today.plusMonths(1), List.of(1)), operator)
                .getId();
        dataUses.close(id, DataUseStatus.REFUSED, "IRS技术审核不通过：使用目的与场景不符");
        return id;
    }

    /** A fresh agreement of op-changnan in 咸宁 with its permissions open: the state an admission leaves. */
    private void freshAgreement() {
        if (catalog.find(RESOURCE).isEmpty()) {
            catalogMaintenance.add(
                    new ResourceForm(RESOURCE, "景区游客流量信息（申诉接口测试）", "xianning", "xn-wlj", "CONDITIONAL", 2, false, null),
                    "测试数据");
        }
        LocalDate today = LocalDate.now(Clocks.BEIJING);
        Announcement a = announcements.publish(new AnnouncementForm(
                "xianning",
                "申诉接口测试通告",
                Announcement.Mode.WHOLE,
                "全市",
                "条件",
                List.of("标准"),
                today,
                today.plusDays(10),
                List.of(RESOURCE)));
        long doc = documents
                .store(CHANGNAN, "应急预案.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))
                .id();
        AdmissionApplication application = applications.register(new ApplicationForm(
                a.getId(),
                CHANGNAN,
                "昌南数科有限公司",
                "甲",
                "乙",
                "丙",
                "丁",
                "戊",
                "13800138000",
                "ops@changnan.example.cn",
                IntStream.rangeClosed(1, 8)
                        .mapToObj(i -> new ApplicationForm.PlanSectionInput(i, PlanSections.label(i)))
                        .toList(),
                List.of(RESOURCE),
                List.of(new ApplicationForm.DocumentRef(doc, DocumentKind.EMERGENCY_PLAN)),
                null));
        applications.recordProviderConsent(application.getId(), "provider-xn-wlj", true);
        agreements.record(
                application.getId(),
                "XN-APL-" + NEXT.incrementAndGet() + "-" + Instant.now().toEpochMilli(),
                "xianning",
                CHANGNAN,
                "全市",
                today,
                0,
                36,
                Instant.now());
        lifecycle.open(application.getId(), "xianning", CHANGNAN);
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
