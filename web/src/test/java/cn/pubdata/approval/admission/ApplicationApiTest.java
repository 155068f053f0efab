package cn.pubdata.approval.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.WebTest;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.identity.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.TaskService;
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

/** The portal API against the real application: bad input answers 4xx with an actionable message and writes nothing. */
class ApplicationApiTest extends WebTest {

    private static final String CODE = "91330100716105852F";
    private static final String OPERATOR = "op-cidu";
    private static final String CHANGNAN = "op-changnan";
    private static final String AUTHORITY = "authority";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Test
    @Enforces({"ADM-01", "ADM-04", "ADM-11"})
    void aCompleteApplicationIsAcceptedAndItsProgressShowsWhatIsDueInWorkingDays() {
        long announcement = announcement(
                LocalDate.now(Clocks.BEIJING).minusDays(1),
                LocalDate.now(Clocks.BEIJING).plusDays(20));
        ResponseEntity<Map<String, Object>> created =
                post(OPERATOR, "/api/applications", application(announcement, CODE));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = created.getBody().get("id");
        assertThat(created.getBody()).containsEntry("status", "IN_REVIEW").containsEntry("statusLabel", "审查中");

        Map<String, Object> progress =
                get(OPERATOR, "/api/applications/" + id + "/progress").getBody();
        assertThat(progress.get("operatorAction").toString()).contains("暂无需操作");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> due = (List<Map<String, Object>>) progress.get("due");
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("step", "形式审查").containsEntry("responsible", "数据主管部门（审核岗）");
            assertThat(d.get("workingDaysLeft")).isEqualTo(5);
        });
        assertThat(progress.get("timeline").toString()).contains("提交准入申请");
    }

    @Test
    void theApplicantIsTheCallersOwnCompanyByCodeAndByName() {
        long announcement = announcement(
                LocalDate.now(Clocks.BEIJING).minusDays(1),
                LocalDate.now(Clocks.BEIJING).plusDays(20));
        int before = applications();
        Map<String, Object> body = application(announcement, CODE);
        body.put("companyName", "冒名有限公司");
        ResponseEntity<Map<String, Object>> answer = post(OPERATOR, "/api/applications", body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString()).contains("companyName", "瓷都数据运营有限公司");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    @Enforces({"ADM-06", "SEC-01"})
    void missingFieldsAreListedOneByOneAndNothingIsWritten() {
        int before = applications();
        ResponseEntity<Map<String, Object>> answer = post(OPERATOR, "/api/applications", Map.of("announcementId", 1));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString())
                .contains(
                        "companyName",
                        "请填写申请单位名称",
                        "contactEmail",
                        "请填写安全负责人（ADM-06）",
                        "请填写业务负责人（ADM-06）",
                        "第一责任人，SEC-01");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndMalformedFieldsAnswer400() {
        HttpHeaders headers = auth(OPERATOR);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> broken = http.exchange(
                "/api/applications", HttpMethod.POST, new HttpEntity<>("{\"announcementId\": ", headers), JSON);
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody().get("detail").toString()).contains("请求内容不是有效的 JSON");

        long announcement = announcement(
                LocalDate.now(Clocks.BEIJING), LocalDate.now(Clocks.BEIJING).plusDays(5));
        Map<String, Object> bad = application(announcement, CODE);
        bad.put("contactPhone", "12345");
        bad.put("contactEmail", "not-an-email");
        ResponseEntity<Map<String, Object>> answer = post(OPERATOR, "/api/applications", bad);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString()).contains("联系电话应为11位手机号", "联系邮箱格式不正确");
    }

    @Test
    @Enforces({"ADM-04", "ADM-11", "CAT-01"})
    void anApplicationWithoutEmergencyPlanOrAPlanSectionOrWithAResourceOutsideTheScopeIsNotAccepted() {
        long announcement = announcement(
                LocalDate.now(Clocks.BEIJING), LocalDate.now(Clocks.BEIJING).plusDays(5));
        int before = applications();
        Map<String, Object> body = application(announcement, CODE);
        body.put("documents", List.of(Map.of("documentId", upload(CODE, "资质.pdf"), "kind", "QUALIFICATION")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = new ArrayList<>((List<Map<String, Object>>) body.get("planSections"));
        sections.remove(5);
        body.put("planSections", sections);
        body.put("resourceCodes", List.of("fgw-personal-credit", "gxj-industries"));
        ResponseEntity<Map<String, Object>> answer = post(OPERATOR, "/api/applications", body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString())
                .contains("未提交应急预案", "ADM-11", "（六）公共数据资源运营规划", "「陶瓷、航空、精细化工和医药产业」不在本通告的授权范围内");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    @Enforces({"ADM-01", "CAT-01"})
    void anAnnouncementMustStateModeScopeConditionsAndCriteriaAndNoProhibitedResource() {
        jdbc.sql(
                        "insert into approval.catalog_resource (code, provider_code, name, open_condition, jurisdiction) values ('cgj-classified', 'cgj', '测试禁止开放数据', 'PROHIBITED', 'jingdezhen') on conflict do nothing")
                .update();
        ResponseEntity<Map<String, Object>> answer = post(
                AUTHORITY,
                "/api/announcements",
                Map.of(
                        "jurisdiction",
                        "jingdezhen",
                        "title",
                        "通告",
                        "opensOn",
                        "2026-01-05",
                        "deadline",
                        "2099-01-01",
                        "resourceCodes",
                        List.of("fgw-personal-credit")));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString()).contains("请选择授权方式", "请填写授权范围", "请填写申报条件", "请逐条填写评审标准");
        ResponseEntity<Map<String, Object>> prohibited = post(
                AUTHORITY,
                "/api/announcements",
                Map.of(
                        "jurisdiction",
                        "jingdezhen",
                        "title",
                        "通告",
                        "authorizationMode",
                        "WHOLE",
                        "scope",
                        "全市",
                        "conditions",
                        "条件",
                        "criteria",
                        List.of("标准"),
                        "opensOn",
                        "2026-01-05",
                        "deadline",
                        "2099-01-01",
                        "resourceCodes",
                        List.of("cgj-classified")));
        assertThat(prohibited.getBody().get("errors").toString()).contains("禁止开放", "CAT-01");
        assertThat(post(AUTHORITY, "/api/announcements", Map.of("jurisdiction", "beijing"))
                        .getBody()
                        .get("errors")
                        .toString())
                .contains("未知的辖区");
    }

    @Test
    @Enforces({"ADM-02"})
    void anApplicationOutsideTheAnnouncedPeriodIsNotAccepted() {
        long announcement = announcement(
                LocalDate.now(Clocks.BEIJING).plusDays(3),
                LocalDate.now(Clocks.BEIJING).plusDays(9));
        ResponseEntity<Map<String, Object>> answer =
                post(OPERATOR, "/api/applications", application(announcement, CODE));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").toString()).contains("不在受理期内", "ADM-02");
    }

    @Test
    void uploadsOfTheWrongTypeOrSizeAreRefusedWithTheFileName() {
        ResponseEntity<Map<String, Object>> docx = uploadRaw(CODE, "方案.docx", new byte[] {'P', 'K', 3, 4});
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(docx.getBody().get("detail").toString()).contains("「方案.docx」不是 PDF、PNG 或 JPEG");

        byte[] big = new byte[21 * 1024 * 1024];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        ResponseEntity<Map<String, Object>> oversized = uploadRaw(CODE, "扫描件.pdf", big);
        assertThat(oversized.getStatusCode().is4xxClientError()).isTrue();
        assertThat(oversized.getBody().get("detail").toString()).contains("超过上限 20 MB");

        ResponseEntity<Map<String, Object>> ok = uploadRaw(
                CODE, "应急预案.pdf", ("%PDF-1.4\n% " + System.nanoTime() + "\n%%EOF").getBytes(StandardCharsets.US_ASCII));
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(ok.getBody().get("sha256").toString()).hasSize(64);
    }

    @Test
    void unknownIdsAnswer404AndMalformedIds400() {
        assertThat(get(OPERATOR, "/api/applications/999999/progress").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(OPERATOR, "/api/announcements/999999")
                        .getBody()
                        .get("detail")
                        .toString())
                .contains("准入通告 999999 不存在");
        assertThat(get(OPERATOR, "/api/applications/abc").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> body = application(999999, CODE);
        assertThat(post(OPERATOR, "/api/applications", body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(AUTHORITY, "/api/tasks/no-such-task/decision", Map.of("completenessDecision", "approve"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDecisionOnATaskAlreadyCompletedAnswers409AndChangesNothing() {
        long announcement = announcement(
                LocalDate.now(Clocks.BEIJING), LocalDate.now(Clocks.BEIJING).plusDays(5));
        Object id = post(CHANGNAN, "/api/applications", application(announcement, "914403001922038216"))
                .getBody()
                .get("id");
        String pid = jdbc.sql("select process_instance_id from approval.admission_application where id = ?")
                .param(1, id)
                .query(String.class)
                .single();
        String taskId =
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();

        ResponseEntity<Map<String, Object>> refused =
                post(AUTHORITY, "/api/tasks/" + taskId + "/decision", Map.of("completenessDecision", "supplement"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("detail").toString()).contains("写明需要补正的内容");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .as("a refused decision leaves the task unclaimed")
                .isNull();

        assertThat(post(AUTHORITY, "/api/tasks/" + taskId + "/decision", Map.of("completenessDecision", "approve"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> tasks.createTaskQuery().processInstanceId(pid).count() > 0);
        long open = tasks.createTaskQuery().processInstanceId(pid).count();
        ResponseEntity<Map<String, Object>> again = post(
                AUTHORITY,
                "/api/tasks/" + taskId + "/decision",
                Map.of("completenessDecision", "reject", "completenessReason", "重复提交"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").toString()).contains("已于", "办理完毕", "authority");
        assertThat(tasks.createTaskQuery().processInstanceId(pid).count()).isEqualTo(open);
    }

    @Test
    void anObjectionOutsidePublicityOrAWithdrawalWithoutReasonIsRefused() {
        long announcement = announcement(
                LocalDate.now(Clocks.BEIJING), LocalDate.now(Clocks.BEIJING).plusDays(5));
        Object id = post(CHANGNAN, "/api/applications", application(announcement, "914403001922038216"))
                .getBody()
                .get("id");
        ResponseEntity<Map<String, Object>> objection = post(
                OPERATOR,
                "/api/applications/" + id + "/objections",
                Map.of("filerName", "市民", "filerContact", "13900000000", "content", "有异议"));
        assertThat(objection.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(objection.getBody().get("detail").toString()).contains("不在公示期内");
        assertThat(post(OPERATOR, "/api/applications/" + id + "/objections", Map.of("filerName", "市民"))
                        .getBody()
                        .get("errors")
                        .toString())
                .contains("filerContact", "content");
        ResponseEntity<Map<String, Object>> withdrawal =
                post(CHANGNAN, "/api/applications/" + id + "/withdraw", Map.of("reason", " "));
        assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withdrawal.getBody().get("detail").toString()).contains("撤回理由");
        assertThat(post(
                                CHANGNAN,
                                "/api/applications/" + id + "/supplement",
                                application(announcement, "914403001922038216"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void submittingWhileTheProcessIsSuspendedStoresNothing() {
        long announcement = announcement(
                LocalDate.now(Clocks.BEIJING), LocalDate.now(Clocks.BEIJING).plusDays(5));
        int before = applications();
        repository.suspendProcessDefinitionByKey(AdmissionProcess.KEY);
        try {
            ResponseEntity<Map<String, Object>> answer =
                    post(OPERATOR, "/api/applications", application(announcement, "91330100716105852F"));
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(answer.getBody().get("detail").toString()).contains("暂停受理", "申请未保存");
        } finally {
            repository.activateProcessDefinitionByKey(AdmissionProcess.KEY);
        }
        assertThat(applications())
                .as("the application and its process: both or neither")
                .isEqualTo(before);
    }

    @Test
    void theCalendarApiAnswersDueDaysInWorkingDays() {
        Map<String, Object> due =
                get(OPERATOR, "/api/calendar/due?from=2026-09-30&workingDays=1").getBody();
        assertThat(due).containsEntry("dueDay", "2026-10-08");
        assertThat(get(OPERATOR, "/api/calendar/due?from=2026-09-30&workingDays=0")
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private long announcement(LocalDate opens, LocalDate deadline) {
        Map<String, Object> body = Map.of(
                "jurisdiction",
                "jingdezhen",
                "title",
                "测试通告",
                "authorizationMode",
                "WHOLE",
                "scope",
                "全市",
                "conditions",
                "条件",
                "criteria",
                List.of("标准"),
                "opensOn",
                opens.toString(),
                "deadline",
                deadline.toString(),
                "resourceCodes",
                List.of("fgw-personal-credit", "jtj-vehicles"));
        ResponseEntity<Map<String, Object>> answer = post(AUTHORITY, "/api/announcements", body);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) answer.getBody().get("id")).longValue();
    }

    private Map<String, Object> application(long announcementId, String creditCode) {
        return ApplicationBodies.complete(
                announcementId,
                creditCode,
                creditCode.equals(CODE) ? "瓷都数据运营有限公司" : "昌南数科有限公司",
                upload(creditCode, "应急预案.pdf"));
    }

    private long upload(String creditCode, String name) {
        return ((Number) uploadRaw(creditCode, name, "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII))
                        .getBody()
                        .get("id"))
                .longValue();
    }

    private ResponseEntity<Map<String, Object>> uploadRaw(String creditCode, String name, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("creditCode", creditCode);
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = auth(creditCode.equals(CODE) ? OPERATOR : CHANGNAN);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/documents", HttpMethod.POST, new HttpEntity<>(form, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, auth(user)), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String path) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(auth(user)), JSON);
    }

    private static HttpHeaders auth(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(Tokens.of(user));
        return headers;
    }

    private int applications() {
        return jdbc.sql("select count(*) from approval.admission_application")
                .query(Integer.class)
                .single();
    }
}
