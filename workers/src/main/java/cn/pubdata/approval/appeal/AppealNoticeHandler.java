package cn.pubdata.approval.appeal;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * APL-02: tells the appellant where its appeal (or objection, APL-04) stands, once per step: registered (and the authority that it has one),
 * material asked for, or decided with the reason.
 */
@Component
class AppealNoticeHandler implements ExternalTaskHandler {

    private final Appeals appeals;
    private final Timeline timeline;
    private final Notifications notifications;

    AppealNoticeHandler(Appeals appeals, Timeline timeline, Notifications notifications) {
        this.appeals = appeals;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "appeal-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        Appeal a = appeals.get(task.longValue("appealId"));
        String word = a.word();
        String step = task.string("appealStep");
        String title;
        String body;
        switch (step) {
            case "registered" -> {
                notifications.send(
                        Notifications.group("authority-reviewer"),
                        task.dedupeKey("authority"),
                        "【" + word + "】" + a.appellantName(),
                        a.appellantName() + "对以下决定提出" + word + "：\n" + a.contestedDecision() + "\n" + word + "理由："
                                + a.grounds() + "\n\n请在待办任务「处理" + word + "」中决定。",
                        null);
                title = "【" + word + "已登记】";
                body = "贵单位的" + word + "已由数据主管部门登记，将在处理后告知结果。";
            }
            case "material" -> {
                title = "【" + word + "需补充材料】";
                body = "数据主管部门请贵单位补充材料：" + a.materialRequested() + "\n请在门户中提交。";
            }
            default -> {
                title = a.status() == Appeal.Status.UPHELD ? "【" + word + "成立】" : "【" + word + "不成立】";
                body = a.statusLabel() + "。\n理由：" + a.decisionReason() + rerun(a);
            }
        }
        notifications.send(
                Notifications.operator(a.appellantCode()),
                task.dedupeKey("appellant"),
                title + a.appellantName(),
                a.appellantName() + "：\n\n" + body,
                null);
        timeline.record(
                Subjects.appeal(a.id()),
                title.replace("【", "").replace("】", ""),
                null,
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }

    /** Where the contested step is done again. */
    private static String rerun(Appeal a) {
        if (a.rerunSubject() == null) {
            return "";
        }
        return switch (a.kind()) {
            case DEVELOPER_REFUSAL -> "\n原申请已重新交运营机构审核（" + a.rerunSubject() + "）。";
            case PRODUCT_REFUSAL ->
                a.rerunSubject().equals(a.contestedSubject())
                        ? "\n原数据产品申报已重新交运营机构进行出域合规审核（" + a.rerunSubject() + "）。"
                        : "\n该数据产品已作为新的申报重新交运营机构进行出域合规审核（" + a.rerunSubject() + "）。";
            case DATA_USE_REFUSAL, SUPPLY_OBJECTION ->
                a.rerunSubject().equals(a.contestedSubject())
                        ? "\n原数据需求申请已重新进入IRS技术审核和数据提供单位审核（" + a.rerunSubject() + "）。"
                        : "\n被" + a.word() + "的数据需求已作为新的数据需求申请重新审核（" + a.rerunSubject() + "）。";
        };
    }
}
