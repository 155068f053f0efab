package cn.pubdata.approval.risk;

import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** Where a risk report stands: the authority's assessment and by when it is due, what the operator does, the timeline. */
@Service
public class RiskReportProgress {

    public record Progress(
            long reportId,
            String operatorCreditCode,
            String companyName,
            String scenarioName,
            String description,
            LocalDate foundOn,
            String measures,
            Instant reportedAt,
            RiskReportStatus status,
            String statusLabel,
            String assessment,
            String departments,
            String assessmentOutcome,
            Instant assessedAt,
            LocalDate fullReportDue,
            Instant fullReportFiledAt,
            boolean referred,
            Long exitId,
            Long rectificationId,
            String operatorAction,
            List<DueItem> due,
            List<TimelineEntry> timeline) {}

    private final RiskReports reports;
    private final OpenSteps dueItems;
    private final Timeline timeline;

    public RiskReportProgress(RiskReports reports, OpenSteps dueItems, Timeline timeline) {
        this.reports = reports;
        this.dueItems = dueItems;
        this.timeline = timeline;
    }

    public Progress of(long reportId) {
        RiskReport report = reports.get(reportId);
        boolean open = report.getStatus() == RiskReportStatus.REPORTED;
        List<DueItem> due = open ? dueItems.openTasks(report.getProcessInstanceId()) : List.of();
        return new Progress(
                reportId,
                report.getCreditCode(),
                report.getCompanyName(),
                reports.scenarioName(report),
                report.getDescription(),
                report.getFoundOn(),
                report.getMeasures(),
                report.getReportedAt(),
                report.getStatus(),
                report.getStatus().label(),
                report.getAssessment(),
                report.getDepartments(),
                report.getAssessmentOutcome() == null
                        ? null
                        : report.getAssessmentOutcome().label(),
                report.getAssessedAt(),
                report.getFullReportDue(),
                report.getFullReportFiledAt(),
                report.isReferred(),
                report.getExitId(),
                report.getRectificationId(),
                open && report.getFullReportFiledAt() == null && report.getAssessedAt() == null
                        ? "已报告数据主管部门和安全监管部门。请于 " + report.getFullReportDue() + " 前提交完整报告（事件经过、原因、涉及的数据和人员、已采取和拟采取的措施）。"
                        : open
                                ? "已报告数据主管部门，正在评估"
                                        + (due.isEmpty() ? "" : "（" + due.get(0).dueDay() + " 前）")
                                        + "。请继续落实已采取的处置措施；如发现新的情况，请及时再次报告。"
                                : null,
                due,
                timeline.of(Subjects.riskReport(reportId)));
    }
}
