package cn.pubdata.approval.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication.DocumentKind;
import cn.pubdata.approval.admission.Announcement.Mode;
import cn.pubdata.approval.admission.ApplicationForm.DocumentRef;
import cn.pubdata.approval.admission.ApplicationForm.PlanSectionInput;
import cn.pubdata.approval.catalog.CatalogMaintenance;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.catalog.ResourceForm;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.document.DocumentStore;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.officialnotice.OfficialNotices;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.task.LineAnswers;
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
import org.junit.jupiter.api.BeforeEach;
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
public abstract class AdmissionTestSupport {

    /** Operators' credit codes with valid check characters (GB 32100-2015). */
    protected static final List<String> CREDIT_CODES = creditCodes();

    /**
     * The four codes the tests began with, then more valid ones: the operator's agreements now decide what it may do
     * next (a renewal, an exit), so tests should share companies as rarely as possible.
     */
    private static List<String> creditCodes() {
        List<String> codes = new ArrayList<>(
                List.of("91330100716105852F", "914403001922038216", "91110000100006485K", "911100001000044477"));
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        for (int n = 1; n <= 120; n++) {
            String body = "9133060" + String.format("%010d", 7_000_000L + n * 7919L);
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += chars.indexOf(body.charAt(i)) * weights[i];
            }
            int check = 31 - sum % 31;
            codes.add(body + chars.charAt(check == 31 ? 0 : check));
        }
        return List.copyOf(codes);
    }

    private static final AtomicInteger NEXT_CODE = new AtomicInteger();

    /** How long a step of the workers may take: generous, as the build shares two cores with other builds. */
    protected static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    protected Announcements announcements;

    @Autowired
    protected AdmissionSubmission submission;

    @Autowired
    protected AdmissionApplications applications;

    @Autowired
    protected DocumentStore documents;

    @Autowired
    protected TaskDecisions decisions;

    @Autowired
    protected RuntimeService runtime;

    @Autowired
    protected TaskService taskService;

    @Autowired
    protected HistoryService history;

    @Autowired
    protected org.operaton.bpm.engine.RepositoryService repository;

    @Autowired
    protected ManagementService management;

    @Autowired
    protected org.operaton.bpm.engine.ExternalTaskService externalTasks;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected CatalogMaintenance catalogMaintenance;

    @Autowired
    protected PolicyProfiles profiles;

    @Autowired
    protected OfficialNotices officialNotices;

    @Autowired
    private Notifications inboxes;

    @Autowired
    protected CatalogResources catalogResources;

    @Autowired
    protected cn.pubdata.approval.agreement.AgreementLifecycle lifecycle;

    @Autowired
    protected cn.pubdata.approval.catalog.Agreements agreementRecords;

    /** Resources of the jurisdictions whose profile names units but no resources: entered as an authority would. */
    protected static final String CZ_ENTERPRISES = "cz-scj-enterprise-register";

    protected static final String CZ_CASES = "cz-cgj-cases";
    protected static final String CZ_FUND = "cz-gjj-deposits";
    protected static final String XC_CLINICS = "xc-wjj-clinics";
    protected static final String XC_BUS = "xc-jtj-bus";
    protected static final String XC_LICENCES = "xc-scj-province-licences";
    protected static final String XN_FUND = "xn-gjj-deposits";
    protected static final String XN_VISITORS = "xn-wlj-visitors";

    @BeforeEach
    protected void testResources() {
        resource(CZ_ENTERPRISES, "chizhou", "cz-scj", "企业登记注册信息", false);
        resource(CZ_CASES, "chizhou", "cz-cgj", "城市管理案件信息", false);
        resource(CZ_FUND, "chizhou", "cz-gjj", "住房公积金缴存信息", false);
        resource(XC_CLINICS, "xinchang", "xc-wjj", "医疗机构诊疗信息", false);
        resource(XC_BUS, "xinchang", "xc-jtj", "公交客流信息", false);
        resource(XC_LICENCES, "xinchang", "xc-scj", "省回流市场主体许可信息", true);
        resource(XN_FUND, "xianning", "xn-gjj", "住房公积金缴存信息", false);
        resource(XN_VISITORS, "xianning", "xn-wlj", "景区游客流量信息", false);
    }

    protected void resource(String code, String jurisdiction, String provider, String name, boolean provinceReturned) {
        if (catalogResources.find(code).isEmpty()) {
            catalogMaintenance.add(
                    new ResourceForm(code, name, jurisdiction, provider, "CONDITIONAL", 2, provinceReturned, null),
                    "测试数据");
        }
    }

    @AfterEach
    protected void resetClock() {
        ClockUtil.reset();
    }

    /** Sets the engine's (and so the domain's) clock to a Beijing wall-clock time. */
    protected static void beijingTime(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(Clocks.BEIJING).toInstant()));
    }

    protected static LocalDate today() {
        return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), Clocks.BEIJING)
                .toLocalDate();
    }

    protected Announcement announcement(String jurisdiction, String... resources) {
        return announcements.publish(new AnnouncementForm(
                jurisdiction,
                "2026年公共数据资源授权运营单位准入通告（" + jurisdiction + "）",
                Mode.WHOLE,
                "全市公共数据资源整体授权运营",
                "具备数据资源加工、运营所需的管理和技术服务能力，经营和信用状况良好",
                profiles.of(jurisdiction).admissionCriteria(),
                today().minusDays(1),
                today().plusDays(30),
                List.of(resources)));
    }

    /** Each application gets its own company, so tests do not see each other's applications. */
    protected static String nextCreditCode() {
        return CREDIT_CODES.get(NEXT_CODE.getAndIncrement() % CREDIT_CODES.size());
    }

    protected long upload(String creditCode, String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        return documents.store(creditCode, name, pdf).id();
    }

    protected ApplicationForm form(
            Announcement announcement, String creditCode, String company, List<String> resources) {
        return form(announcement, creditCode, company, resources, null);
    }

    protected ApplicationForm form(
            Announcement announcement,
            String creditCode,
            String company,
            List<String> resources,
            List<ScenarioForm> scenarios) {
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
                docs,
                scenarios);
    }

    /** A scenario as an application of 004 names it (SCN-02), one line per resource. */
    protected static ScenarioForm scenario(String name, String domain, String... resources) {
        return new ScenarioForm(
                null,
                null,
                name,
                domain,
                cn.pubdata.approval.scenario.Purpose.INDUSTRY,
                "建设内容：" + name,
                "风险评估：仅使用脱敏后的统计结果，不涉及个人隐私",
                "在授权运营平台内加工，原始数据不出域",
                java.util.Arrays.stream(resources)
                        .map(code -> new ScenarioForm.LineInput(
                                code,
                                "全部字段（脱敏）",
                                cn.pubdata.approval.scenario.ScenarioLine.Usage.STATISTICS,
                                cn.pubdata.approval.scenario.ScenarioLine.Frequency.MONTHLY,
                                today(),
                                today().plusMonths(12)))
                        .toList());
    }

    protected AdmissionApplication submit(String jurisdiction, String company, String... resources) {
        Announcement a = announcement(jurisdiction, resources);
        return submission.submit(form(a, nextCreditCode(), company, List.of(resources)));
    }

    protected Task awaitTask(String pid, String key) {
        await().atMost(WAIT)
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

    protected Task taskOf(String pid, String key, String group) {
        await().atMost(WAIT)
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

    protected void decide(String pid, String key, String group, Map<String, Object> decision) {
        decisions.decide(taskOf(pid, key, group).getId(), "reviewer-" + group, java.util.Set.of(group), decision);
    }

    protected void passCompleteness(String pid, boolean expert) {
        decide(
                pid,
                AdmissionProcess.TASK_CHECK_COMPLETENESS,
                "authority-reviewer",
                Map.of("completenessDecision", "approve", "expertConsultation", expert));
    }

    protected void approveAllReviews(String pid, List<String> groups) {
        for (String group : groups) {
            String key = group.startsWith("provider-")
                    ? AdmissionProcess.TASK_PROVIDER_REVIEW
                    : AdmissionProcess.TASK_COORDINATION_REVIEW;
            Task task = taskOf(pid, key, group);
            Map<String, Object> decision = key.equals(AdmissionProcess.TASK_PROVIDER_REVIEW)
                    ? Map.<String, Object>of("reviewOpinion", "approve")
                    : judged(task, true, Map.of("reviewOpinion", "approve"));
            decisions.decide(task.getId(), "reviewer-" + group, java.util.Set.of(group), decision);
        }
    }

    protected void admitDecision(String pid) {
        Task task = taskOf(pid, AdmissionProcess.TASK_DECIDE, "authority-reviewer");
        decisions.decide(
                task.getId(),
                "reviewer-authority",
                java.util.Set.of("authority-reviewer"),
                judged(task, true, Map.of("admissionDecision", "approve")));
    }

    /** ADM-07: a decision with every criterion of the task's form ticked as met, or none with a note saying why. */
    protected Map<String, Object> judged(Task task, boolean met, Map<String, Object> decision) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>(decision);
        variables.put(
                "metCriteria",
                met ? criteriaOptions(task).stream().map(o -> o.get("value")).toList() : List.of());
        variables.put("criteriaNote", met ? "" : "均不满足：安全管理制度未建立");
        return variables;
    }

    /** The boxes of the announcement's criteria a task's form offers. */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> criteriaOptions(Task task) {
        return (List<Map<String, Object>>) taskService.getVariable(task.getId(), "criteriaOptions");
    }

    protected void awaitPublicity(String pid) {
        await().atMost(WAIT)
                .until(() -> runtime.createEventSubscriptionQuery()
                                .processInstanceId(pid)
                                .eventName(AdmissionProcess.MESSAGE_OBJECTION_FILED)
                                .count()
                        == 1);
    }

    /** Moves the engine clock past a timer of the process and fires it, as the job executor would. */
    protected void fireTimer(String pid) {
        await().atMost(WAIT)
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

    /**
     * Moves the engine clock past one named timer of the process (an instance may wait for several) and fires it, as the
     * job executor would.
     */
    protected void fireTimerAt(String pid, String activityId) {
        await().atMost(WAIT)
                .until(() -> management
                                .createJobQuery()
                                .processInstanceId(pid)
                                .activityId(activityId)
                                .timers()
                                .count()
                        == 1);
        Job timer = management
                .createJobQuery()
                .processInstanceId(pid)
                .activityId(activityId)
                .timers()
                .singleResult();
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        }
        management.executeJob(timer.getId());
    }

    /** Waits until the instance waits for the message (a receive task, an event subprocess …). */
    protected void awaitMessage(String pid, String message) {
        await().atMost(WAIT)
                .until(() -> runtime.createEventSubscriptionQuery()
                                .processInstanceId(pid)
                                .eventName(message)
                                .count()
                        > 0);
    }

    /** Waits until an activity of the instance is active (a timer catch event, a receive task …). */
    protected void awaitActivity(String pid, String activityId) {
        await().atMost(WAIT)
                .until(() -> runtime.createExecutionQuery()
                                .processInstanceId(pid)
                                .activityId(activityId)
                                .count()
                        > 0);
    }

    protected void signAndOnboard(String pid, LocalDate signedOn, int termMonths, int trialMonths) {
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

    /**
     * An operator admitted in the jurisdiction for the resources, walking the whole admission flow with every reviewer
     * agreeing; in 004 the application names one scenario over the first resource, which passes its review too.
     */
    protected AdmissionApplication admitted(String jurisdiction, String company, String... resources) {
        return admittedAs(nextCreditCode(), 0, jurisdiction, company, resources);
    }

    /** The same, for a given company and with a trial period (ADM-16) where the jurisdiction allows one. */
    protected AdmissionApplication admittedAs(
            String creditCode, int trialMonths, String jurisdiction, String company, String... resources) {
        Announcement announcement = announcement(jurisdiction, resources);
        boolean withScenario = profiles.of(jurisdiction).scenarioReviewInAdmission();
        AdmissionApplication application = submission.submit(form(
                announcement,
                creditCode,
                company,
                List.of(resources),
                withScenario ? List.of(scenario(company + "的首个场景", "医疗健康", resources[0])) : null));
        String pid = application.getProcessInstanceId();
        passCompleteness(pid, false);
        if (withScenario) {
            approveScenariosWithinAdmission(application.getId(), jurisdiction);
        }
        List<String> reviewers = new ArrayList<>(profiles.of(jurisdiction).coordinationGroups());
        reviewers.addAll(catalogResources.providerGroups(List.of(resources)));
        approveAllReviews(pid, reviewers);
        admitDecision(pid);
        awaitPublicity(pid);
        fireTimer(pid);
        signAndOnboard(pid, today(), profiles.of(jurisdiction).agreementTermMonths(), trialMonths);
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Admitted");
        return applications.get(application.getId());
    }

    /** The agreement an admission recorded. */
    protected cn.pubdata.approval.catalog.Agreement agreementOf(AdmissionApplication application) {
        return agreementRecords.ofApplication(application.getId()).orElseThrow();
    }

    /** Suspends the operator's permissions as a rectification in 004 does (RECT-05), through the lifecycle service. */
    protected void suspend(AdmissionApplication operator) {
        lifecycle.suspend(agreementOf(operator).id(), "TEST", "测试：暂停平台使用权限", "测试", "test-suspend:" + operator.getId());
    }

    /** Every scenario an admission called passes: its providers consent, its security members approve, it is approved. */
    @SuppressWarnings("unchecked")
    protected void approveScenariosWithinAdmission(long applicationId, String jurisdiction) {
        await().atMost(WAIT)
                .until(() -> runtime.createProcessInstanceQuery()
                                .superProcessInstanceId(
                                        applications.get(applicationId).getProcessInstanceId())
                                .count()
                        > 0);
        for (var called : runtime.createProcessInstanceQuery()
                .superProcessInstanceId(applications.get(applicationId).getProcessInstanceId())
                .list()) {
            String spid = called.getId();
            for (Task task : taskService
                    .createTaskQuery()
                    .processInstanceId(spid)
                    .taskDefinitionKey("UserTask_ProviderReview")
                    .list()) {
                String group =
                        taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
                decisions.decide(
                        task.getId(),
                        "reviewer-" + group,
                        java.util.Set.of(group),
                        LineAnswers.consentAll(taskService, task));
            }
            if (profiles.of(jurisdiction).networkSecurityReview()) {
                for (String member : profiles.of(jurisdiction).coordinationGroups()) {
                    decide(spid, "UserTask_NetworkSecurityReview", member, Map.of("reviewOpinion", "approve"));
                }
            }
            decide(spid, "UserTask_Decide", "authority-reviewer", Map.of("scenarioDecision", "approve"));
            assertThat(awaitEnd(spid)).isEqualTo("EndEvent_Approved");
        }
    }

    /** The end event the instance finished in, once the workers have carried it there. */
    protected String awaitEnd(String pid) {
        try {
            await().atMost(WAIT)
                    .until(() -> history.createHistoricProcessInstanceQuery()
                                    .processInstanceId(pid)
                                    .finished()
                                    .count()
                            == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "instance " + pid + " did not end; it waits in "
                            + runtime.createExecutionQuery().processInstanceId(pid).list().stream()
                                    .map(x -> x.getId() + "@"
                                            + ((org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity) x)
                                                    .getActivityId())
                                    .toList()
                            + ", external tasks "
                            + externalTasks.createExternalTaskQuery().processInstanceId(pid).list().stream()
                                    .map(t -> t.getTopicName() + " retries=" + t.getRetries() + " error="
                                            + t.getErrorMessage() + " locked=" + t.getLockExpirationTime())
                                    .toList(),
                    e);
        }
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
    protected List<String> passedActivities(String pid) {
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

    protected int count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            spec = spec.param(i + 1, params[i]);
        }
        return spec.query(Integer.class).single();
    }

    protected static void assertDueOn(Task task, LocalDate day) {
        assertThat(task.getDueDate().toInstant().atZone(Clocks.BEIJING).toLocalDate())
                .as("due date of " + task.getName())
                .isEqualTo(day);
    }
    /**
     * The one official notice of this kind a case got (each step is delivered three times and issues it once), its
     * number in the jurisdiction's form (景数授〔2026〕12号), named at the end of the operator's in-app notice.
     */
    protected OfficialNotice officialNotice(String subject, OfficialNotice.Kind kind, String prefix) {
        await().atMost(WAIT)
                .until(() -> officialNotices.ofSubject(subject).stream().anyMatch(n -> n.kind() == kind));
        List<OfficialNotice> issued = officialNotices.ofSubject(subject).stream()
                .filter(n -> n.kind() == kind)
                .toList();
        assertThat(issued).as(subject + " " + kind).hasSize(1);
        OfficialNotice notice = issued.get(0);
        assertThat(notice.documentNumber()).matches(java.util.regex.Pattern.quote(prefix) + "〔2026〕[1-9][0-9]*号");
        assertThat(inboxes.inbox(Notifications.operator(notice.creditCode())))
                .anyMatch(n -> n.title().equals(notice.title()) && n.body().contains("文号：" + notice.documentNumber()));
        return notice;
    }
}
