package cn.pubdata.approval.developer;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * DEV-09: opens the developer's platform access, recorded as its permission to sampled and desensitised data only,
 * after the agreement (DEV-06) and the staff filing (DEV-08); tells the developer and the operator.
 */
@Component
class OpenDeveloperAccessHandler implements ExternalTaskHandler {

    private final Developers developers;
    private final Timeline timeline;
    private final Notifications notifications;

    OpenDeveloperAccessHandler(Developers developers, Timeline timeline, Notifications notifications) {
        this.developers = developers;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "developer-open-access";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("developerApplicationId");
        DeveloperPermission permission = developers.openAccess(id);
        DeveloperApplication a = developers.get(id);
        String body = a.developerName() + "已开通" + a.operatorName() + "运营平台的开发访问，" + permission.scopeLabel()
                + "（DEV-09），至开发利用协议 " + a.agreementNo() + " 到期（" + a.agreementEndsOn() + "）为止。";
        notifications.send(
                Notifications.operator(a.developerCreditCode()),
                task.dedupeKey("developer"),
                "【平台访问已开通】" + a.operatorName(),
                body + "\n请仅在平台内使用经抽样、脱敏后的数据进行开发。",
                null);
        notifications.send(
                Notifications.operator(a.operatorCreditCode()),
                task.dedupeKey("operator"),
                "【开发利用主体已开通访问】" + a.developerName(),
                body + "\n平台须保证其仅能访问经抽样、脱敏后的数据。",
                null);
        timeline.record(
                Subjects.developerApplication(id), "开通平台访问", permission.scopeLabel(), "系统", task.dedupeKey("timeline"));
        return Map.of();
    }
}
