package cn.pubdata.approval.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.developer.DeveloperApplicationForm;
import cn.pubdata.approval.developer.DeveloperDecision;
import cn.pubdata.approval.developer.DeveloperStaff;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.developer.DevelopmentAgreement;
import cn.pubdata.approval.developer.PartnerRules;
import cn.pubdata.approval.developer.PartnerRulesBook;
import cn.pubdata.approval.developer.PartnerRulesForm;
import cn.pubdata.approval.developer.StaffFiling;
import cn.pubdata.approval.evaluation.Evaluation;
import cn.pubdata.approval.evaluation.EvaluationProcess;
import cn.pubdata.approval.evaluation.EvaluationSubmission;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitCases;
import cn.pubdata.approval.exit.ExitOrder;
import cn.pubdata.approval.exit.ExitProcess;
import cn.pubdata.approval.exit.ExitSubmission;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.notification.Notice;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.permissions.PlatformPermissions;
import cn.pubdata.approval.pricing.ProductCategory;
import cn.pubdata.approval.product.CostItem;
import cn.pubdata.approval.product.Product;
import cn.pubdata.approval.product.ProductForm;
import cn.pubdata.approval.product.Products;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioProcess;
import cn.pubdata.approval.scenario.ScenarioSubmission;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.task.LineAnswers;
import cn.pubdata.approval.term.TermProcess;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** What the lifecycle's process tests share: operators with running reviews and listed products, notices, states. */
public abstract class LifecycleTestSupport extends AdmissionTestSupport {

    @Autowired
    protected AgreementStates states;

    @Autowired
    protected PlatformPermissions permissions;

    @Autowired
    protected Notifications notifications;

    @Autowired
    protected Timeline timeline;

    @Autowired
    protected ScenarioSubmission scenarioSubmission;

    @Autowired
    protected Scenarios scenarios;

    @Autowired
    protected Products products;

    @Autowired
    protected ExitCases exits;

    @Autowired
    protected ExitSubmission exitSubmission;

    @Autowired
    protected EvaluationSubmission evaluationSubmission;

    @Autowired
    protected Developers developers;

    @Autowired
    protected PartnerRulesBook partnerRulesBook;

    protected static Actor operatorOf(AdmissionApplication operator) {
        return Actor.operator("op-" + operator.getCreditCode(), operator.getCreditCode());
    }

    protected static Actor authority() {
        return Actor.reviewer("reviewer-authority", Set.of("authority-reviewer"));
    }

    protected AgreementState stateOf(AdmissionApplication operator) {
        return states.of(agreementOf(operator).id()).orElseThrow();
    }

    protected PlatformPermissions.Status permissionOf(AdmissionApplication operator) {
        return permissions.statusOf(operator.getId()).orElseThrow();
    }

    /** The instance of the operator's term flow (reminders, renewal, expiry). */
    protected String termOf(AdmissionApplication operator) {
        return states.termProcessOf(agreementOf(operator).id()).orElseThrow();
    }

    /** A scenario submitted by the operator and waiting at the authority's pre-check. */
    protected Scenario scenarioInReview(AdmissionApplication operator, String resource) {
        return scenarioSubmission.submit(
                scenarioForm(operator, operator.getCompanyName() + "的在审场景", resource), operatorOf(operator));
    }

    /** A scenario that passed its whole review (a jurisdiction that reviews scenarios on their own). */
    @SuppressWarnings("unchecked")
    protected Scenario approvedScenario(AdmissionApplication operator, String resource) {
        Scenario scenario = scenarioSubmission.submit(
                scenarioForm(operator, operator.getCompanyName() + "的应用场景", resource), operatorOf(operator));
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, "authority-reviewer", Map.of("preCheckDecision", "approve"));
        for (String group : catalogResources.providerGroups(List.of(resource))) {
            Task task = taskOf(pid, ScenarioProcess.TASK_PROVIDER_REVIEW, group);
            decisions.decide(
                    task.getId(), "reviewer-" + group, Set.of(group), LineAnswers.consentAll(taskService, task));
        }
        if (profiles.of(operator.getJurisdiction()).networkSecurityReview()) {
            for (String member : profiles.of(operator.getJurisdiction()).coordinationGroups()) {
                decide(pid, ScenarioProcess.TASK_NETWORK_SECURITY_REVIEW, member, Map.of("reviewOpinion", "approve"));
            }
        }
        decide(pid, ScenarioProcess.TASK_DECIDE, "authority-reviewer", Map.of("scenarioDecision", "approve"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Approved");
        return scenarios.get(scenario.getId());
    }

    /** A free public-welfare product of the scenario, listed as its review leaves it (the review is product's own test). */
    protected Product listedProduct(AdmissionApplication operator, Scenario scenario, String resource) {
        Product product = products.register(
                new ProductForm(
                        scenario.getId(),
                        scenario.getName() + "统计报告",
                        ProductCategory.REPORT,
                        "面向公共治理的统计报告",
                        List.of(resource),
                        "在平台内按月聚合，形成统计报告；仅交付聚合结果",
                        false,
                        null,
                        Purpose.PUBLIC_WELFARE,
                        "按月聚合的统计结果",
                        false,
                        List.of(new ProductForm.CostItemInput(CostItem.INFRASTRUCTURE, new BigDecimal("1000"), null)),
                        100L,
                        BigDecimal.ZERO,
                        "份",
                        "仅交付聚合结果，符合出域要求",
                        "合规负责人"),
                operatorOf(operator));
        products.recordFiling(product.getId());
        products.recordRegistration(product.getId(), "DJ-" + product.getId(), "登记平台");
        products.list(product.getId());
        return products.get(product.getId());
    }

    private ScenarioForm scenarioForm(AdmissionApplication operator, String name, String resource) {
        return new ScenarioForm(
                operator.getJurisdiction(),
                null,
                name,
                "城市治理",
                Purpose.INDUSTRY,
                "建设内容：" + name,
                "风险评估：个人隐私和公共安全保障措施",
                "数据在平台内加工，原始数据不出域",
                List.of(new ScenarioForm.LineInput(
                        resource,
                        "主要字段（脱敏）",
                        ScenarioLine.Usage.STATISTICS,
                        ScenarioLine.Frequency.MONTHLY,
                        today(),
                        today().plusMonths(6))));
    }

    /** A developer company's user (its own credit code), as the realm gives it. */
    protected static Actor developerNamed(String name) {
        String code = nextCreditCode();
        return new Actor("dev-" + code, name, Actor.Kind.PARTNER, code, Set.of(), null);
    }

    /**
     * A developer company admitted to the operator's platform with its platform access open, as the developer flow
     * leaves it (that flow is DeveloperProcessTest's).
     */
    protected Actor developerWithAccess(AdmissionApplication operator, String name) {
        Actor developer = developerNamed(name);
        long id = developerApplication(operator, developer, name);
        developers.decide(id, new DeveloperDecision(true, "同意入驻"), operatorOf(operator));
        developers.recordAgreement(
                id, new DevelopmentAgreement("KF-" + id, today(), today().plusYears(2)), operatorOf(operator));
        developers.fileStaff(
                id,
                new StaffFiling(developers.staffOf(id).stream()
                        .map((DeveloperStaff s) -> new StaffFiling.Filed(s.id(), true, today()))
                        .toList()),
                operatorOf(operator));
        developers.openAccess(id);
        return developer;
    }

    /** A developer's application to join the operator's platform, under the operator's consented partner rules. */
    protected long developerApplication(AdmissionApplication operator, Actor developer, String name) {
        String jurisdiction = operator.getJurisdiction();
        if (partnerRulesBook.inForce(operator.getCreditCode(), jurisdiction).isEmpty()) {
            PartnerRules rules = partnerRulesBook.submit(
                    new PartnerRulesForm(jurisdiction, "具备数据安全管理能力", "经审核签订开发利用协议后入驻"), operatorOf(operator));
            partnerRulesBook.decide(rules.id(), true, "同意", "authority");
        }
        return developers
                .apply(
                        new DeveloperApplicationForm(
                                jurisdiction,
                                operator.getCreditCode(),
                                "数据治理团队",
                                true,
                                List.of(new DeveloperApplicationForm.StaffMember("王五", "1234", "开发"))),
                        developer,
                        name)
                .id();
    }

    /** The one notice with this title: a worker's effect happens once however often the task is delivered. */
    protected Notice onlyNotice(String recipient, String title) {
        await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> notifications.inbox(recipient).stream()
                        .anyMatch(n -> n.title().equals(title)));
        List<Notice> found = notifications.inbox(recipient).stream()
                .filter(n -> n.title().equals(title))
                .toList();
        assertThat(found).as(recipient + " " + title).hasSize(1);
        return found.get(0);
    }

    /** A document the authority uploaded (evidence, a deletion record). */
    protected long authorityDocument(String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return documents.store("authority:reviewer-authority", name, pdf).id();
    }

    protected List<Notice> noticesOf(AdmissionApplication operator) {
        return notifications.inbox(Notifications.operator(operator.getCreditCode()));
    }

    protected List<Notice> noticesOfGroup(String group) {
        return notifications.inbox(Notifications.group(group));
    }

    /** Waits for a notice to the recipient whose title starts with the prefix, and answers it. */
    protected Notice awaitNotice(String recipient, String titlePrefix) {
        await().atMost(WAIT)
                .until(() -> notifications.inbox(recipient).stream()
                        .anyMatch(n -> n.title().startsWith(titlePrefix)));
        return notifications.inbox(recipient).stream()
                .filter(n -> n.title().startsWith(titlePrefix))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Waits for a notice to the operator whose title starts with the prefix, and answers it. Test companies share credit
     * codes, so the notice must name the operator's company too.
     */
    protected Notice awaitNotice(AdmissionApplication operator, String titlePrefix) {
        String recipient = Notifications.operator(operator.getCreditCode());
        await().atMost(WAIT)
                .until(() -> notifications.inbox(recipient).stream()
                        .anyMatch(n ->
                                n.title().startsWith(titlePrefix) && n.body().contains(operator.getCompanyName())));
        return notifications.inbox(recipient).stream()
                .filter(n -> n.title().startsWith(titlePrefix) && n.body().contains(operator.getCompanyName()))
                .findFirst()
                .orElseThrow();
    }

    /** Waits until the instance passed an activity (a side branch's end, say), so that its transaction is done. */
    protected void awaitPassed(String pid, String activityId) {
        await().atMost(WAIT)
                .until(() -> history.createHistoricActivityInstanceQuery()
                                .processInstanceId(pid)
                                .activityId(activityId)
                                .finished()
                                .count()
                        > 0);
    }

    protected List<String> titles(String subject) {
        return timeline.of(subject).stream().map(TimelineEntry::title).toList();
    }

    /** Every end event the finished instance passed, its own and those of its side branches. */
    protected List<String> endEventsOf(String pid) {
        await().atMost(WAIT)
                .until(() -> history.createHistoricProcessInstanceQuery()
                                .processInstanceId(pid)
                                .finished()
                                .count()
                        == 1);
        return history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pid)
                .activityType("noneEndEvent")
                .list()
                .stream()
                .map(a -> a.getActivityId())
                .toList();
    }

    protected Agreement agreement(AdmissionApplication operator) {
        return agreementOf(operator);
    }

    /** The operator asks to end its agreement early on the exit day, with or without accepting liability. */
    protected ExitCase earlyTerminationAsked(
            AdmissionApplication operator,
            String reason,
            LocalDate exitDay,
            Boolean liabilityAccepted,
            String liabilityStatement) {
        return exitSubmission.order(
                new ExitOrder(
                        agreementOf(operator).id(),
                        ExitTrigger.EARLY_TERMINATION,
                        reason,
                        null,
                        null,
                        exitDay,
                        liabilityAccepted,
                        liabilityStatement,
                        null,
                        null),
                operatorOf(operator));
    }

    /** The authority orders the operator's exit for the trigger, with the evidence described (no documents). */
    protected ExitCase exitOrdered(AdmissionApplication operator, ExitTrigger trigger, String reason, String evidence) {
        return exitSubmission.order(
                new ExitOrder(
                        agreementOf(operator).id(), trigger, reason, evidence, null, null, null, null, null, null),
                authority());
    }

    /** 景德镇's early termination agreed: the authority proposes it, the manager decides to terminate. */
    protected void earlyTerminationProposedAndDecided(String exitPid) {
        decide(
                exitPid,
                ExitProcess.TASK_PROPOSE,
                "authority-reviewer",
                Map.of("proposalDecision", "propose", "proposalReason", "运营机构承诺承担违约责任"));
        decide(
                exitPid,
                ExitProcess.TASK_DECIDE,
                "manager",
                Map.of("terminationDecision", "terminate", "terminationReason", "同意提前终止"));
    }

    /** An annual evaluation of the period started, waiting for the operator's report. */
    protected Evaluation annualEvaluationAwaitingReport(AdmissionApplication operator, LocalDate from, LocalDate to) {
        Evaluation started = evaluationSubmission.start(agreementOf(operator).id(), Evaluation.Kind.ANNUAL, from, to);
        awaitMessage(started.processInstanceId(), EvaluationProcess.MESSAGE_REPORT_FILED);
        return started;
    }

    /**
     * The operator's term flow after the renewal reminder: the operator was told, and the flow waits for the renewal
     * deadline. Returns the term flow's instance.
     */
    protected String termAfterRenewalNotice(AdmissionApplication operator) {
        String term = termOf(operator);
        fireTimerAt(term, TermProcess.TIMER_RENEWAL_NOTICE);
        awaitNotice(operator, "【协议即将期满】");
        awaitActivity(term, TermProcess.TIMER_RENEWAL_DEADLINE);
        return term;
    }
}
