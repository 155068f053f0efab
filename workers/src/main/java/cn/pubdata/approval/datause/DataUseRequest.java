package cn.pubdata.approval.datause;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One data-use request (数据需求申请) under an approved scenario and its review. Its lines are kept apart
 * ({@link DataUseLines}) so that the parallel provider reviews each write their own lines.
 */
@Table(schema = "approval", name = "data_use_request")
public class DataUseRequest {

    public enum RequesterRole {
        OPERATOR,
        PARTNER
    }

    @Id
    private Long id;

    @Version
    private Integer version;

    private Long scenarioId;
    private String jurisdiction;
    private String creditCode;
    private String requestedBy;
    private RequesterRole requesterRole;
    private String purpose;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private DataUseStatus status;
    private String outcomeReason;
    private String processInstanceId;
    private Instant submittedAt;
    private Instant closedAt;
    private Long appealOf;

    DataUseRequest() {}

    DataUseRequest(
            long scenarioId,
            String jurisdiction,
            String creditCode,
            String requestedBy,
            RequesterRole requesterRole,
            DataUseForm form,
            Instant now) {
        this.scenarioId = scenarioId;
        this.jurisdiction = jurisdiction;
        this.creditCode = creditCode;
        this.requestedBy = requestedBy;
        this.requesterRole = requesterRole;
        this.purpose = form.purpose().trim();
        this.periodFrom = form.periodFrom();
        this.periodTo = form.periodTo();
        this.status = DataUseStatus.IN_REVIEW;
        this.submittedAt = now;
    }

    /** APL-02: the same request again, for the contested lines, after an upheld appeal on the refused one. */
    static DataUseRequest reviewedAgain(DataUseRequest refused, DataUseForm form, Instant now) {
        DataUseRequest again = new DataUseRequest(
                refused.scenarioId,
                refused.jurisdiction,
                refused.creditCode,
                refused.requestedBy,
                refused.requesterRole,
                form,
                now);
        again.appealOf = refused.id;
        return again;
    }

    /** APL-02: an upheld appeal puts a refused request whose instance still waits back in review. */
    boolean reopen() {
        if (status != DataUseStatus.REFUSED) {
            return false;
        }
        this.status = DataUseStatus.IN_REVIEW;
        this.outcomeReason = null;
        this.closedAt = null;
        return true;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** @return false when an outcome was recorded already (a repeated delivery) */
    boolean close(DataUseStatus outcome, String reason, Instant now) {
        if (status != DataUseStatus.IN_REVIEW) {
            return false;
        }
        this.status = outcome;
        this.outcomeReason = reason;
        this.closedAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public Long getScenarioId() {
        return scenarioId;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public RequesterRole getRequesterRole() {
        return requesterRole;
    }

    public String getPurpose() {
        return purpose;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public DataUseStatus getStatus() {
        return status;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    /** The refused request an upheld appeal or objection re-opened as this one, if any. */
    public Long getAppealOf() {
        return appealOf;
    }
}
