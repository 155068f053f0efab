package cn.pubdata.approval.product;

import cn.pubdata.approval.pricing.ProductCategory;
import cn.pubdata.approval.scenario.Purpose;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One data product or service of an approved scenario and its review (数据产品和服务审核). Its resources and cost items
 * are kept apart ({@link ProductDetails}).
 */
@Table(schema = "approval", name = "product")
public class Product {

    public enum SubmitterRole {
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
    private String companyName;
    private String submittedBy;
    private SubmitterRole submitterRole;
    private String name;
    private ProductCategory kind;
    private String description;
    private String developmentPlan;
    private boolean aiBased;
    private String aiAssessment;
    private Purpose purpose;
    private String deliverable;
    private BigDecimal feeYuan;
    private String feeUnit;
    private Long expectedYearlyVolume;
    private String complianceReview;
    private String complianceReviewer;
    private String filingNo;
    private Instant filedAt;
    private String registrationNo;
    private String registrationPlatform;
    private Instant registeredAt;
    private ProductStatus status;
    private String outcomeReason;
    private String processInstanceId;
    private Instant submittedAt;
    private Instant listedAt;
    private Instant closedAt;
    private Instant delistedAt;
    private String delistingReason;
    private String developerCreditCode;
    private String developerName;
    private Boolean operatorReviewPassed;
    private String operatorReviewReason;
    private String operatorReviewedBy;
    private Instant operatorReviewedAt;
    private Long appealOf;

    Product() {}

    Product(
            long scenarioId,
            String jurisdiction,
            String creditCode,
            String companyName,
            String submittedBy,
            SubmitterRole submitterRole,
            ProductForm form,
            Instant now) {
        this.scenarioId = scenarioId;
        this.jurisdiction = jurisdiction;
        this.creditCode = creditCode;
        this.companyName = companyName;
        this.submittedBy = submittedBy;
        this.submitterRole = submitterRole;
        this.status = ProductStatus.IN_REVIEW;
        this.submittedAt = now;
        replaceContent(form);
    }

    void replaceContent(ProductForm form) {
        this.name = form.name().trim();
        this.kind = form.kind();
        this.description = form.description().trim();
        this.developmentPlan = form.developmentPlan().trim();
        this.aiBased = form.aiBased();
        this.aiAssessment = form.aiBased() ? form.aiAssessment().trim() : null;
        this.purpose = form.purpose();
        this.deliverable = form.deliverable().trim();
        this.feeYuan = form.feeYuan();
        this.feeUnit = form.feeUnit().trim();
        this.expectedYearlyVolume = form.expectedYearlyVolume();
        this.complianceReview = form.complianceReview().trim();
        this.complianceReviewer = form.complianceReviewer().trim();
    }

    /** 003: submitted by an admitted developer of the operator; the operator reviews it before it is filed. */
    void submittedByDeveloper(String creditCode, String name) {
        this.developerCreditCode = creditCode;
        this.developerName = name;
    }

    /** PRD-02 (003): the operator's out-of-domain compliance review of its developer's product; passed, it is filed. */
    void operatorReviewed(boolean passed, String reason, String by, Instant now) {
        this.operatorReviewPassed = passed;
        this.operatorReviewReason = reason;
        this.operatorReviewedBy = by;
        this.operatorReviewedAt = now;
        if (passed) {
            this.complianceReview = reason;
            this.complianceReviewer = by;
        }
    }

    /** APL-02: an upheld appeal reopens a product the operator's review refused: reviewed again. */
    boolean reopen() {
        if (status != ProductStatus.REJECTED || !Boolean.FALSE.equals(operatorReviewPassed)) {
            return false;
        }
        this.status = ProductStatus.IN_REVIEW;
        this.outcomeReason = null;
        this.closedAt = null;
        this.operatorReviewPassed = null;
        return true;
    }

    /** APL-02: a new review of a refused product, linked to it, after its review has ended. */
    static Product reviewedAgain(Product refused, ProductForm form, Instant now) {
        Product again = new Product(
                refused.scenarioId,
                refused.jurisdiction,
                refused.creditCode,
                refused.companyName,
                refused.submittedBy,
                refused.submitterRole,
                form,
                now);
        again.submittedByDeveloper(refused.developerCreditCode, refused.developerName);
        again.appealOf = refused.id;
        return again;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** @return false when it had been filed already (a repeated delivery keeps the first number) */
    boolean filed(String filingNo, Instant now) {
        if (this.filingNo != null) {
            return false;
        }
        this.filingNo = filingNo;
        this.filedAt = now;
        return true;
    }

    void registered(String registrationNo, String platform, Instant now) {
        this.registrationNo = registrationNo;
        this.registrationPlatform = platform;
        this.registeredAt = now;
    }

    /** @return false unless it was in review (listed already: a repeated delivery) */
    boolean list(Instant now) {
        if (status != ProductStatus.IN_REVIEW) {
            return false;
        }
        this.status = ProductStatus.LISTED;
        this.listedAt = now;
        return true;
    }

    /** @return false when an outcome was recorded already (a repeated delivery) */
    boolean close(ProductStatus outcome, String reason, Instant now) {
        if (status != ProductStatus.IN_REVIEW) {
            return false;
        }
        this.status = outcome;
        this.outcomeReason = reason;
        this.closedAt = now;
        return true;
    }

    /** @return false unless it was listed */
    boolean delist(String reason, Instant now) {
        if (status != ProductStatus.LISTED) {
            return false;
        }
        this.status = ProductStatus.DELISTED;
        this.delistingReason = reason;
        this.delistedAt = now;
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

    public String getCompanyName() {
        return companyName;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public SubmitterRole getSubmitterRole() {
        return submitterRole;
    }

    public String getName() {
        return name;
    }

    public ProductCategory getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public String getDevelopmentPlan() {
        return developmentPlan;
    }

    public boolean isAiBased() {
        return aiBased;
    }

    public String getAiAssessment() {
        return aiAssessment;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getDeliverable() {
        return deliverable;
    }

    public BigDecimal getFeeYuan() {
        return feeYuan;
    }

    public String getFeeUnit() {
        return feeUnit;
    }

    public Long getExpectedYearlyVolume() {
        return expectedYearlyVolume;
    }

    public String getComplianceReview() {
        return complianceReview;
    }

    public String getComplianceReviewer() {
        return complianceReviewer;
    }

    public String getFilingNo() {
        return filingNo;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public String getRegistrationNo() {
        return registrationNo;
    }

    public String getRegistrationPlatform() {
        return registrationPlatform;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public ProductStatus getStatus() {
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

    public Instant getListedAt() {
        return listedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getDelistedAt() {
        return delistedAt;
    }

    public String getDelistingReason() {
        return delistingReason;
    }

    public String getDeveloperCreditCode() {
        return developerCreditCode;
    }

    public String getDeveloperName() {
        return developerName;
    }

    public Boolean getOperatorReviewPassed() {
        return operatorReviewPassed;
    }

    public String getOperatorReviewReason() {
        return operatorReviewReason;
    }

    public String getOperatorReviewedBy() {
        return operatorReviewedBy;
    }

    public Instant getOperatorReviewedAt() {
        return operatorReviewedAt;
    }

    public Long getAppealOf() {
        return appealOf;
    }
}
