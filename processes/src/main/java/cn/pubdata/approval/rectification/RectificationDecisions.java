package cn.pubdata.approval.rectification;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.optional;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.review.ReviewOpinions;
import cn.pubdata.approval.task.InvalidDecision;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.List;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * RECT-03: the re-assessment after a rectification. 再次限期整改 is a result only where the profile knows EVAL-05's
 * three results (001); it then leads to exit like 未通过 (RECT-04). The form shows what the operator filed.
 */
@Component("rectificationDecisions")
public class RectificationDecisions implements TaskListener {

    private final Rectifications rectifications;
    private final ReviewOpinions opinions;
    private final Timeline timeline;

    public RectificationDecisions(Rectifications rectifications, ReviewOpinions opinions, Timeline timeline) {
        this.rectifications = rectifications;
        this.opinions = opinions;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("rectificationId")).longValue();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariablesLocal(rectifications.filed(rectifications.get(id)));
            return;
        }
        String result = choice(task, "reassessment", Set.of("PASS", "RECTIFY", "FAIL"), "请选择再次评估结果");
        if (result.equals("RECTIFY") && !Boolean.TRUE.equals(task.getVariable("threeOutcomes"))) {
            throw new InvalidDecision("本辖区整改后只评判改正是否符合要求：请选择“通过”或“未通过”");
        }
        String reason = result.equals("PASS")
                ? optional(task, "reassessmentReason")
                : required(task, "reassessmentReason", "未通过或再次限期整改时请写明理由");
        Rectification.Outcome outcome = Rectification.Outcome.valueOf(result);
        rectifications.assess(id, outcome, reason, actor(task));
        opinions.record(
                new ReviewOpinions.Opinion(
                        Subjects.rectification(id), task.getId(), "再次评估", null, actor(task), result, reason),
                List.of());
        timeline.record(
                Subjects.rectification(id), "再次评估：" + outcome.label(), reason, signer(task), "task:" + task.getId());
    }
}
