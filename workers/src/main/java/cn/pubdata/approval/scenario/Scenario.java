package cn.pubdata.approval.scenario;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One scenario and its review (一场景一审核, SCN-02). Its demand lines are kept apart ({@link ScenarioLines}) so that the
 * parallel provider reviews each write their own lines without contending for the scenario.
 */
@Table(schema = "approval", name = "scenario")
public class Scenario {

    public enum SubmitterRole {
        OPERATOR,
        PARTNER,
        PROVIDER
    }

    @Id
    private Long id;

    @Version
    private Integer version;

    private String jurisdiction;
    private String creditCode;
    private String companyName;
    private Long agreementId;
    private Long admissionApplicationId;
    private String submittedBy;
    private SubmitterRole submitterRole;
    private String proposerGroup;
    private String name;
    private String domain;
    private Purpose purpose;
    private String constructionPlan;
    private String riskAssessment;
    private String securityMeasures;
    private ScenarioStatus status;
    private String outcomeReason;
    private String processInstanceId;
    private Instant submittedAt;
    private Instant closedAt;
    private Instant publishedAt;

    Scenario() {}

    Scenario(
            String jurisdiction,
            String creditCode,
            String companyName,
            Long agreementId,
            Long admissionApplicationId,
            String submittedBy,
            SubmitterRole submitterRole,
            String proposerGroup,
            ScenarioForm form,
            Instant now) {
        this.jurisdiction = jurisdiction;
        this.creditCode = creditCode;
        this.companyName = companyName;
        this.agreementId = agreementId;
        this.admissionApplicationId = admissionApplicationId;
        this.submittedBy = submittedBy;
        this.submitterRole = submitterRole;
        this.proposerGroup = proposerGroup;
        this.status = ScenarioStatus.IN_REVIEW;
        this.submittedAt = now;
        replaceContent(form);
    }

    void replaceContent(ScenarioForm form) {
        this.name = form.name().trim();
        this.domain = form.domain().trim();
        this.purpose = form.purpose();
        this.constructionPlan = form.constructionPlan().trim();
        this.riskAssessment = form.riskAssessment().trim();
        this.securityMeasures = form.securityMeasures().trim();
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** @return false when an outcome was recorded already (a repeated delivery) */
    boolean close(ScenarioStatus outcome, String reason, Instant now) {
        if (status != ScenarioStatus.IN_REVIEW) {
            return false;
        }
        this.status = outcome;
        this.outcomeReason = reason;
        this.closedAt = now;
        return true;
    }

    /** Ends a scenario in review or approved, with the reason (its admission failed, or its operator exits). */
    boolean end(String reason, Instant now) {
        if (status != ScenarioStatus.IN_REVIEW && status != ScenarioStatus.APPROVED) {
            return false;
        }
        this.status = ScenarioStatus.ENDED;
        this.outcomeReason = reason;
        this.closedAt = now;
        return true;
    }

    /** @return false when it had been published already */
    boolean publish(Instant now) {
        if (publishedAt != null) {
            return false;
        }
        this.publishedAt = now;
        return true;
    }

    /** An admission's scenario takes effect with the agreement the admission leads to. */
    void boundTo(long agreementId) {
        this.agreementId = agreementId;
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

    public Long getAgreementId() {
        return agreementId;
    }

    public Long getAdmissionApplicationId() {
        return admissionApplicationId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public SubmitterRole getSubmitterRole() {
        return submitterRole;
    }

    public String getProposerGroup() {
        return proposerGroup;
    }

    public String getName() {
        return name;
    }

    public String getDomain() {
        return domain;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getConstructionPlan() {
        return constructionPlan;
    }

    public String getRiskAssessment() {
        return riskAssessment;
    }

    public String getSecurityMeasures() {
        return securityMeasures;
    }

    public ScenarioStatus getStatus() {
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

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
