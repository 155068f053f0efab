package cn.pubdata.approval.admission;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.optional;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;
import static cn.pubdata.approval.task.TaskInput.ticked;
import static cn.pubdata.approval.task.TaskInput.whole;

import cn.pubdata.approval.calendar.Deadlines;
import cn.pubdata.approval.catalog.CatalogResource;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.AdmissionSettings;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.review.ReviewOpinions;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.task.InvalidDecision;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks each admission decision when a reviewer completes a task, then records it through the admission's services.
 * A decision that breaks a rule is refused with a message the reviewer can act on, and the task stays open.
 */
@Component("decisionRecorder")
public class DecisionRecorder implements TaskListener {

    private final Timeline timeline;
    private final PolicyProfiles profiles;
    private final CatalogResources catalog;
    private final AdmissionApplications applications;
    private final ReviewOpinions opinions;
    private final Scenarios scenarios;
    private final Deadlines deadlines;
    private final Clock clock;

    public DecisionRecorder(
            Timeline timeline,
            PolicyProfiles profiles,
            CatalogResources catalog,
            AdmissionApplications applications,
            ReviewOpinions opinions,
            Scenarios scenarios,
            Deadlines deadlines,
            Clock clock) {
        this.timeline = timeline;
        this.profiles = profiles;
        this.catalog = catalog;
        this.applications = applications;
        this.opinions = opinions;
        this.scenarios = scenarios;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution process = task.getExecution().getProcessInstance();
        long applicationId = ((Number) task.getVariable("applicationId")).longValue();
        String entry = switch (task.getTaskDefinitionKey()) {
            case AdmissionProcess.TASK_CHECK_COMPLETENESS -> completeness(task, process);
            case AdmissionProcess.TASK_COORDINATION_REVIEW -> coordinationReview(task, process, applicationId);
            case AdmissionProcess.TASK_PROVIDER_REVIEW -> providerReview(task, process, applicationId);
            case AdmissionProcess.TASK_EXPERT_CONSULTATION -> expert(task);
            case AdmissionProcess.TASK_DECIDE -> decide(task, process, applicationId);
            case AdmissionProcess.TASK_HANDLE_OBJECTION -> objection(task, process);
            case AdmissionProcess.TASK_SET_REVENUE_CAP -> revenueCap(task);
            case AdmissionProcess.TASK_SIGN_AGREEMENT -> agreement(task, process);
            case AdmissionProcess.TASK_FILE_WITH_PROVINCE ->
                "报省备案：备案编号 " + required(task, "provincialFilingNo", "请填写备案编号");
            case AdmissionProcess.TASK_CONFIRM_TRAINING -> training(task);
            default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
        };
        int cut = entry.indexOf('\n');
        timeline.record(
                Subjects.admission(applicationId),
                cut < 0 ? entry : entry.substring(0, cut),
                cut < 0 ? null : entry.substring(cut + 1),
                signer(task),
                "task:" + task.getId());
    }

    private String completeness(DelegateTask task, DelegateExecution process) {
        String decision = choice(task, "completenessDecision", Set.of("approve", "supplement", "reject"), "请选择审查结论");
        if (decision.equals("approve")) {
            PolicyProfile profile = profiles.of((String) task.getVariable("jurisdiction"));
            if (Boolean.TRUE.equals(task.getVariable("expertConsultation")) && !profile.expertCommittee()) {
                throw new InvalidDecision(profile.noExpertCommittee());
            }
            if (!Boolean.TRUE.equals(task.getVariable("reuseSecurityReview"))) {
                return "形式审查：材料齐全，分送审查";
            }
            // ADM-10: the security members' results of an earlier admission stay valid for the profile's period
            long applicationId = ((Number) task.getVariable("applicationId")).longValue();
            String jurisdiction = (String) task.getVariable("jurisdiction");
            int months = profiles.of(jurisdiction).securityReviewValidityMonths();
            if (months == 0) {
                throw new InvalidDecision(profiles.of(jurisdiction).name() + "的政策未规定安全审核结果可以沿用，每次申请都须重新审核，请取消“沿用审核结果”");
            }
            Map<String, java.time.Instant> valid = applications.validSecurityReviews(applicationId, months);
            if (valid.isEmpty()) {
                throw new InvalidDecision("该单位在本辖区没有 " + months + " 个月有效期内的安全审核结果可以沿用（ADM-10），请取消“沿用审核结果”");
            }
            process.setVariable(
                    "reusedSecurityReviews",
                    cn.pubdata.approval.engine.JsonObjectVariables.json(List.copyOf(valid.keySet())));
            return "形式审查：材料齐全，分送审查；沿用有效期内的安全审核结果（ADM-10）\n"
                    + valid.entrySet().stream()
                            .map(e -> profiles.groupName(e.getKey()) + "："
                                    + e.getValue().atZone(Clocks.BEIJING).toLocalDate() + " 审核同意，有效至 "
                                    + e.getValue()
                                            .atZone(Clocks.BEIJING)
                                            .toLocalDate()
                                            .plusMonths(months))
                            .collect(Collectors.joining("；"));
        }
        String reason =
                required(task, "completenessReason", decision.equals("supplement") ? "退回补正时请写明需要补正的内容" : "不予受理时请写明理由");
        if (decision.equals("reject")) {
            return "形式审查：不予受理\n" + reason;
        }
        AdmissionSettings settings = profiles.admission();
        int rounds = task.getVariable("supplementRounds") instanceof Number n ? n.intValue() : 0;
        if (rounds >= settings.maxSupplementRounds()) {
            throw new InvalidDecision("已退回补正 " + rounds + " 次，达到上限（" + settings.maxSupplementRounds()
                    + " 次），不能再退回；请选择“材料齐全，分送审查”或“不予受理”");
        }
        process.setVariable("supplementRounds", rounds + 1);
        deadlines.set(process, "supplementDue", settings.supplementWorkingDays());
        return "形式审查：退回补正（第 " + (rounds + 1) + " 次）\n" + reason;
    }

    /** ADM-07, ADM-09: each coordination member judges every criterion of the announcement, then gives its opinion. */
    private String coordinationReview(DelegateTask task, DelegateExecution process, long applicationId) {
        List<ReviewOpinions.CriterionJudgement> judged = judgedCriteria(task);
        String opinion = choice(task, "reviewOpinion", Set.of("approve", "reject"), "请选择审查意见");
        String reason =
                opinion.equals("reject") ? required(task, "reviewReason", "不同意时请写明理由") : optional(task, "reviewReason");
        if (opinion.equals("approve") && judged.stream().anyMatch(c -> !c.met())) {
            throw new InvalidDecision("有评审标准未勾选（不满足），审查意见不能为“同意”（ADM-07）");
        }
        requireNoteOnUnmet(judged);
        String group = (String) task.getVariable("reviewGroup");
        String unit = profiles.groupName(group);
        opinions.record(
                new ReviewOpinions.Opinion(
                        Subjects.admission(applicationId),
                        task.getId(),
                        "协调机制成员单位审查",
                        group,
                        actor(task),
                        opinion,
                        reason),
                judged);
        long met =
                judged.stream().filter(ReviewOpinions.CriterionJudgement::met).count();
        String line = unit + "：" + (opinion.equals("approve") ? "同意" : "不同意") + "（评审标准满足 " + met + "/" + judged.size()
                + (reason == null ? "" : "；" + reason) + "）";
        appendSummary(process, line);
        return "协调机制成员单位审查：" + line;
    }

    /** CAT-03: a provider unit consents to its own resources or refuses them; refused ones leave the granted scope. */
    private String providerReview(DelegateTask task, DelegateExecution process, long applicationId) {
        String opinion = choice(task, "reviewOpinion", Set.of("approve", "reject"), "请选择审查意见");
        String reason =
                opinion.equals("reject") ? required(task, "reviewReason", "不同意时请写明理由") : optional(task, "reviewReason");
        String group = (String) task.getVariable("reviewGroup");
        List<String> resources = applications.recordProviderConsent(applicationId, group, opinion.equals("approve"));
        opinions.record(
                new ReviewOpinions.Opinion(
                        Subjects.admission(applicationId),
                        task.getId(),
                        "数据提供单位审查",
                        group,
                        actor(task),
                        opinion,
                        reason),
                List.of());
        String line = catalog.providerNameOfGroup(group) + "：" + (opinion.equals("approve") ? "同意" : "不同意") + "纳入"
                + String.join("、", resources) + (reason == null ? "" : "（" + reason + "）");
        appendSummary(process, line);
        return "数据提供单位审查：" + line;
    }

    private String expert(DelegateTask task) {
        String recommendation = choice(task, "expertRecommendation", Set.of("approve", "reject"), "请选择论证建议");
        String opinion = required(task, "expertOpinion", "请填写论证意见");
        return "专家论证：" + (recommendation.equals("approve") ? "建议准入" : "不建议准入") + "\n" + opinion;
    }

    /**
     * ADM-07: the decider judges every criterion and may admit only when each is met. CAT-03: the granted scope is
     * exactly what the providers consented to; with nothing consented there is nothing to admit. SCN-02 (004): at least
     * one of the application's scenarios must have passed its review.
     */
    private String decide(DelegateTask task, DelegateExecution process, long applicationId) {
        String decision = choice(task, "admissionDecision", Set.of("approve", "reject"), "请选择准入决定");
        if (decision.equals("reject")) {
            return "准入决定：不予准入\n" + required(task, "admissionReason", "不予准入时请写明理由");
        }
        List<ReviewOpinions.CriterionJudgement> judged = judgedCriteria(task);
        List<String> unmet = judged.stream()
                .filter(c -> !c.met())
                .map(ReviewOpinions.CriterionJudgement::criterion)
                .toList();
        if (!unmet.isEmpty()) {
            throw new InvalidDecision("以下评审标准未勾选（不满足），不能准予准入（ADM-07）：" + String.join("；", unmet));
        }
        AdmissionApplication application = applications.get(applicationId);
        List<String> granted = application.grantedResourceCodes();
        if (granted.isEmpty()) {
            throw new InvalidDecision("申请的数据资源均未获数据提供单位同意，授权范围为空，不能准予准入（CAT-03）");
        }
        if (profiles.of(application.getJurisdiction()).scenarioReviewInAdmission()
                && scenarios.ofAdmission(applicationId).stream()
                        .noneMatch(s -> s.getStatus() == ScenarioStatus.APPROVED)) {
            throw new InvalidDecision("申请所列应用场景均未通过“一场景一清单一审核”，不能准予准入（SCN-02）");
        }
        String grantedNames =
                catalog.findAll(granted).stream().map(CatalogResource::name).collect(Collectors.joining("、"));
        process.setVariable("grantedResourceCodes", String.join(",", granted));
        process.setVariable("authorizationScope", process.getVariable("announcementScope") + "；授权数据资源：" + grantedNames);
        deadlines.set(process, "publicityEnds", profiles.admission().publicityWorkingDays());
        String approvedScenarios = scenarios.ofAdmission(applicationId).stream()
                .filter(s -> s.getStatus() == ScenarioStatus.APPROVED)
                .map(Scenario::getName)
                .collect(Collectors.joining("、"));
        return "准入决定：准予准入，进入公示\n授权数据资源：" + grantedNames
                + (approvedScenarios.isEmpty() ? "" : "\n通过审核的应用场景：" + approvedScenarios);
    }

    private String objection(DelegateTask task, DelegateExecution process) {
        String decision = choice(task, "objectionDecision", Set.of("upheld", "dismissed"), "请选择核查结论");
        String reason = required(task, "objectionReason", "请写明核查情况");
        if (decision.equals("upheld")) {
            // the objection's own scope ends with the error it raises; the outcome is recorded outside it
            process.setVariable("objectionUpheldReason", reason);
        }
        return "公示异议核查：" + (decision.equals("upheld") ? "异议成立" : "异议不成立") + "\n" + reason;
    }

    private String revenueCap(DelegateTask task) {
        Object value = task.getVariable("maxAllowedRevenueWan");
        if (!(value instanceof Number n) || n.doubleValue() < 0) {
            throw new InvalidDecision("请填写不小于 0 的最高准许收入（万元）");
        }
        required(task, "revenueCapBasis", "请填写核定依据");
        return "核定最高准许收入：" + n + " 万元/年";
    }

    private String agreement(DelegateTask task, DelegateExecution process) {
        String no = required(task, "agreementNo", "请填写协议编号");
        LocalDate signedOn;
        try {
            signedOn = LocalDate.parse(
                    required(task, "agreementSignedOn", "请填写签订日期").substring(0, 10));
        } catch (RuntimeException e) {
            throw new InvalidDecision("签订日期应为 yyyy-MM-dd 格式的日期");
        }
        if (signedOn.isAfter(LocalDate.now(clock.withZone(Clocks.BEIJING)))) {
            throw new InvalidDecision("签订日期不能晚于今天：协议须已签订后再登记");
        }
        int term = whole(task, "termMonths", "请填写协议期限（月）");
        int trial = whole(task, "trialMonths", "请填写试运营期（月），不设填 0");
        try {
            profiles.of((String) task.getVariable("jurisdiction")).checkAgreementTerm(term, trial);
        } catch (IllegalArgumentException e) {
            throw new InvalidDecision(e.getMessage());
        }
        process.setVariable("agreementSignedOn", signedOn.toString());
        process.setVariable("termMonths", term);
        process.setVariable("trialMonths", trial);
        return "签订授权运营协议：" + no + "，" + signedOn + " 签订，期限 " + term + " 个月"
                + (trial > 0 ? "，另设试运营期 " + trial + " 个月" : "");
    }

    private String training(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("trainingPassed"))) {
            throw new InvalidDecision("须确认参训人员均已通过岗前培训，才能开通平台权限（ADM-18）");
        }
        return "岗前培训通过\n" + required(task, "trainedStaff", "请填写参训并通过的人员");
    }

    /**
     * The announcement's criteria as the reviewer judged them: each ticked box met, each box left unticked not met,
     * which the note must explain.
     */
    @SuppressWarnings("unchecked")
    private static List<ReviewOpinions.CriterionJudgement> judgedCriteria(DelegateTask task) {
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) task.getVariable("criteriaOptions");
        Set<String> met =
                ticked(task, "metCriteria").stream().map(String::valueOf).collect(Collectors.toSet());
        String note = optional(task, "criteriaNote");
        List<ReviewOpinions.CriterionJudgement> judged = new ArrayList<>();
        for (Map<String, Object> criterion : criteria) {
            String value = String.valueOf(criterion.get("value"));
            judged.add(new ReviewOpinions.CriterionJudgement(
                    Integer.parseInt(value),
                    String.valueOf(criterion.get("criterion")),
                    met.contains(value),
                    met.contains(value) ? null : note));
        }
        if (met.size()
                > judged.stream().filter(ReviewOpinions.CriterionJudgement::met).count()) {
            throw new InvalidDecision("勾选了通告评审标准以外的条目，请重新勾选（ADM-07）");
        }
        return judged;
    }

    /** A criterion judged not met needs the note saying why. */
    private static void requireNoteOnUnmet(List<ReviewOpinions.CriterionJudgement> judged) {
        List<String> unexplained = judged.stream()
                .filter(c -> !c.met() && c.note() == null)
                .map(c -> String.valueOf(c.criterionNo()))
                .toList();
        if (!unexplained.isEmpty()) {
            throw new InvalidDecision(
                    "未勾选的第 " + String.join("、", unexplained) + " 条评审标准视为不满足，请在“未满足标准的说明”中写明理由（ADM-07）");
        }
    }

    private static void appendSummary(DelegateExecution process, String line) {
        Object summary = process.getVariable("reviewSummary");
        process.setVariable(
                "reviewSummary", summary == null || summary.toString().isBlank() ? line : summary + "\n" + line);
    }
}
