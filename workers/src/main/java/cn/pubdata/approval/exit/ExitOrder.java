package cn.pubdata.approval.exit;

import java.time.LocalDate;
import java.util.List;

/**
 * An exit as it is asked for: the agreement, the ground, the reason and its evidence; for an early termination, the
 * day the operator wants to leave, its acceptance of liability where the profile asks for it, and its exit plan.
 */
public record ExitOrder(
        Long agreementId,
        ExitTrigger trigger,
        String reason,
        String evidence,
        List<Long> evidenceDocumentIds,
        LocalDate exitDate,
        Boolean liabilityAccepted,
        String liabilityStatement,
        String plan,
        String sourceSubject) {

    public List<Long> documents() {
        return evidenceDocumentIds == null ? List.of() : evidenceDocumentIds;
    }
}
