package cn.pubdata.approval.datause;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.optional;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.review.ReviewOpinions;
import cn.pubdata.approval.task.InvalidDecision;
import cn.pubdata.approval.task.LineChecklist;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.List;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks each decision on a data-use request when a reviewer completes a task and records it through the data-use
 * services. A decision that breaks a rule is refused with a message the reviewer can act on; the task stays open.
 */
@Component("dataUseDecisions")
public class DataUseDecisions implements TaskListener {

    static final String IRS_STEP = "IRS技术审核";

    private final DataUses dataUses;
    private final ReviewOpinions opinions;
    private final Timeline timeline;
    private final PolicyProfiles profiles;

    public DataUseDecisions(DataUses dataUses, ReviewOpinions opinions, Timeline timeline, PolicyProfiles profiles) {
        this.dataUses = dataUses;
        this.opinions = opinions;
        this.timeline = timeline;
        this.profiles = profiles;
    }

    @Override
    public void notify(DelegateTask task) {
        long requestId = ((Number) task.getVariable("requestId")).longValue();
        String entry = switch (task.getTaskDefinitionKey()) {
            case DataUseProcess.TASK_IRS_REVIEW -> irsReview(task, requestId);
            case DataUseProcess.TASK_PROVIDER_REVIEW -> providerReview(task, requestId);
            case DataUseProcess.TASK_PROVINCIAL_CONSENT -> provincialConsent(task, requestId);
            default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
        };
        int cut = entry.indexOf('\n');
        timeline.record(
                Subjects.dataUse(requestId),
                cut < 0 ? entry : entry.substring(0, cut),
                cut < 0 ? null : entry.substring(cut + 1),
                signer(task),
                "task:" + task.getId());
    }

    /** SCN-08: the authority's IRS technical review of the whole request; a refusal needs its reason. */
    private String irsReview(DelegateTask task, long requestId) {
        String decision = choice(task, "irsDecision", Set.of("approve", "refuse"), "请选择技术审核结论");
        String reason =
                decision.equals("refuse") ? required(task, "irsReason", "不通过时请写明理由") : optional(task, "irsReason");
        opinions.record(
                new ReviewOpinions.Opinion(
                        Subjects.dataUse(requestId),
                        task.getId(),
                        IRS_STEP,
                        "authority-reviewer",
                        actor(task),
                        decision,
                        reason),
                List.of());
        return IRS_STEP + "：" + (decision.equals("approve") ? "通过" : "不通过") + (reason == null ? "" : "\n" + reason);
    }

    /** SCN-08: a provider unit decides each of its own lines. */
    private String providerReview(DelegateTask task, long requestId) {
        String group = (String) task.getVariable("reviewGroup");
        try {
            return "数据提供单位审核（" + profiles.groupName(group) + "）\n"
                    + dataUses.recordProviderDecision(
                            requestId, group, LineChecklist.consented(task), LineChecklist.reason(task));
        } catch (Problem p) {
            throw new InvalidDecision(p.getMessage());
        }
    }

    /** SCN-09: the provincial authority decides each line on data the province returned. */
    private String provincialConsent(DelegateTask task, long requestId) {
        try {
            return "省公共数据主管部门同意（省回流数据）\n"
                    + dataUses.recordProvinceDecision(
                            requestId, LineChecklist.consented(task), LineChecklist.reason(task));
        } catch (Problem p) {
            throw new InvalidDecision(p.getMessage());
        }
    }
}
