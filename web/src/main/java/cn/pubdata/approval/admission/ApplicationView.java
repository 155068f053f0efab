package cn.pubdata.approval.admission;

import java.time.Instant;
import java.util.List;

record ApplicationView(
        long id,
        long announcementId,
        String jurisdiction,
        String creditCode,
        String companyName,
        String legalRepresentative,
        String principal,
        String businessLead,
        String securityLead,
        String contactName,
        String contactPhone,
        String contactEmail,
        ApplicationStatus status,
        String statusLabel,
        String outcomeReason,
        Instant submittedAt,
        Instant closedAt,
        List<AdmissionApplication.PlanSection> planSections,
        List<String> resourceCodes,
        List<AdmissionApplication.AttachedDocument> documents) {

    static ApplicationView of(AdmissionApplication a) {
        return new ApplicationView(
                a.getId(),
                a.getAnnouncementId(),
                a.getJurisdiction(),
                a.getCreditCode(),
                a.getCompanyName(),
                a.getLegalRepresentative(),
                a.getPrincipal(),
                a.getBusinessLead(),
                a.getSecurityLead(),
                a.getContactName(),
                a.getContactPhone(),
                a.getContactEmail(),
                a.getStatus(),
                a.getStatus().label(),
                a.getOutcomeReason(),
                a.getSubmittedAt(),
                a.getClosedAt(),
                a.sectionsInOrder(),
                a.resourceCodes(),
                List.copyOf(a.getDocuments()));
    }
}
