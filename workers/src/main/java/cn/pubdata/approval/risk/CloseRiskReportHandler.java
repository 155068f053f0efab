package cn.pubdata.approval.risk;

import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Closes a risk report after the authority's assessment and tells the operator the assessment (SCN-10). */
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
        AssessmentOutcome outcome = AssessmentOutcome.valueOf(task.string("assessmentOutcome"));
        if (outcome != AssessmentOutcome.CLOSE) {
            throw new IllegalStateException("风险报告 " + id + " 的评估结论「" + outcome.label() + "」不由关闭步骤处理");
        }
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
                        + report.getAssessment(),
                agreements
                        .latest(report.getCreditCode(), report.getJurisdiction())
                        .map(a -> agreements.contactEmailOfApplication(a.applicationId()))
                        .orElse(null));
        return Map.of();
    }
}
