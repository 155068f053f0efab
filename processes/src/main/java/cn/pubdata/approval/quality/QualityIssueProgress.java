package cn.pubdata.approval.quality;

import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Where a data-quality issue stands: by when its provider must answer (in working days), whether it was reminded and
 * escalated, the answer once given (the operator sees it here), and the timeline.
 */
@Service
public class QualityIssueProgress {

    public record Progress(
            long issueId,
            String operatorCreditCode,
            String companyName,
            long scenarioId,
            String scenarioName,
            String dataLine,
            String providerName,
            String description,
            Instant raisedAt,
            QualityIssueStatus status,
            String statusLabel,
            int workingDays,
            DueItem due,
            Instant remindedAt,
            Instant escalatedAt,
            String resolution,
            String answer,
            Instant answeredAt,
            int workingDaysLate,
            String operatorAction,
            List<TimelineEntry> timeline) {}

    private final QualityIssues issues;
    private final OpenSteps dueItems;
    private final Timeline timeline;

    public QualityIssueProgress(QualityIssues issues, OpenSteps dueItems, Timeline timeline) {
        this.issues = issues;
        this.dueItems = dueItems;
        this.timeline = timeline;
    }

    public Progress of(long issueId) {
        QualityIssue issue = issues.get(issueId);
        Scenario scenario = issues.scenarioOf(issue);
        ScenarioLine line = issues.lineOf(issue);
        boolean answered = issue.getStatus() == QualityIssueStatus.ANSWERED;
        DueItem due = dueItems.item(null, "处理数据质量问题并反馈", line.providerName(), issue.getDueAt());
        String action = answered
                ? "数据提供单位已答复（" + issue.getResolution().label() + "）：" + issue.getAnswer()
                : issue.getStatus() == QualityIssueStatus.ESCALATED
                        ? "数据提供单位未在 " + due.dueDay() + " 前反馈，已上报数据主管部门督办；您暂无需操作。"
                        : "待" + line.providerName() + "于 " + due.dueDay() + "（还有 " + due.workingDaysLeft()
                                + " 个工作日）前处理并反馈；您暂无需操作。";
        return new Progress(
                issueId,
                issue.getCreditCode(),
                scenario.getCompanyName(),
                scenario.getId(),
                scenario.getName(),
                line.describe(),
                line.providerName(),
                issue.getDescription(),
                issue.getRaisedAt(),
                issue.getStatus(),
                issue.getStatus().label(),
                issues.workingDays(issue),
                due,
                issue.getRemindedAt(),
                issue.getEscalatedAt(),
                answered ? issue.getResolution().label() : null,
                issue.getAnswer(),
                issue.getAnsweredAt(),
                issues.workingDaysLate(issue),
                action,
                timeline.of(Subjects.qualityIssue(issueId)));
    }
}
