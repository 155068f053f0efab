package cn.pubdata.approval.quality;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioContacts;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * CAT-06: who learns what while a data-quality issue runs. RAISED and REMIND go to the provider unit, ESCALATE to the
 * authority and its heads (and marks the issue overdue), ANSWERED to the operator. Each notice and each mark happens
 * once, however often the task is delivered.
 */
@Component
class QualityIssueNoticeHandler implements ExternalTaskHandler {

    static final List<String> ESCALATION_GROUPS = List.of("authority-reviewer", "manager");

    private final QualityIssues issues;
    private final ScenarioContacts contacts;
    private final WorkingDayCalendar calendar;
    private final Timeline timeline;
    private final Notifications notifications;
    private final Clock clock;

    QualityIssueNoticeHandler(
            QualityIssues issues,
            ScenarioContacts contacts,
            WorkingDayCalendar calendar,
            Timeline timeline,
            Notifications notifications,
            Clock clock) {
        this.issues = issues;
        this.contacts = contacts;
        this.calendar = calendar;
        this.timeline = timeline;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "data-quality-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        QualityIssue issue = issues.get(task.longValue("issueId"));
        Scenario scenario = issues.scenarioOf(issue);
        ScenarioLine line = issues.lineOf(issue);
        String subject = Subjects.qualityIssue(issue.getId());
        String due = QualityIssues.DAY.format(QualityIssues.dueDay(issue));
        String facts = "运营机构：" + scenario.getCompanyName() + "（" + issue.getCreditCode() + "）\n场景：" + scenario.getName()
                + "\n数据：" + line.describe() + "\n问题：" + issue.getDescription() + "\n提出时间："
                + QualityIssues.MINUTE.format(issue.getRaisedAt().atZone(Clocks.BEIJING));
        String template = task.string("noticeTemplate");
        switch (template) {
            case "RAISED" -> {
                notifications.send(
                        Notifications.group(issue.getProviderGroup()),
                        task.dedupeKey(issue.getProviderGroup()),
                        "【数据质量问题】" + line.resourceName() + "（" + subject + "）",
                        line.providerName() + "：\n\n运营机构反映本单位提供的数据存在质量问题，请于 " + due + "（含）前处理完善并反馈（"
                                + issues.workingDays(issue) + " 个工作日内，CAT-06）。\n\n" + facts,
                        null);
                timeline.record(subject, "已送达数据提供单位：" + line.providerName(), null, "系统", task.dedupeKey("timeline"));
            }
            case "REMIND" -> {
                issues.reminded(issue.getId());
                int left = calendar.workingDaysUntil(today(), QualityIssues.dueDay(issue));
                notifications.send(
                        Notifications.group(issue.getProviderGroup()),
                        task.dedupeKey(issue.getProviderGroup()),
                        "【即将到期】数据质量问题 " + subject + " 须于 " + due + " 前反馈",
                        line.providerName() + "：\n\n数据质量问题 " + subject + " 尚未反馈，处理期限为 " + due + "（含），还剩 " + left
                                + " 个工作日。逾期未反馈的，将上报数据主管部门（CAT-06）。\n\n" + facts,
                        null);
                timeline.record(subject, "已提醒数据提供单位：" + due + " 到期", null, "系统", task.dedupeKey("timeline"));
            }
            case "ESCALATE" -> {
                issues.escalated(issue.getId());
                for (String group : ESCALATION_GROUPS) {
                    notifications.send(
                            Notifications.group(group),
                            task.dedupeKey(group),
                            "【逾期上报】数据质量问题 " + subject + " 未在 " + issues.workingDays(issue) + " 个工作日内反馈",
                            line.providerName() + " 未在 " + due + " 前对数据质量问题 " + subject + " 作出反馈（CAT-06："
                                    + issues.workingDays(issue) + " 个工作日内处理完善并反馈），请督促办理。\n\n" + facts,
                            null);
                }
                timeline.record(subject, "逾期未反馈，已上报数据主管部门", "处理期限 " + due + " 已过", "系统", task.dedupeKey("timeline"));
            }
            case "ANSWERED" -> {
                QualityIssue answered = issues.get(issue.getId());
                if (answered.getAnsweredAt() == null) {
                    throw new IllegalStateException("数据质量问题 " + subject + " 尚未记录答复");
                }
                int late = issues.workingDaysLate(answered);
                notifications.send(
                        Notifications.operator(issue.getCreditCode()),
                        task.dedupeKey("operator"),
                        "【已答复】数据质量问题 " + subject + "："
                                + answered.getResolution().label(),
                        scenario.getCompanyName() + "：\n\n您对「" + line.resourceName() + "」提出的数据质量问题，"
                                + line.providerName()
                                + " 已于 "
                                + QualityIssues.MINUTE.format(
                                        answered.getAnsweredAt().atZone(Clocks.BEIJING))
                                + " 答复" + (late > 0 ? "（超过处理期限 " + late + " 个工作日）" : "") + "。\n处理结果："
                                + answered.getResolution().label() + "\n答复：" + answered.getAnswer() + "\n\n您反映的问题："
                                + issue.getDescription(),
                        contacts.emailOf(scenario));
            }
            default -> throw new IllegalStateException("未知的通知模板 " + template);
        }
        return Map.of();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }
}
