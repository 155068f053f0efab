package cn.pubdata.approval.developer;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * DEV-05: the operator learns of a developer's application, with the provider units' recommendations (DEV-10), and
 * is asked to review it; the developer is told that it was received.
 */
@Component
class DeveloperAppliedHandler implements ExternalTaskHandler {

    private final Developers developers;
    private final Timeline timeline;
    private final Notifications notifications;

    DeveloperAppliedHandler(Developers developers, Timeline timeline, Notifications notifications) {
        this.developers = developers;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "developer-applied";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        DeveloperApplication a = developers.get(task.longValue("developerApplicationId"));
        List<Recommendation> recommendations = developers.recommendationsFor(a);
        String recommended = recommendations.isEmpty()
                ? "无"
                : recommendations.stream()
                        .map(r -> r.providerGroup() + "：" + r.reason())
                        .collect(Collectors.joining("；"));
        notifications.send(
                Notifications.operator(a.operatorCreditCode()),
                task.dedupeKey("operator"),
                "【入驻申请】" + a.developerName() + "申请入驻运营平台",
                a.operatorName() + "：\n\n" + a.developerName() + "（" + a.developerCreditCode()
                        + "）申请入驻贵单位的运营平台，参与开发人员 " + developers.staffOf(a.id()).size()
                        + " 名，并声明近3年未发生网络安全、数据安全事件。\n能力说明：" + a.capability() + "\n数据提供单位推荐：" + recommended
                        + "\n\n请在门户「开发利用主体」中审核，作出同意或不同意入驻的决定并写明理由。",
                null);
        notifications.send(
                Notifications.operator(a.developerCreditCode()),
                task.dedupeKey("developer"),
                "【入驻申请已受理】" + a.operatorName(),
                a.developerName() + "：\n\n贵单位向" + a.operatorName() + "提交的入驻申请已送达，由该运营机构审核决定。",
                null);
        timeline.record(
                Subjects.developerApplication(a.id()),
                "已送运营机构审核",
                recommendations.isEmpty() ? null : "数据提供单位推荐：" + recommended,
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
