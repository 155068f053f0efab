package cn.pubdata.approval.emergencyplan;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.timeline.Subjects;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator files an updated emergency plan for one agreement (SEC-08): stored and sent for review at once. */
@Service
public class EmergencyPlanSubmission {

    private final EmergencyPlans plans;
    private final RuntimeService runtime;

    public EmergencyPlanSubmission(EmergencyPlans plans, RuntimeService runtime) {
        this.plans = plans;
        this.runtime = runtime;
    }

    @Transactional
    public EmergencyPlan file(EmergencyPlanForm form, Actor actor) {
        EmergencyPlan filed = plans.file(form, actor);
        runtime.startProcessInstanceByKey(
                EmergencyPlanProcess.KEY, Subjects.emergencyPlan(filed.id()), Map.of("planId", filed.id()));
        return plans.get(filed.id());
    }
}
