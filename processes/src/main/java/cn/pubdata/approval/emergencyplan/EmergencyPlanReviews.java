package cn.pubdata.approval.emergencyplan;

import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * SEC-08: checks one review of an updated emergency plan, the authority's or the security members', and records it
 * through the plans' service, which decides the plan once both have reviewed it.
 */
@Component("emergencyPlanReviews")
public class EmergencyPlanReviews implements TaskListener {

    private final EmergencyPlans plans;

    public EmergencyPlanReviews(EmergencyPlans plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("planId")).longValue();
        boolean accept = choice(task, "planDecision", Set.of("accept", "return"), "请选择审查结论：通过或退回")
                .equals("accept");
        String note = required(task, "planReviewNote", "请填写审查意见");
        EmergencyPlans.Reviewer reviewer =
                task.getTaskDefinitionKey().equals(EmergencyPlanProcess.TASK_AUTHORITY_REVIEW)
                        ? EmergencyPlans.Reviewer.AUTHORITY
                        : EmergencyPlans.Reviewer.SECURITY_MEMBERS;
        plans.review(id, reviewer, accept, note, signer(task));
    }
}
