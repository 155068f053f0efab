package cn.pubdata.approval.agreement;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * ADM-20: at expiry a new agreement of the same operator (its renewal through a new admission) takes over: the old
 * agreement's permissions close and it ends as 已由新协议接续.
 */
@Component
class SupersededHandler implements ExternalTaskHandler {

    private final AgreementLifecycle lifecycle;
    private final AgreementContacts contacts;
    private final Notifications notifications;
    private final Timeline timeline;

    SupersededHandler(
            AgreementLifecycle lifecycle, AgreementContacts contacts, Notifications notifications, Timeline timeline) {
        this.lifecycle = lifecycle;
        this.contacts = contacts;
        this.notifications = notifications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "term-superseded";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long agreementId = task.longValue("agreementId");
        var agreement = lifecycle.get(agreementId);
        lifecycle.superseded(
                agreementId, Subjects.agreement(agreementId), "协议期满，由重新申请获准的新协议接续", task.dedupeKey("state"));
        timeline.record(Subjects.agreement(agreementId), "协议期满，由新协议接续", null, "系统", task.dedupeKey("timeline"));
        notifications.send(
                Notifications.operator(agreement.creditCode()),
                task.dedupeKey("operator"),
                "【协议期满】授权运营协议 " + agreement.agreementNo() + " 已由新协议接续",
                contacts.companyName(agreement) + "：\n\n授权运营协议 " + agreement.agreementNo() + " 已于 " + agreement.endsOn()
                        + " 期满。你单位重新申请获准的新协议已生效，此后请在新协议下开展授权运营。",
                contacts.emailOf(agreement));
        return Map.of();
    }
}
