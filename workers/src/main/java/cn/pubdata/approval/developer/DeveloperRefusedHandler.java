package cn.pubdata.approval.developer;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the developer that the operator did not admit it, with the operator's reason. */
@Component
class DeveloperRefusedHandler implements ExternalTaskHandler {

    private final Developers developers;
    private final Timeline timeline;
    private final Notifications notifications;

    DeveloperRefusedHandler(Developers developers, Timeline timeline, Notifications notifications) {
        this.developers = developers;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "developer-refused";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        DeveloperApplication a = developers.get(task.longValue("developerApplicationId"));
        notifications.send(
                Notifications.operator(a.developerCreditCode()),
                task.dedupeKey("developer"),
                "【入驻申请未获同意】" + a.operatorName(),
                a.developerName() + "：\n\n" + a.operatorName() + "经审核，不同意贵单位入驻其运营平台。\n理由：" + a.decisionReason(),
                null);
        timeline.record(Subjects.developerApplication(a.id()), "已告知开发利用主体审核结果", null, "系统", task.dedupeKey("timeline"));
        return Map.of();
    }
}
