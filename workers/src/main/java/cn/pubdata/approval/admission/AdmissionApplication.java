package cn.pubdata.approval.admission;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An operator's admission application with its operation plan, requested resources and documents. */
@Table(schema = "approval", name = "admission_application")
public class AdmissionApplication {

    @Table(schema = "approval", name = "application_plan_section")
    public record PlanSection(int sectionNo, String content) {}

    @Table(schema = "approval", name = "application_resource")
    public record RequestedResource(String resourceCode, Consent consent) {}

    /** CAT-03: a requested resource enters the granted scope only with its provider's consent. */
    public enum Consent {
        PENDING,
        CONSENTED,
        REFUSED
    }

    @Table(schema = "approval", name = "application_document")
    public record AttachedDocument(long documentId, DocumentKind kind) {}

    public enum DocumentKind {
        EMERGENCY_PLAN,
        QUALIFICATION,
        ANNEX
    }

    @Id
    private Long id;

    @Version
    private Integer version;

    private Long announcementId;
    private String jurisdiction;
    private String creditCode;
    private String companyName;
    private String legalRepresentative;
    private String principal;
    private String businessLead;
    private String securityLead;
    private String contactName;
    private String contactPhone;
    private String contactEmail;
    private ApplicationStatus status;
    private String outcomeReason;
    private String processInstanceId;
    private Instant submittedAt;
    private Instant closedAt;

    @MappedCollection(idColumn = "admission_application_id")
    private Set<PlanSection> sections;

    @MappedCollection(idColumn = "admission_application_id")
    private Set<RequestedResource> resources;

    @MappedCollection(idColumn = "admission_application_id")
    private Set<AttachedDocument> documents;

    AdmissionApplication() {}

    AdmissionApplication(Announcement announcement, ApplicationForm form, Instant now) {
        this.announcementId = announcement.getId();
        this.jurisdiction = announcement.getJurisdiction();
        this.creditCode = form.creditCode();
        this.status = ApplicationStatus.IN_REVIEW;
        this.submittedAt = now;
        replaceMaterials(form);
    }

    /** The operator's facts and materials, as first submitted or as supplemented after a 补正. */
    void replaceMaterials(ApplicationForm form) {
        this.companyName = form.companyName().trim();
        this.legalRepresentative = form.legalRepresentative().trim();
        this.principal = form.principal().trim();
        this.businessLead = form.businessLead().trim();
        this.securityLead = form.securityLead().trim();
        this.contactName = form.contactName().trim();
        this.contactPhone = form.contactPhone().trim();
        this.contactEmail = form.contactEmail().trim();
        this.sections = new java.util.HashSet<>(form.planSections().stream()
                .map(s -> new PlanSection(s.sectionNo(), s.content().trim()))
                .toList());
        this.resources = new java.util.HashSet<>(form.resourceCodes().stream()
                .distinct()
                .map(code -> new RequestedResource(code, Consent.PENDING))
                .toList());
        this.documents = new java.util.HashSet<>(form.documents().stream()
                .map(d -> new AttachedDocument(d.documentId(), d.kind()))
                .toList());
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** @return false when the application was already closed (a repeated delivery) */
    boolean close(ApplicationStatus outcome, String reason, Instant now) {
        if (status != ApplicationStatus.IN_REVIEW) {
            return false;
        }
        this.status = outcome;
        this.outcomeReason = reason;
        this.closedAt = now;
        return true;
    }

    public List<PlanSection> sectionsInOrder() {
        return sections.stream()
                .sorted(Comparator.comparingInt(PlanSection::sectionNo))
                .toList();
    }

    public List<String> resourceCodes() {
        return resources.stream().map(RequestedResource::resourceCode).sorted().toList();
    }

    /** The resources their providers consented to: the scope an admission may grant (CAT-03). */
    public List<String> grantedResourceCodes() {
        return resources.stream()
                .filter(r -> r.consent() == Consent.CONSENTED)
                .map(RequestedResource::resourceCode)
                .sorted()
                .toList();
    }

    /** A provider unit's decision on its own resources among those requested. */
    void recordConsent(java.util.Collection<String> codes, boolean consented) {
        this.resources = new java.util.HashSet<>(resources.stream()
                .map(r -> codes.contains(r.resourceCode())
                        ? new RequestedResource(r.resourceCode(), consented ? Consent.CONSENTED : Consent.REFUSED)
                        : r)
                .toList());
    }

    public boolean hasEmergencyPlan() {
        return documents.stream().anyMatch(d -> d.kind() == DocumentKind.EMERGENCY_PLAN);
    }

    public Long getId() {
        return id;
    }

    public Long getAnnouncementId() {
        return announcementId;
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

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public String getPrincipal() {
        return principal;
    }

    public String getBusinessLead() {
        return businessLead;
    }

    public String getSecurityLead() {
        return securityLead;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public ApplicationStatus getStatus() {
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

    public Set<AttachedDocument> getDocuments() {
        return documents;
    }
}
