package cn.pubdata.approval.risk;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SCN-10: tells the authority and the profile's security members (ROLE-07) at once that an operator reported a
 * risk or an incident, with everything it reported and the day its full report is due.
 */
@Component
class RiskReportNoticeHandler implements ExternalTaskHandler {

    static final String AUTHORITY = "authority-reviewer";

    private final RiskReports reports;
    private final PolicyProfiles profiles;
    private final Timeline timeline;
    private final Notifications notifications;

    RiskReportNoticeHandler(
            RiskReports reports, PolicyProfiles profiles, Timeline timeline, Notifications notifications) {
        this.reports = reports;
        this.profiles = profiles;
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
        String facts = report.getCompanyName() + "（" + report.getCreditCode() + "）于 "
                + RiskReports.MINUTE.format(report.getReportedAt().atZone(Clocks.BEIJING))
                + " 报告了在处理数据中发现的风险或发生的安全事件（SCN-10）。\n\n涉及场景：" + reports.scenarioName(report)
                + "\n发现日期：" + report.getFoundOn() + "\n风险情况：" + report.getDescription() + "\n已采取的初步措施："
                + report.getMeasures()
                + (report.getFullReportDue() == null ? "" : "\n完整报告应于 " + report.getFullReportDue() + " 前提交。");
        notifications.send(
                Notifications.group(AUTHORITY),
                task.dedupeKey(AUTHORITY),
                "【风险报告】" + report.getCompanyName() + "：" + report.summary(),
                facts + "\n\n请会同有关部门对该风险进行评估，并在待办任务「风险评估」中记录评估结论。",
                null);
        // ROLE-07: the profile's security members learn of it at the same time
        for (String member : profiles.of(report.getJurisdiction()).coordinationGroups()) {
            notifications.send(
                    Notifications.group(member),
                    task.dedupeKey(member),
                    "【安全事件通报】" + report.getCompanyName() + "：" + report.summary(),
                    facts + "\n\n数据主管部门将会同贵单位评估。",
                    null);
        }
        timeline.record(Subjects.riskReport(report.getId()), "已报送数据主管部门", null, "系统", task.dedupeKey("timeline"));
        return Map.of();
    }
}
