package cn.pubdata.approval.developer;

import java.time.Instant;
import java.time.LocalDate;

/** A developer's staff member and the operator's filing of them (DEV-08). */
public record DeveloperStaff(
        long id,
        long applicationId,
        int position,
        String name,
        String idNumberTail,
        String duty,
        Instant identityVerifiedAt,
        LocalDate confidentialitySignedOn,
        String filedBy) {

    public boolean filed() {
        return identityVerifiedAt != null && confidentialitySignedOn != null;
    }
}
