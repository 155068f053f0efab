package cn.pubdata.approval.rectification;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ends a rectification. Passed: the agreement operates again and suspended permissions are restored (RECT-08).
 * Failed (again 限期整改, 未通过, or the deadline missed): recorded, and the flow orders the exit (RECT-04, RECT-07).
 */
@Component
class CloseRectificationHandler implements ExternalTaskHandler {

    private final Rectifications rectifications;
    private final Agreements agreements;
    private final AgreementContacts contacts;
    private final Notifications notifications;
    private final Timeline timeline;

    CloseRectificationHandler(
            Rectifications rectifications,
            Agreements agreements,
            AgreementContacts contacts,
            Notifications notifications,
            Timeline timeline) {
        this.rectifications = rectifications;
        this.agreements = agreements;
        this.contacts = contacts;
        this.notifications = notifications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "rectification-close";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("rectificationId");
        Rectification.Status status = Rectification.Status.valueOf(task.string("outcome"));
        if (status == Rectification.Status.FAILED && rectifications.get(id).outcome() == null) {
            rectifications.missed(id, "整改期限届满，未提交整改方案或整改报告");
        }
        rectifications.close(id, status, task.dedupeKey("state"));
        Rectification r = rectifications.get(id);
        String email = contacts.emailOf(agreements.find(r.agreementId()).orElseThrow());
        String title;
        String body;
        if (status == Rectification.Status.PASSED) {
            title = "【整改通过】";
            body = r.companyName() + "：\n\n你单位已完成整改，经再次评估通过。" + (r.suspended() ? "平台使用权限已恢复。" : "")
                    + (r.outcomeReason() == null ? "" : "\n评估意见：" + r.outcomeReason());
        } else {
            title = "【整改未通过】授权运营将终止";
            body = r.companyName() + "：\n\n整改结果：" + r.outcome().label()
                    + (r.outcomeReason() == null ? "" : "（" + r.outcomeReason() + "）")
                    + "。整改只有一轮，未按要求完成整改的，终止授权运营，已转入退出程序。";
        }
        timeline.record(
                Subjects.rectification(id),
                "整改结束：" + r.status().label(),
                r.outcomeReason(),
                "系统",
                task.dedupeKey("timeline"));
        notifications.send(Notifications.operator(r.creditCode()), task.dedupeKey("operator"), title, body, email);
        return status == Rectification.Status.PASSED
                ? Map.of()
                : Map.of(
                        "exitReason",
                        "限期整改（" + r.trigger().label() + "）未完成：" + r.outcome().label()
                                + (r.outcomeReason() == null ? "" : "，" + r.outcomeReason()));
    }
}
