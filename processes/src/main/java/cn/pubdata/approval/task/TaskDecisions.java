package cn.pubdata.approval.task;

import cn.pubdata.approval.common.Problem;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completes a reviewer's task with a decision, outside Tasklist (the portal API). */
@Service
public class TaskDecisions {

    private final TaskService tasks;
    private final HistoryService history;

    public TaskDecisions(TaskService tasks, HistoryService history) {
        this.tasks = tasks;
        this.history = history;
    }

    /** Claims and completes in one transaction: a refused decision leaves the task as it was, unclaimed. */
    @Transactional
    public void decide(String taskId, String userId, Set<String> groups, Map<String, Object> decision) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task != null
                && !userId.equals(task.getAssignee())
                && tasks.getIdentityLinksForTask(taskId).stream()
                        .noneMatch(link -> link.getGroupId() != null && groups.contains(link.getGroupId()))) {
            // another unit's task is not shown to this reviewer at all
            throw Problem.notFound("任务 " + taskId + " 不存在");
        }
        if (task == null) {
            HistoricTaskInstance done =
                    history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            if (done != null && done.getEndTime() != null) {
                throw Problem.conflict(
                        "任务「" + done.getName() + "」已于 " + done.getEndTime().toInstant() + " 办理完毕"
                                + (done.getAssignee() == null ? "" : "（办理人 " + done.getAssignee() + "）") + "，不能重复提交");
            }
            throw Problem.notFound("任务 " + taskId + " 不存在");
        }
        if (decision == null || decision.isEmpty()) {
            throw Problem.invalid("decision", "请填写审查结论");
        }
        try {
            if (task.getAssignee() == null) {
                tasks.claim(taskId, userId);
            }
            tasks.complete(taskId, decision);
        } catch (RuntimeException e) {
            InvalidDecision invalid = InvalidDecision.in(e);
            if (invalid == null) {
                throw e;
            }
            throw Problem.invalid("decision", invalid.getMessage());
        }
    }
}
