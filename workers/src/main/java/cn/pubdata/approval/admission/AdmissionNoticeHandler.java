package cn.pubdata.approval.admission;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.NoticeDraft;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.officialnotice.OfficialNotices;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the operator where its admission stands: accepted for review (受理), what it must supply (补正), and that the
 * public may now object (公示). 受理 and 补正 are official notices under a document number.
 */
@Component
class AdmissionNoticeHandler implements ExternalTaskHandler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Notifications notifications;
    private final AdmissionApplications applications;
    private final Timeline timeline;
    private final OfficialNotices officialNotices;

    AdmissionNoticeHandler(
            Notifications notifications,
            AdmissionApplications applications,
            Timeline timeline,
            OfficialNotices officialNotices) {
        this.officialNotices = officialNotices;
        this.notifications = notifications;
        this.applications = applications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "admission-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        AdmissionApplication application = applications.get(task.longValue("applicationId"));
        String template = task.string("noticeTemplate");
        String title;
        String body;
        OfficialNotice.Kind official = null;
        switch (template) {
            case "ACCEPTED" -> {
                title = "【已受理】" + task.string("announcementTitle") + " 准入申请";
                body = application.getCompanyName() + "：\n\n您的准入申请经形式审查材料齐全，予以受理。申请已分送协调机制成员单位和数据提供单位审查，"
                        + "审查进度可登录门户查看。";
                official = OfficialNotice.Kind.ACCEPTANCE;
            }
            case "SUPPLEMENT_REQUESTED" -> {
                String due = DAY.format(task.date("supplementDue"));
                title = "【需补正】" + task.string("announcementTitle") + " 准入申请";
                body = application.getCompanyName() + "：\n\n您的准入申请经形式审查需要补正材料（第 " + task.intValue("supplementRounds")
                        + " 次补正）。\n补正要求：" + task.string("completenessReason") + "\n\n请于 " + due
                        + "（含）前登录门户提交补正材料，逾期未补正的，申请将终止。";
                official = OfficialNotice.Kind.SUPPLEMENT;
            }
            case "PUBLICITY_STARTED" -> {
                String ends = DAY.format(task.date("publicityEnds"));
                title = "【公示】" + task.string("announcementTitle") + " 准入审查结果公示";
                body = application.getCompanyName() + "：\n\n您的准入申请已通过审查，审查结果自即日起公示，公示期至 " + ends
                        + "。公示期内如有异议，须处理完毕后方可签订授权运营协议（ADM-13）。";
                timeline.record(
                        Subjects.admission(application.getId()),
                        "审查结果公示",
                        "公示期至 " + ends,
                        "数据主管部门",
                        task.dedupeKey("timeline"));
            }
            default -> throw new IllegalStateException("未知的通知模板 " + template);
        }
        if (official != null) {
            body += OfficialNotices.reference(officialNotices.issue(new NoticeDraft(
                    task.dedupeKey("official"),
                    official,
                    application.getJurisdiction(),
                    Subjects.admission(application.getId()),
                    application.getCreditCode(),
                    application.getCompanyName(),
                    title,
                    body)));
        }
        notifications.send(
                Notifications.operator(application.getCreditCode()),
                task.dedupeKey("operator"),
                title,
                body,
                application.getContactEmail());
        return Map.of();
    }
}
