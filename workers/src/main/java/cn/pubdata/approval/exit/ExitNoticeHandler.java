package cn.pubdata.approval.exit;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The exit's notices: its start (to the operator and the authority), a late or missing exit plan (EXIT-03: the
 * authority is told), the operator's deletion due and overdue (EXIT-09). Each is sent once per step.
 */
@Component
class ExitNoticeHandler implements ExternalTaskHandler {

    private final ExitCases exits;
    private final Agreements agreements;
    private final AgreementContacts contacts;
    private final Timeline timeline;
    private final Notifications notifications;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    ExitNoticeHandler(
            ExitCases exits,
            Agreements agreements,
            AgreementContacts contacts,
            Timeline timeline,
            Notifications notifications,
            WorkingDayCalendar calendar,
            Clock clock) {
        this.exits = exits;
        this.agreements = agreements;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notifications = notifications;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "exit-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        ExitCase exit = exits.get(task.longValue("exitId"));
        String email = contacts.emailOf(agreements.find(exit.agreementId()).orElseThrow());
        String company = exit.companyName() + "（" + exit.creditCode() + "）";
        String template = task.string("noticeTemplate");
        switch (template) {
            case "STARTED" -> {
                String body = exit.companyName() + "：\n\n授权运营退出程序已开始。\n退出情形："
                        + exit.trigger().label() + "\n理由："
                        + exit.reason()
                        + (exit.trigger().needsDecision()
                                ? "\n终止与否由" + task.stringOr("deciderName", "数据主管部门") + "决定，决定前授权运营协议处于“退出中”，不能提交新的申请。"
                                : "")
                        + "\n退出日期：" + exit.exitDate()
                        + (exit.planDue() == null ? "" : "\n请于 " + exit.planDue() + " 前提交退出方案（EXIT-03）。");
                notifications.send(
                        Notifications.operator(exit.creditCode()),
                        task.dedupeKey("operator"),
                        "【退出程序开始】" + exit.trigger().label(),
                        body,
                        email);
                notifications.send(
                        Notifications.group("authority-reviewer"),
                        task.dedupeKey("authority"),
                        "【退出程序开始】" + company,
                        company + " 的授权运营退出程序已开始：" + exit.trigger().label() + "。\n理由：" + exit.reason(),
                        null);
                timeline.record(Subjects.exit(exit.id()), "已通知运营机构和数据主管部门", null, "系统", task.dedupeKey("timeline"));
            }
            case "PLAN_LATE" -> {
                exits.planLate(exit.id());
                notifications.send(
                        Notifications.group("authority-reviewer"),
                        task.dedupeKey("authority"),
                        "【退出方案逾期】" + company,
                        company + " 未在 " + exit.planDue() + " 前提交退出方案（须提前 3 个月提交，EXIT-03）。退出日期：" + exit.exitDate()
                                + "。请督促其提交。",
                        null);
                notifications.send(
                        Notifications.operator(exit.creditCode()),
                        task.dedupeKey("operator"),
                        "【退出方案逾期】请尽快提交退出方案",
                        exit.companyName() + "：\n\n退出方案应于 " + exit.planDue() + " 前提交，现已逾期，已告知数据主管部门。请尽快在门户提交。",
                        email);
                timeline.record(
                        Subjects.exit(exit.id()),
                        "退出方案逾期未交，已告知数据主管部门",
                        "应于 " + exit.planDue() + " 前提交",
                        "系统",
                        task.dedupeKey("timeline"));
            }
            case "PLAN_MISSING" ->
                timeline.record(
                        Subjects.exit(exit.id()), "退出日已到，未收到退出方案", "按期关闭权限并继续退出", "系统", task.dedupeKey("timeline"));
            case "DELETION_DUE" -> {
                // counted from the closing of the permissions, so that a repeated delivery answers the same
                Instant from = exit.permissionsClosedAt() == null ? clock.instant() : exit.permissionsClosedAt();
                Instant due = calendar.deadline(from, task.intValue("deletionWorkingDays"));
                String dueDay = due.atZone(Clocks.BEIJING).toLocalDate().toString();
                notifications.send(
                        Notifications.operator(exit.creditCode()),
                        task.dedupeKey("operator"),
                        "【退出】请删除平台内留存的数据",
                        exit.companyName() + "：\n\n平台使用权限已关闭。请在 " + dueDay + " 前删除本单位在授权运营平台内留存的相关数据，"
                                + "并在门户提交删除记录，由数据主管部门确认销毁（EXIT-09、EXIT-10）。",
                        email);
                timeline.record(
                        Subjects.exit(exit.id()), "通知运营机构删除平台内留存的数据", dueDay + " 前", "系统", task.dedupeKey("timeline"));
                return Map.of("deletionDueAt", Date.from(due), "deletionDueDay", dueDay);
            }
            case "DELETION_OVERDUE" -> {
                notifications.send(
                        Notifications.group("authority-reviewer"),
                        task.dedupeKey("authority"),
                        "【数据删除逾期】" + company,
                        company + " 未按期提交平台内留存数据的删除记录，请督促。",
                        null);
                timeline.record(Subjects.exit(exit.id()), "数据删除逾期，已告知数据主管部门", null, "系统", task.dedupeKey("timeline"));
            }
            default -> throw new IllegalStateException("unknown exit notice " + template);
        }
        return Map.of();
    }
}
