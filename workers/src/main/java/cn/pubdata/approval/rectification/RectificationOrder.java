package cn.pubdata.approval.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification as the authority orders it (or an evaluation opens it): the agreement, the ground, the problems and
 * their evidence, and — where neither the profile nor the agreement fixes the period — the deadline.
 */
public record RectificationOrder(
        Long agreementId,
        RectificationTrigger trigger,
        String problems,
        String evidence,
        List<Long> evidenceDocumentIds,
        LocalDate deadline,
        Long evaluationId) {

    public List<Long> documents() {
        return evidenceDocumentIds == null ? List.of() : evidenceDocumentIds;
    }
}
