package cn.pubdata.approval.agreement;

import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Opens platform permissions, only with an emergency plan on file (ADM-11) and the staff training passed (ADM-18),
 * and starts the agreement's state (试运营 or 运营中). The model reaches this step only when both hold; a breach here is
 * a defect, so it fails into an incident.
 */
@Component
class OpenPermissionsHandler implements ExternalTaskHandler {

    private final AgreementLifecycle lifecycle;

    OpenPermissionsHandler(AgreementLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public String topic() {
        return "permissions-open";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        if (!task.bool("hasEmergencyPlan")) {
            throw new IllegalStateException("没有应急预案，不得开通平台权限（ADM-11）");
        }
        if (!task.bool("trainingPassed")) {
            throw new IllegalStateException("岗前培训未通过，不得开通平台权限（ADM-18）");
        }
        lifecycle.open(task.longValue("applicationId"), task.string("jurisdiction"), task.string("operatorCreditCode"));
        return Map.of();
    }
}
