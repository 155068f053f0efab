package cn.pubdata.approval.emergencyplan;

import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** SEC-08: checks the review of an updated emergency plan and records it through the plans' service. */
@Component("emergencyPlanReviews")
public class EmergencyPlanReviews implements TaskListener {

    private final EmergencyPlans plans;
    private final Timeline timeline;

    public EmergencyPlanReviews(EmergencyPlans plans, Timeline timeline) {
        this.plans = plans;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("planId")).longValue();
        boolean accept = choice(task, "planDecision", Set.of("accept", "return"), "请选择审查结论：通过或退回")
                .equals("accept");
        String note = required(task, "planReviewNote", "请填写审查意见");
        if (accept) {
            plans.accept(id, note, signer(task));
        } else {
            plans.returnPlan(id, note, signer(task));
        }
        timeline.record(
                Subjects.emergencyPlan(id),
                accept ? "应急预案审查通过，自即日起施行" : "应急预案审查未通过，退回运营机构",
                note,
                signer(task),
                "task:" + task.getId());
    }
}
