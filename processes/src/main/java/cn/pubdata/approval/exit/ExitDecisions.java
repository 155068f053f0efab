package cn.pubdata.approval.exit;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.optional;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.review.ReviewOpinions;
import cn.pubdata.approval.task.InvalidDecision;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The exit's decisions, checked when a reviewer completes the task and recorded through the exit's services: the
 * agency's proposal and the data authority's decision (EXIT-07), the coordination mechanism's deliberation (ROLE-04),
 * the deletion and its confirmation (EXIT-09, EXIT-10), the handover (EXIT-12). On creation, a task gets what its form
 * shows: the unit deliberating, the opinions so far, the deletion record.
 */
@Component("exitDecisions")
public class ExitDecisions implements TaskListener {

    private final ExitCases exits;
    private final ReviewOpinions opinions;
    private final PolicyProfiles profiles;
    private final Timeline timeline;

    public ExitDecisions(ExitCases exits, ReviewOpinions opinions, PolicyProfiles profiles, Timeline timeline) {
        this.exits = exits;
        this.opinions = opinions;
        this.profiles = profiles;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        long exitId = ((Number) task.getVariable("exitId")).longValue();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, exitId);
            return;
        }
        String subject = Subjects.exit(exitId);
        switch (task.getTaskDefinitionKey()) {
            case ExitProcess.TASK_PROPOSE -> {
                String decision = choice(task, "proposalDecision", Set.of("propose", "decline"), "请选择提请意见");
                String reason = required(task, "proposalReason", "请写明理由");
                exits.recordProposal(exitId, decision.equals("propose"), reason, actor(task));
                opinions.record(
                        new ReviewOpinions.Opinion(subject, task.getId(), "提请终止", null, actor(task), decision, reason),
                        List.of());
                timeline.record(
                        subject,
                        decision.equals("propose") ? "实施机构提请终止运营权" : "实施机构不提请终止",
                        reason,
                        signer(task),
                        "task:" + task.getId());
            }
            case ExitProcess.TASK_DELIBERATE -> {
                String opinion = choice(task, "deliberationOpinion", Set.of("terminate", "continue"), "请选择审议意见");
                String reason = opinion.equals("continue")
                        ? required(task, "deliberationReason", "不同意终止时请写明理由")
                        : optional(task, "deliberationReason");
                String group = (String) task.getVariable("reviewGroup");
                opinions.record(
                        new ReviewOpinions.Opinion(
                                subject, task.getId(), "协调机制审议", group, actor(task), opinion, reason),
                        List.of());
                timeline.record(
                        subject,
                        "协调机制审议：" + profiles.groupName(group) + (opinion.equals("terminate") ? "同意终止" : "不同意终止"),
                        reason,
                        signer(task),
                        "task:" + task.getId());
            }
            case ExitProcess.TASK_DECIDE -> {
                String decision = choice(task, "terminationDecision", Set.of("terminate", "continue"), "请选择决定");
                String reason = required(task, "terminationReason", "请写明决定理由");
                exits.recordDecision(exitId, decision.equals("terminate"), reason, actor(task));
                opinions.record(
                        new ReviewOpinions.Opinion(subject, task.getId(), "终止决定", null, actor(task), decision, reason),
                        List.of());
                timeline.record(
                        subject,
                        decision.equals("terminate") ? "决定终止授权运营" : "决定不予终止",
                        reason,
                        signer(task),
                        "task:" + task.getId());
            }
            case ExitProcess.TASK_DELETE_DATA -> {
                String note = required(task, "deletionNote", "请写明删除的数据范围、方式和时间");
                Object doc = task.getVariable("deletionDocumentId");
                if (!(doc instanceof Number n)) {
                    throw new InvalidDecision("请上传删除记录并填写其材料编号，作为存证");
                }
                try {
                    exits.recordDeletion(exitId, note, n.longValue(), Actor.reviewer(actor(task), Set.of()));
                } catch (Problem p) {
                    throw new InvalidDecision(p.getMessage());
                }
            }
            case ExitProcess.TASK_CONFIRM_DELETION -> {
                if (!Boolean.TRUE.equals(task.getVariable("deletionConfirmed"))) {
                    throw new InvalidDecision("请核对删除记录后勾选“确认数据已销毁”");
                }
                exits.confirmDeletion(exitId, required(task, "confirmationNote", "请写明核对的情况"), actor(task));
            }
            case ExitProcess.TASK_HANDOVER ->
                exits.handover(exitId, required(task, "handoverNote", "请写明交接的内容和接收方"), actor(task));
            default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
        }
    }

    private void created(DelegateTask task, long exitId) {
        switch (task.getTaskDefinitionKey()) {
            case ExitProcess.TASK_DELIBERATE ->
                task.setVariableLocal("reviewGroupName", profiles.groupName((String) task.getVariable("reviewGroup")));
            case ExitProcess.TASK_DECIDE -> {
                String text = opinions.of(Subjects.exit(exitId)).stream()
                        .map(o -> o.step() + (o.groupId() == null ? "" : "（" + profiles.groupName(o.groupId()) + "）")
                                + "：" + label(o.decision()) + (o.reason() == null ? "" : "，" + o.reason()))
                        .collect(Collectors.joining("\n"));
                task.setVariableLocal("opinions", text.isEmpty() ? "无（由本单位直接决定）" : text);
            }
            case ExitProcess.TASK_CONFIRM_DELETION -> {
                ExitCase exit = exits.get(exitId);
                task.setVariableLocal(
                        "deletionRecord",
                        exit.deletionNote() + "\n删除人：" + exit.deletedBy() + "\n删除记录 SHA-256：" + exit.deletionSha256());
            }
            default -> {}
        }
    }

    private static String label(String decision) {
        return switch (decision) {
            case "propose" -> "提请终止";
            case "decline" -> "不提请终止";
            case "terminate" -> "同意终止";
            case "continue" -> "不同意终止";
            default -> decision;
        };
    }
}
