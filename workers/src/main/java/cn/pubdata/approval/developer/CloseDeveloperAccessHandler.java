package cn.pubdata.approval.developer;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ends a developer's access with its reason: its agreement ended, the operator removed it, or the operator exited.
 * Both parties are told.
 */
@Component
class CloseDeveloperAccessHandler implements ExternalTaskHandler {

    static final String AGREEMENT_ENDED = "开发利用协议到期";

    private final Developers developers;
    private final Timeline timeline;
    private final Notifications notifications;

    CloseDeveloperAccessHandler(Developers developers, Timeline timeline, Notifications notifications) {
        this.developers = developers;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "developer-close-access";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("developerApplicationId");
        String reason = task.stringOr("accessEndReason", AGREEMENT_ENDED);
        developers.closeAccess(id, reason);
        DeveloperApplication a = developers.get(id);
        String body = a.developerName() + "在" + a.operatorName() + "运营平台的开发访问已终止。\n原因：" + reason;
        notifications.send(
                Notifications.operator(a.developerCreditCode()),
                task.dedupeKey("developer"),
                "【平台访问已终止】" + a.operatorName(),
                body + "\n请停止使用平台数据，并按开发利用协议处理留存的数据。",
                null);
        notifications.send(
                Notifications.operator(a.operatorCreditCode()),
                task.dedupeKey("operator"),
                "【开发利用主体访问已终止】" + a.developerName(),
                body,
                null);
        timeline.record(Subjects.developerApplication(id), "平台访问终止", reason, "系统", task.dedupeKey("timeline"));
        return Map.of();
    }
}
