package cn.pubdata.approval.exit;

import cn.pubdata.approval.agreement.AgreementLifecycle;
import cn.pubdata.approval.permissions.DataAccessGrants;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** EXIT-08: the operator's platform permissions are closed promptly, and every data access it held is revoked. */
@Component
class ClosePermissionsHandler implements ExternalTaskHandler {

    private final ExitCases exits;
    private final AgreementLifecycle lifecycle;
    private final DataAccessGrants grants;
    private final Timeline timeline;
    private final Clock clock;

    ClosePermissionsHandler(
            ExitCases exits, AgreementLifecycle lifecycle, DataAccessGrants grants, Timeline timeline, Clock clock) {
        this.exits = exits;
        this.lifecycle = lifecycle;
        this.grants = grants;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "exit-close-permissions";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        ExitCase exit = exits.get(task.longValue("exitId"));
        String cause = "退出：" + exit.trigger().label() + "，关闭平台使用权限";
        lifecycle.closePermissions(exit.agreementId(), cause, "系统", task.dedupeKey("permissions"));
        List<DataAccessGrants.DataAccessGrant> revoked = grants.revokeOperator(
                exit.creditCode(),
                exit.jurisdiction(),
                "运营机构退出：" + exit.trigger().label(),
                clock.instant());
        exits.permissionsClosed(exit.id());
        timeline.record(
                Subjects.exit(exit.id()),
                "关闭平台使用权限",
                revoked.isEmpty() ? "无在用的数据访问权限" : "撤销数据访问权限 " + revoked.size() + " 项",
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
