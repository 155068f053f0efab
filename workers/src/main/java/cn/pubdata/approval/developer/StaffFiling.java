package cn.pubdata.approval.developer;

import java.time.LocalDate;
import java.util.List;

/**
 * DEV-08: the operator files the developer's staff: each person named by id has passed identity authentication and
 * the filing review and signed the confidentiality agreement on the given day.
 */
public record StaffFiling(List<Filed> staff) {

    public record Filed(Long staffId, Boolean identityVerified, LocalDate confidentialitySignedOn) {}
}
