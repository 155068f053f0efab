package cn.pubdata.approval.risk;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A risk the operator reported (SCN-10) and the authority's assessment of it. */
@Table(schema = "approval", name = "risk_report")
public class RiskReport {

    @Id
    private Long id;

    private String jurisdiction;
    private String creditCode;
    private String companyName;
    private Long scenarioId;
    private String description;
    private String measures;
    private LocalDate foundOn;
    private String reportedBy;
    private Instant reportedAt;
    private RiskReportStatus status;
    private String assessment;
    private String departments;
    private AssessmentOutcome assessmentOutcome;
    private String assessedBy;
    private Instant assessedAt;
    private Instant closedAt;
    private String processInstanceId;
    private java.time.LocalDate fullReportDue;
    private String fullReport;
    private Instant fullReportFiledAt;
    private boolean referred;
    private Long exitId;
    private Long rectificationId;

    RiskReport() {}

    RiskReport(
            String jurisdiction,
            String creditCode,
            String companyName,
            Long scenarioId,
            String reportedBy,
            RiskReportForm form,
            Instant now) {
        this.jurisdiction = jurisdiction;
        this.creditCode = creditCode;
        this.companyName = companyName;
        this.scenarioId = scenarioId;
        this.description = form.description().trim();
        this.measures = form.measures().trim();
        this.foundOn = form.foundOn();
        this.reportedBy = reportedBy;
        this.reportedAt = now;
        this.status = RiskReportStatus.REPORTED;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void fullReportDue(java.time.LocalDate day) {
        this.fullReportDue = day;
    }

    /** @return false when the full report had been filed already */
    boolean fileFullReport(String text, Instant now) {
        if (fullReportFiledAt != null) {
            return false;
        }
        this.fullReport = text;
        this.fullReportFiledAt = now;
        return true;
    }

    void referred() {
        this.referred = true;
    }

    void ledTo(Long exitId, Long rectificationId) {
        if (exitId != null) {
            this.exitId = exitId;
        }
        if (rectificationId != null) {
            this.rectificationId = rectificationId;
        }
    }

    /** @return false when it had been assessed already */
    boolean assess(String assessment, String departments, AssessmentOutcome outcome, String by, Instant now) {
        if (assessedAt != null) {
            return false;
        }
        this.assessment = assessment;
        this.departments = departments;
        this.assessmentOutcome = outcome;
        this.assessedBy = by;
        this.assessedAt = now;
        return true;
    }

    /** @return false when it had been closed already (a repeated delivery) */
    boolean close(Instant now) {
        if (status == RiskReportStatus.CLOSED) {
            return false;
        }
        this.status = RiskReportStatus.CLOSED;
        this.closedAt = now;
        return true;
    }

    /** A short title for notices and lists: the description's first words. */
    public String summary() {
        String firstLine = description.lines().findFirst().orElse(description).trim();
        return firstLine.length() <= 30 ? firstLine : firstLine.substring(0, 30) + "…";
    }

    public Long getId() {
        return id;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getCompanyName() {
        return companyName;
    }

    public Long getScenarioId() {
        return scenarioId;
    }

    public String getDescription() {
        return description;
    }

    public String getMeasures() {
        return measures;
    }

    public LocalDate getFoundOn() {
        return foundOn;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public RiskReportStatus getStatus() {
        return status;
    }

    public String getAssessment() {
        return assessment;
    }

    public String getDepartments() {
        return departments;
    }

    public AssessmentOutcome getAssessmentOutcome() {
        return assessmentOutcome;
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public java.time.LocalDate getFullReportDue() {
        return fullReportDue;
    }

    public String getFullReport() {
        return fullReport;
    }

    public Instant getFullReportFiledAt() {
        return fullReportFiledAt;
    }

    public boolean isReferred() {
        return referred;
    }

    public Long getExitId() {
        return exitId;
    }

    public Long getRectificationId() {
        return rectificationId;
    }
}
