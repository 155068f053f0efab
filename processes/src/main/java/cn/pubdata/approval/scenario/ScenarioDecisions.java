package cn.pubdata.approval.scenario;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.optional;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.calendar.Deadlines;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.policy.ScenarioSettings;
import cn.pubdata.approval.review.ReviewOpinions;
import cn.pubdata.approval.task.InvalidDecision;
import cn.pubdata.approval.task.LineChecklist;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.List;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks each scenario decision when a reviewer completes a task and records it through the scenario's services.
 * A decision that breaks a rule is refused with a message the reviewer can act on, and the task stays open.
 */
@Component("scenarioDecisions")
public class ScenarioDecisions implements TaskListener {

    static final String SECURITY_STEP = "网络安全评审";

    private final Scenarios scenarios;
    private final ReviewOpinions opinions;
    private final Timeline timeline;
    private final PolicyProfiles profiles;
    private final Deadlines deadlines;

    public ScenarioDecisions(
            Scenarios scenarios,
            ReviewOpinions opinions,
            Timeline timeline,
            PolicyProfiles profiles,
            Deadlines deadlines) {
        this.scenarios = scenarios;
        this.opinions = opinions;
        this.timeline = timeline;
        this.profiles = profiles;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution process = task.getExecution().getProcessInstance();
        long scenarioId = ((Number) task.getVariable("scenarioId")).longValue();
        String entry = switch (task.getTaskDefinitionKey()) {
            case ScenarioProcess.TASK_PRE_CHECK -> preCheck(task, process);
            case ScenarioProcess.TASK_PROVIDER_REVIEW -> providerReview(task, scenarioId);
            case ScenarioProcess.TASK_NETWORK_SECURITY_REVIEW -> securityReview(task, process, scenarioId);
            case ScenarioProcess.TASK_PROVINCIAL_CONSENT -> provincialConsent(task, scenarioId);
            case ScenarioProcess.TASK_EXPERT_REVIEW -> expert(task, process);
            case ScenarioProcess.TASK_DECIDE -> decide(task, scenarioId);
            default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
        };
        int cut = entry.indexOf('\n');
        timeline.record(
                Subjects.scenario(scenarioId),
                cut < 0 ? entry : entry.substring(0, cut),
                cut < 0 ? null : entry.substring(cut + 1),
                signer(task),
                "task:" + task.getId());
    }

    private String preCheck(DelegateTask task, DelegateExecution process) {
        String decision = choice(task, "preCheckDecision", Set.of("approve", "supplement", "reject"), "请选择预审结论");
        if (decision.equals("approve")) {
            PolicyProfile profile = profiles.of((String) task.getVariable("jurisdiction"));
            if (Boolean.TRUE.equals(task.getVariable("expertConsultation")) && !profile.expertCommittee()) {
                throw new InvalidDecision(profile.noExpertCommittee());
            }
            return "场景预审：通过，分送数据提供单位逐项审核";
        }
        String reason =
                required(task, "preCheckReason", decision.equals("supplement") ? "退回补正时请写明需要补正的内容" : "不予受理时请写明理由");
        if (decision.equals("reject")) {
            return "场景预审：不予受理\n" + reason;
        }
        ScenarioSettings settings = profiles.scenario();
        int rounds = task.getVariable("supplementRounds") instanceof Number n ? n.intValue() : 0;
        if (rounds >= settings.maxSupplementRounds()) {
            throw new InvalidDecision(
                    "已退回补正 " + rounds + " 次，达到上限（" + settings.maxSupplementRounds() + " 次），不能再退回；请选择“通过”或“不予受理”");
        }
        process.setVariable("supplementRounds", rounds + 1);
        deadlines.set(process, "supplementDue", settings.supplementWorkingDays());
        return "场景预审：退回补正（第 " + (rounds + 1) + " 次）\n" + reason;
    }

    private String providerReview(DelegateTask task, long scenarioId) {
        String group = (String) task.getVariable("reviewGroup");
        String summary;
        try {
            summary = scenarios.recordProviderDecision(
                    scenarioId, group, LineChecklist.consented(task), LineChecklist.reason(task));
        } catch (Problem p) {
            throw new InvalidDecision(p.getMessage());
        }
        return "数据提供单位逐项审核（" + profiles.groupName(group) + "）\n" + summary;
    }

    private String securityReview(DelegateTask task, DelegateExecution process, long scenarioId) {
        String opinion = choice(task, "reviewOpinion", Set.of("approve", "reject"), "请选择评审意见");
        String reason =
                opinion.equals("reject") ? required(task, "reviewReason", "不通过时请写明理由") : optional(task, "reviewReason");
        String group = (String) task.getVariable("reviewGroup");
        opinions.record(
                new ReviewOpinions.Opinion(
                        Subjects.scenario(scenarioId),
                        task.getId(),
                        SECURITY_STEP,
                        group,
                        actor(task),
                        opinion,
                        reason),
                List.of());
        String line = profiles.groupName(group) + "：" + (opinion.equals("approve") ? "通过" : "不通过")
                + (reason == null ? "" : "（" + reason + "）");
        appendSummary(process, line);
        return SECURITY_STEP + "：" + line;
    }

    private String provincialConsent(DelegateTask task, long scenarioId) {
        try {
            return "省公共数据主管部门同意（省回流数据）\n"
                    + scenarios.recordProvinceDecision(
                            scenarioId, LineChecklist.consented(task), LineChecklist.reason(task));
        } catch (Problem p) {
            throw new InvalidDecision(p.getMessage());
        }
    }

    private String expert(DelegateTask task, DelegateExecution process) {
        String recommendation = choice(task, "expertRecommendation", Set.of("approve", "reject"), "请选择评审建议");
        String opinion = required(task, "expertOpinion", "请填写评审意见");
        appendSummary(
                process, "专家咨询委员会：" + (recommendation.equals("approve") ? "建议通过" : "不建议通过") + "（" + opinion + "）");
        return "专家评审：" + (recommendation.equals("approve") ? "建议通过" : "不建议通过") + "\n" + opinion;
    }

    private String decide(DelegateTask task, long scenarioId) {
        String decision = choice(task, "scenarioDecision", Set.of("approve", "reject"), "请选择审核决定");
        if (decision.equals("reject")) {
            return "场景审核决定：不予通过\n" + required(task, "scenarioReason", "不予通过时请写明理由");
        }
        List<ReviewOpinions.Opinion> refusals = opinions.of(Subjects.scenario(scenarioId)).stream()
                .filter(o -> o.step().equals(SECURITY_STEP) && o.decision().equals("reject"))
                .toList();
        if (!refusals.isEmpty()) {
            throw new InvalidDecision(
                    "网络安全评审未通过（" + profiles.groupName(refusals.get(0).groupId()) + "："
                            + refusals.get(0).reason() + "），不能通过该场景（SCN-05）");
        }
        if (scenarios.standingLines(scenarioId).isEmpty()) {
            throw new InvalidDecision("数据需求清单中已没有获同意的数据资源，不能通过该场景（CAT-03）");
        }
        return "场景审核决定：通过";
    }

    private static void appendSummary(DelegateExecution process, String line) {
        Object summary = process.getVariable("reviewSummary");
        process.setVariable(
                "reviewSummary", summary == null || summary.toString().isBlank() ? line : summary + "\n" + line);
    }
}
