package cn.pubdata.approval.emergencyplan;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** SEC-08: tells the operator whether its updated emergency plan now governs the agreement or was returned. */
@Component
class EmergencyPlanNoticeHandler implements ExternalTaskHandler {

    private final EmergencyPlans plans;
    private final Agreements agreements;
    private final Timeline timeline;
    private final Notifications notifications;

    EmergencyPlanNoticeHandler(
            EmergencyPlans plans, Agreements agreements, Timeline timeline, Notifications notifications) {
        this.plans = plans;
        this.agreements = agreements;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "emergency-plan-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        EmergencyPlan plan = plans.get(task.longValue("planId"));
        Agreement agreement = agreements.find(plan.agreementId()).orElseThrow();
        boolean accepted =
                plan.status() == EmergencyPlan.Status.GOVERNING || plan.status() == EmergencyPlan.Status.SUPERSEDED;
        String title = accepted
                ? "【应急预案已更新】协议 " + agreement.agreementNo() + " 自即日起适用新的应急预案"
                : "【应急预案被退回】协议 " + agreement.agreementNo() + " 仍适用原应急预案";
        notifications.send(
                Notifications.operator(agreement.creditCode()),
                task.dedupeKey("operator"),
                title,
                agreements.operatorName(agreement) + "：\n\n贵单位提交的更新应急预案（" + plan.fileName() + "）"
                        + (accepted
                                ? "已经数据主管部门会同安全成员单位审查通过，自即日起作为协议 " + agreement.agreementNo() + " 的应急预案（一授权一预案，SEC-08）。"
                                : "未获通过，协议 " + agreement.agreementNo() + " 仍适用原应急预案。请按审查意见修改后重新提交。")
                        + "\n审查意见：" + plan.reviewNote(),
                null);
        timeline.record(
                Subjects.emergencyPlan(plan.id()),
                accepted ? "新预案施行，已告知运营机构" : "预案退回，已告知运营机构",
                null,
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
