package cn.pubdata.approval.quality;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A data-quality issue raised against one line of an approved scenario, with the period its provider has to fix and
 * answer it, when it was reminded and escalated, and the answer.
 */
@Table(schema = "approval", name = "data_quality_issue")
public class QualityIssue {

    @Id
    private Long id;

    private Long scenarioId;
    private Integer lineNo;
    private String resourceCode;
    private String providerGroup;
    private String jurisdiction;
    private String creditCode;
    private String description;
    private String raisedBy;
    private Instant raisedAt;
    private Instant remindAt;
    private Instant dueAt;
    private QualityIssueStatus status;
    private Instant remindedAt;
    private Instant escalatedAt;
    private QualityResolution resolution;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    private String processInstanceId;

    QualityIssue() {}

    QualityIssue(
            long scenarioId,
            int lineNo,
            String resourceCode,
            String providerGroup,
            String jurisdiction,
            String creditCode,
            String description,
            String raisedBy,
            Instant raisedAt,
            Instant remindAt,
            Instant dueAt) {
        this.scenarioId = scenarioId;
        this.lineNo = lineNo;
        this.resourceCode = resourceCode;
        this.providerGroup = providerGroup;
        this.jurisdiction = jurisdiction;
        this.creditCode = creditCode;
        this.description = description;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.remindAt = remindAt;
        this.dueAt = dueAt;
        this.status = QualityIssueStatus.OPEN;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** @return false when it had been reminded already (a repeated delivery) */
    boolean reminded(Instant now) {
        if (remindedAt != null) {
            return false;
        }
        this.remindedAt = now;
        return true;
    }

    /** @return false when it had been escalated already (a repeated delivery) */
    boolean escalated(Instant now) {
        if (escalatedAt != null) {
            return false;
        }
        this.escalatedAt = now;
        if (status == QualityIssueStatus.OPEN) {
            this.status = QualityIssueStatus.ESCALATED;
        }
        return true;
    }

    /** @return false when it had been answered already */
    boolean answered(QualityResolution resolution, String answer, String by, Instant now) {
        if (answeredAt != null) {
            return false;
        }
        this.resolution = resolution;
        this.answer = answer;
        this.answeredBy = by;
        this.answeredAt = now;
        this.status = QualityIssueStatus.ANSWERED;
        return true;
    }

    /** Answered after its due time. */
    public boolean answeredLate() {
        return answeredAt != null && answeredAt.isAfter(dueAt);
    }

    public Long getId() {
        return id;
    }

    public Long getScenarioId() {
        return scenarioId;
    }

    public Integer getLineNo() {
        return lineNo;
    }

    public String getResourceCode() {
        return resourceCode;
    }

    public String getProviderGroup() {
        return providerGroup;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getDescription() {
        return description;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getRemindAt() {
        return remindAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    /** The status as the portal shows it. */
    public String getStatusLabel() {
        return status.label();
    }

    public QualityIssueStatus getStatus() {
        return status;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public QualityResolution getResolution() {
        return resolution;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
