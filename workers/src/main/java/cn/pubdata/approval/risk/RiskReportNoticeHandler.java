package cn.pubdata.approval.risk;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SCN-10: tells the authority at once that an operator reported a risk, with everything it reported, so that it can
 * assess it with the relevant departments.
 */
@Component
class RiskReportNoticeHandler implements ExternalTaskHandler {

    static final String AUTHORITY = "authority-reviewer";

    private final RiskReports reports;
    private final Timeline timeline;
    private final Notifications notifications;

    RiskReportNoticeHandler(RiskReports reports, Timeline timeline, Notifications notifications) {
        this.reports = reports;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "risk-report-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        RiskReport report = reports.get(task.longValue("reportId"));
        notifications.send(
                Notifications.group(AUTHORITY),
                task.dedupeKey(AUTHORITY),
                "【风险报告】" + report.getCompanyName() + "：" + report.summary(),
                report.getCompanyName() + "（" + report.getCreditCode() + "）于 "
                        + RiskReports.MINUTE.format(report.getReportedAt().atZone(Clocks.BEIJING))
                        + " 报告了在处理数据需求中发现的风险（SCN-10）。\n\n涉及场景：" + reports.scenarioName(report) + "\n发现日期："
                        + report.getFoundOn() + "\n风险情况：" + report.getDescription() + "\n已采取的初步措施："
                        + report.getMeasures()
                        + "\n\n请会同有关部门对该风险进行评估，并在待办任务「风险评估」中记录评估结论。",
                null);
        timeline.record(Subjects.riskReport(report.getId()), "已报送数据主管部门", null, "系统", task.dedupeKey("timeline"));
        return Map.of();
    }
}
