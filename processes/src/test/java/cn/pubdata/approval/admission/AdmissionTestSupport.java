package cn.pubdata.approval.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication.DocumentKind;
import cn.pubdata.approval.admission.Announcement.Mode;
import cn.pubdata.approval.admission.ApplicationForm.DocumentRef;
import cn.pubdata.approval.admission.ApplicationForm.PlanSectionInput;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.task.TaskDecisions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixtures and steps shared by the admission process tests: a real engine, real workers, real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AdmissionTestSupport {

    /** Operators' credit codes with valid check characters (GB 32100-2015). */
    static final List<String> CREDIT_CODES =
            List.of("91330100716105852F", "914403001922038216", "91110000100006485K", "911100001000044477");

    private static final AtomicInteger NEXT_CODE = new AtomicInteger();

    @Autowired
    Announcements announcements;

    @Autowired
    AdmissionSubmission submission;

    @Autowired
    AdmissionApplications applications;

    @Autowired
    DocumentStore documents;

    @Autowired
    TaskDecisions decisions;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService history;

    @Autowired
    org.operaton.bpm.engine.RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Sets the engine's (and so the domain's) clock to a Beijing wall-clock time. */
    static void beijingTime(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(Clocks.BEIJING).toInstant()));
    }

    static LocalDate today() {
        return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), Clocks.BEIJING)
                .toLocalDate();
    }

    Announcement announcement(String jurisdiction, String... resources) {
        return announcements.publish(new AnnouncementForm(
                jurisdiction,
                "2026年公共数据资源授权运营单位准入通告（" + jurisdiction + "）",
                Mode.WHOLE,
                "全市公共数据资源整体授权运营",
                "具备数据资源加工、运营所需的管理和技术服务能力，经营和信用状况良好",
                "按运营方案、安全能力、服务经验综合评审",
                today().minusDays(1),
                today().plusDays(30),
                List.of(resources)));
    }

    /** Each application gets its own company, so tests do not see each other's applications. */
    static String nextCreditCode() {
        return CREDIT_CODES.get(NEXT_CODE.getAndIncrement() % CREDIT_CODES.size());
    }

    long upload(String creditCode, String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        return documents.store(creditCode, name, pdf).id();
    }

    ApplicationForm form(Announcement announcement, String creditCode, String company, List<String> resources) {
        List<PlanSectionInput> sections = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> new PlanSectionInput(i, PlanSections.label(i) + "：" + company + " 的方案内容。"))
                .toList();
        List<DocumentRef> docs = new ArrayList<>();
        docs.add(new DocumentRef(upload(creditCode, "应急预案.pdf"), DocumentKind.EMERGENCY_PLAN));
        docs.add(new DocumentRef(upload(creditCode, "营业执照.pdf"), DocumentKind.QUALIFICATION));
        return new ApplicationForm(
                announcement.getId(),
                creditCode,
                company,
                "张三",
                "李四",
                "王五",
                "赵六",
                "钱七",
                "13800138000",
                "ops@" + creditCode.toLowerCase() + ".example.cn",
                sections,
                resources,
                docs);
    }

    AdmissionApplication submit(String jurisdiction, String company, String... resources) {
        Announcement a = announcement(jurisdiction, resources);
        return submission.submit(form(a, nextCreditCode(), company, List.of(resources)));
    }

    Task awaitTask(String pid, String key) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> taskService
                                .createTaskQuery()
                                .processInstanceId(pid)
                                .taskDefinitionKey(key)
                                .count()
                        > 0);
        return taskService
                .createTaskQuery()
                .processInstanceId(pid)
                .taskDefinitionKey(key)
                .list()
                .get(0);
    }

    Task taskOf(String pid, String key, String group) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> taskService
                                .createTaskQuery()
                                .processInstanceId(pid)
                                .taskDefinitionKey(key)
                                .taskCandidateGroup(group)
                                .count()
                        == 1);
        return taskService
                .createTaskQuery()
                .processInstanceId(pid)
                .taskDefinitionKey(key)
                .taskCandidateGroup(group)
                .singleResult();
    }

    void decide(String pid, String key, String group, Map<String, Object> decision) {
        decisions.decide(taskOf(pid, key, group).getId(), "reviewer-" + group, java.util.Set.of(group), decision);
    }

    void passCompleteness(String pid, boolean expert) {
        decide(
                pid,
                AdmissionProcess.TASK_CHECK_COMPLETENESS,
                "authority-reviewer",
                Map.of("completenessDecision", "approve", "expertConsultation", expert));
    }

    void approveAllReviews(String pid, List<String> groups) {
        for (String group : groups) {
            String key = group.startsWith("provider-")
                    ? AdmissionProcess.TASK_PROVIDER_REVIEW
                    : AdmissionProcess.TASK_COORDINATION_REVIEW;
            decide(pid, key, group, Map.of("reviewOpinion", "approve"));
        }
    }

    void admitDecision(String pid) {
        decide(pid, AdmissionProcess.TASK_DECIDE, "authority-reviewer", Map.of("admissionDecision", "approve"));
    }

    void awaitPublicity(String pid) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runtime.createEventSubscriptionQuery()
                                .processInstanceId(pid)
                                .eventName(AdmissionProcess.MESSAGE_OBJECTION_FILED)
                                .count()
                        == 1);
    }

    /** Moves the engine clock past a timer of the process and fires it, as the job executor would. */
    void fireTimer(String pid) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> management
                                .createJobQuery()
                                .processInstanceId(pid)
                                .timers()
                                .count()
                        == 1);
        Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());
    }

    void signAndOnboard(String pid, LocalDate signedOn, int termMonths, int trialMonths) {
        decide(
                pid,
                AdmissionProcess.TASK_SET_REVENUE_CAP,
                "pricing-officer",
                Map.of("maxAllowedRevenueWan", 1200.5, "revenueCapBasis", "成本加合理利润，利润率8%"));
        decide(
                pid,
                AdmissionProcess.TASK_SIGN_AGREEMENT,
                "authority-reviewer",
                Map.of(
                        "agreementNo",
                        "SQYY-2026-001",
                        "agreementSignedOn",
                        signedOn.toString(),
                        "termMonths",
                        termMonths,
                        "trialMonths",
                        trialMonths));
        decide(
                pid,
                AdmissionProcess.TASK_FILE_WITH_PROVINCE,
                "authority-reviewer",
                Map.of("provincialFilingNo", "BA-2026-0042", "provincialFiledOn", signedOn.toString()));
        decide(
                pid,
                AdmissionProcess.TASK_CONFIRM_TRAINING,
                "authority-reviewer",
                Map.of("trainedStaff", "王五（业务负责人）、赵六（安全负责人）", "trainingPassed", true));
    }

    /** The end event the instance finished in, once the workers have carried it there. */
    String awaitEnd(String pid) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(pid)
                                .finished()
                                .count()
                        == 1);
        String definitionId = history.createHistoricProcessInstanceQuery()
                .processInstanceId(pid)
                .singleResult()
                .getProcessDefinitionId();
        var model = repository.getBpmnModelInstance(definitionId);
        List<String> ends = history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pid)
                .activityType("noneEndEvent")
                .list()
                .stream()
                .map(a -> a.getActivityId())
                .filter(id -> endsTheInstance(model.getModelElementById(id)))
                .toList();
        assertThat(ends).as("end events of the process scope passed").hasSize(1);
        return ends.get(0);
    }

    /** An end event of the process itself, or of an event subprocess directly under it (withdrawal). */
    private static boolean endsTheInstance(org.operaton.bpm.model.xml.instance.ModelElementInstance end) {
        var parent = end.getParentElement();
        return parent instanceof org.operaton.bpm.model.bpmn.instance.Process
                || parent instanceof org.operaton.bpm.model.bpmn.instance.SubProcess sub
                        && sub.triggeredByEvent()
                        && sub.getParentElement() instanceof org.operaton.bpm.model.bpmn.instance.Process;
    }

    /** Activities in the order they occurred (the tests move the clock, so start times alone do not order them). */
    List<String> passedActivities(String pid) {
        return history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pid)
                .orderPartiallyByOccurrence()
                .asc()
                .list()
                .stream()
                .map(a -> a.getActivityId())
                .toList();
    }

    int count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Integer.class).single();
    }

    static void assertDueOn(Task task, LocalDate day) {
        assertThat(task.getDueDate().toInstant().atZone(Clocks.BEIJING).toLocalDate())
                .as("due date of " + task.getName())
                .isEqualTo(day);
    }
}
