package cn.pubdata.approval.admission;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.policy.AdmissionSettings;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks each admission decision when a reviewer completes a task, then records it on the application's timeline.
 * A decision that breaks a rule is refused with a message the reviewer can act on, and the task stays open.
 */
@Component("decisionRecorder")
public class DecisionRecorder implements TaskListener {

    private final Timeline timeline;
    private final PolicyProfiles profiles;
    private final CatalogResources catalog;
    private final WorkingDayCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DecisionRecorder(
            Timeline timeline,
            PolicyProfiles profiles,
            CatalogResources catalog,
            WorkingDayCalendar calendar,
            JdbcClient jdbc,
            Clock clock) {
        this.timeline = timeline;
        this.profiles = profiles;
        this.catalog = catalog;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution process = task.getExecution().getProcessInstance();
        long applicationId = ((Number) task.getVariable("applicationId")).longValue();
        String actor = task.getAssignee() == null ? "审查人" : task.getAssignee();
        String entry = switch (task.getTaskDefinitionKey()) {
            case AdmissionProcess.TASK_CHECK_COMPLETENESS -> completeness(task, process);
            case AdmissionProcess.TASK_COORDINATION_REVIEW, AdmissionProcess.TASK_PROVIDER_REVIEW ->
                review(task, process, applicationId, actor);
            case AdmissionProcess.TASK_EXPERT_CONSULTATION -> expert(task);
            case AdmissionProcess.TASK_DECIDE -> decide(task, process);
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
                applicationId,
                cut < 0 ? entry : entry.substring(0, cut),
                cut < 0 ? null : entry.substring(cut + 1),
                actor,
                "task:" + task.getId());
    }

    private String completeness(DelegateTask task, DelegateExecution process) {
        String decision = choice(task, "completenessDecision", Set.of("approve", "supplement", "reject"), "请选择审查结论");
        if (decision.equals("approve")) {
            return "形式审查：材料齐全，分送审查";
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
        Date due = Date.from(calendar.deadline(clock.instant(), settings.supplementWorkingDays()));
        process.setVariable("supplementRounds", rounds + 1);
        process.setVariable("supplementDue", due);
        return "形式审查：退回补正（第 " + (rounds + 1) + " 次）\n" + reason;
    }

    private String review(DelegateTask task, DelegateExecution process, long applicationId, String actor) {
        String opinion = choice(task, "reviewOpinion", Set.of("approve", "reject"), "请选择审查意见");
        String reason =
                opinion.equals("reject") ? required(task, "reviewReason", "不同意时请写明理由") : optional(task, "reviewReason");
        String group = (String) task.getVariable("reviewGroup");
        String unit = group.startsWith("provider-") ? catalog.providerNameOfGroup(group) : profiles.groupName(group);
        String step =
                task.getTaskDefinitionKey().equals(AdmissionProcess.TASK_PROVIDER_REVIEW) ? "数据提供单位审查" : "协调机制成员单位审查";
        jdbc.sql("""
                insert into approval.review_opinion (application_id, task_id, step, group_id, reviewer, decision, reason, decided_at)
                values (:app, :task, :step, :group, :who, :decision, :reason, :at) on conflict (task_id) do nothing""")
                .param("app", applicationId)
                .param("task", task.getId())
                .param("step", step)
                .param("group", group)
                .param("who", actor)
                .param("decision", opinion)
                .param("reason", reason)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        String line =
                unit + "：" + (opinion.equals("approve") ? "同意" : "不同意") + (reason == null ? "" : "（" + reason + "）");
        Object summary = process.getVariable("reviewSummary");
        process.setVariable(
                "reviewSummary", summary == null || summary.toString().isBlank() ? line : summary + "\n" + line);
        return step + "：" + line;
    }

    private String expert(DelegateTask task) {
        String recommendation = choice(task, "expertRecommendation", Set.of("approve", "reject"), "请选择论证建议");
        String opinion = required(task, "expertOpinion", "请填写论证意见");
        return "专家论证：" + (recommendation.equals("approve") ? "建议准入" : "不建议准入") + "\n" + opinion;
    }

    private String decide(DelegateTask task, DelegateExecution process) {
        String decision = choice(task, "admissionDecision", Set.of("approve", "reject"), "请选择准入决定");
        if (decision.equals("reject")) {
            return "准入决定：不予准入\n" + required(task, "admissionReason", "不予准入时请写明理由");
        }
        Date ends = Date.from(
                calendar.deadline(clock.instant(), profiles.admission().publicityWorkingDays()));
        process.setVariable("publicityEnds", ends);
        return "准入决定：准予准入，进入公示";
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
        if (signedOn.isAfter(LocalDate.now(clock.withZone(cn.pubdata.approval.common.Clocks.BEIJING)))) {
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

    private static String choice(DelegateTask task, String name, Set<String> allowed, String message) {
        Object v = task.getVariable(name);
        if (v == null || !allowed.contains(v.toString())) {
            throw new InvalidDecision(message);
        }
        return v.toString();
    }

    private static String required(DelegateTask task, String name, String message) {
        Object v = task.getVariable(name);
        if (v == null || v.toString().isBlank()) {
            throw new InvalidDecision(message);
        }
        return v.toString().trim();
    }

    private static String optional(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static int whole(DelegateTask task, String name, String message) {
        Object v = task.getVariable(name);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidDecision(message);
        }
        return n.intValue();
    }
}
