package cn.pubdata.approval.rectification;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.NoticeDraft;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.officialnotice.OfficialNotices;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rectification notice (整改通知): the problems, the deadline and what the operator must file by then (RECT-02,
 * RECT-06); and the notice that the deadline passed without the plan or the report.
 */
@Component
class RectificationNoticeHandler implements ExternalTaskHandler {

    private final Rectifications rectifications;
    private final Agreements agreements;
    private final AgreementContacts contacts;
    private final Notifications notifications;
    private final Timeline timeline;
    private final OfficialNotices officialNotices;

    RectificationNoticeHandler(
            Rectifications rectifications,
            Agreements agreements,
            AgreementContacts contacts,
            Notifications notifications,
            Timeline timeline,
            OfficialNotices officialNotices) {
        this.officialNotices = officialNotices;
        this.rectifications = rectifications;
        this.agreements = agreements;
        this.contacts = contacts;
        this.notifications = notifications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "rectification-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        Rectification r = rectifications.get(task.longValue("rectificationId"));
        String email = contacts.emailOf(agreements.find(r.agreementId()).orElseThrow());
        String template = task.string("noticeTemplate");
        switch (template) {
            case "ORDERED" -> {
                String title = "【整改通知】请于 " + r.deadline() + " 前完成整改";
                String body = r.companyName() + "：\n\n因" + r.trigger().label() + "，现通知你单位限期整改。\n存在的问题：\n" + r.problems()
                        + "\n\n整改期限：" + r.deadline() + "（" + r.deadlineBasis() + "）。请先在门户提交整改方案，完成整改后提交整改报告，"
                        + "反馈改正情况；整改完成后将再次评估。逾期未完成整改的，将终止授权运营。"
                        + (task.bool("suspend") ? "\n整改期间，平台使用权限暂时关闭。" : "");
                OfficialNotice notice = officialNotices.issue(new NoticeDraft(
                        task.dedupeKey("official"),
                        OfficialNotice.Kind.RECTIFICATION,
                        r.jurisdiction(),
                        Subjects.rectification(r.id()),
                        r.creditCode(),
                        r.companyName(),
                        title,
                        body));
                notifications.send(
                        Notifications.operator(r.creditCode()),
                        task.dedupeKey("operator"),
                        title,
                        body + OfficialNotices.reference(notice),
                        email);
                timeline.record(
                        Subjects.rectification(r.id()),
                        "整改通知已送达运营机构",
                        "整改期限 " + r.deadline(),
                        "系统",
                        task.dedupeKey("timeline"));
            }
            case "DEADLINE_MISSED" -> {
                notifications.send(
                        Notifications.group("authority-reviewer"),
                        task.dedupeKey("authority"),
                        "【整改逾期】" + r.companyName(),
                        r.companyName() + "（" + r.creditCode() + "）未在 " + r.deadline() + " 前完成整改（"
                                + (r.planFiledAt() == null ? "未提交整改方案" : "未提交整改报告") + "），已转入退出程序。",
                        null);
                timeline.record(
                        Subjects.rectification(r.id()),
                        "整改期限届满，未完成整改",
                        r.planFiledAt() == null ? "未提交整改方案" : "未提交整改报告",
                        "系统",
                        task.dedupeKey("timeline"));
            }
            default -> throw new IllegalStateException("unknown rectification notice " + template);
        }
        return Map.of();
    }
}
