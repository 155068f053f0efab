package cn.pubdata.approval.permissions;

import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Opens platform permissions, only with an emergency plan on file (ADM-11) and the staff training passed (ADM-18).
 * The model reaches this step only when both hold; a breach here is a defect, so it fails into an incident.
 */
@Component
class OpenPermissionsHandler implements ExternalTaskHandler {

    private final PlatformPermissions permissions;
    private final Clock clock;

    OpenPermissionsHandler(PlatformPermissions permissions, Clock clock) {
        this.permissions = permissions;
        this.clock = clock;
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
        permissions.open(
                task.longValue("applicationId"),
                task.string("jurisdiction"),
                task.string("operatorCreditCode"),
                clock.instant());
        return Map.of();
    }
}
