package cn.pubdata.approval.risk;

import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Closes a risk report after the authority's assessment and tells the operator the assessment and what it started: an
 * exit, a rectification, a referral to 网信 and 公安 (SCN-10, SEC-13).
 */
@Component
class CloseRiskReportHandler implements ExternalTaskHandler {

    private final RiskReports reports;
    private final Agreements agreements;
    private final Timeline timeline;
    private final Notifications notifications;

    CloseRiskReportHandler(RiskReports reports, Agreements agreements, Timeline timeline, Notifications notifications) {
        this.reports = reports;
        this.agreements = agreements;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "risk-report-close";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("reportId");
        RiskReport report = reports.get(id);
        if (report.getAssessedAt() == null) {
            throw new IllegalStateException("风险报告 " + id + " 尚未记录评估结论，不能关闭");
        }
        reports.close(id);
        timeline.record(
                Subjects.riskReport(id), "风险评估完成，报告已关闭", report.getAssessment(), "数据主管部门", task.dedupeKey("timeline"));
        notifications.send(
                Notifications.operator(report.getCreditCode()),
                task.dedupeKey("operator"),
                "【风险报告已评估】" + report.summary(),
                report.getCompanyName() + "：\n\n您于 " + report.getFoundOn() + " 发现并报告的风险（" + report.summary()
                        + "）已由数据主管部门会同" + report.getDepartments() + "评估完毕，报告已关闭。\n评估结论："
                        + report.getAssessment() + consequence(report),
                agreements
                        .latest(report.getCreditCode(), report.getJurisdiction())
                        .map(a -> agreements.contactEmailOfApplication(a.applicationId()))
                        .orElse(null));
        return Map.of();
    }

    private static String consequence(RiskReport report) {
        StringBuilder s = new StringBuilder();
        if (report.getAssessmentOutcome() == AssessmentOutcome.EXIT) {
            s.append("\n处理：").append(AssessmentOutcome.EXIT.label()).append("，请留意退出程序的通知。");
        }
        if (report.getAssessmentOutcome() == AssessmentOutcome.RECTIFY) {
            s.append("\n处理：").append(AssessmentOutcome.RECTIFY.label()).append("，请按整改通知提交整改方案。");
        }
        if (report.isReferred()) {
            s.append("\n该事件已移送网信、公安部门依法处理，并记入贵单位档案。");
        }
        return s.toString();
    }
}
