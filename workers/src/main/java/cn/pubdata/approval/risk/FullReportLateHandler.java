package cn.pubdata.approval.risk;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The full report did not come by its due day; the authority is told and assesses with what it has. */
@Component
class FullReportLateHandler implements ExternalTaskHandler {

    private final RiskReports reports;
    private final Timeline timeline;
    private final Notifications notifications;

    FullReportLateHandler(RiskReports reports, Timeline timeline, Notifications notifications) {
        this.reports = reports;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "risk-report-late";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        RiskReport report = reports.get(task.longValue("reportId"));
        String text = report.getCompanyName() + "未在 " + report.getFullReportDue() + " 前提交风险报告「" + report.summary()
                + "」的完整报告。";
        notifications.send(
                Notifications.group(RiskReportNoticeHandler.AUTHORITY),
                task.dedupeKey("authority"),
                "【完整报告逾期】" + report.getCompanyName() + "：" + report.summary(),
                text + "\n请根据已报告的情况进行评估。",
                null);
        notifications.send(
                Notifications.operator(report.getCreditCode()),
                task.dedupeKey("operator"),
                "【完整报告逾期】" + report.summary(),
                text + "\n数据主管部门将根据已报告的情况进行评估。",
                null);
        timeline.record(
                Subjects.riskReport(report.getId()),
                "完整报告逾期",
                "应于 " + report.getFullReportDue() + " 前提交",
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
