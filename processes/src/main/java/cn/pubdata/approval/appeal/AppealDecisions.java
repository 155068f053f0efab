package cn.pubdata.approval.appeal;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.required;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** APL-02: the authority asks for material, upholds or dismisses the appeal, always with its reason. */
@Component("appealDecisions")
public class AppealDecisions implements TaskListener {

    private final Appeals appeals;
    private final Timeline timeline;

    public AppealDecisions(Appeals appeals, Timeline timeline) {
        this.appeals = appeals;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("appealId")).longValue();
        String word = (String) task.getVariable("appealWord");
        String decision =
                choice(task, "appealDecision", Set.of("uphold", "dismiss", "material"), "请选择" + word + "成立、不成立或补充材料");
        String reason = required(task, "appealReason", "请写明理由（补充材料时写明需要的材料）");
        switch (decision) {
            case "material" -> appeals.requestMaterial(id, reason);
            case "uphold" -> appeals.decide(id, true, reason, actor(task));
            default -> appeals.decide(id, false, reason, actor(task));
        }
        task.setVariable("appealStep", decision.equals("material") ? "material" : "decided");
        timeline.record(
                Subjects.appeal(id),
                switch (decision) {
                    case "material" -> "要求补充材料";
                    case "uphold" -> word + "成立";
                    default -> word + "不成立";
                },
                reason,
                actor(task),
                "task:" + task.getId());
    }
}
