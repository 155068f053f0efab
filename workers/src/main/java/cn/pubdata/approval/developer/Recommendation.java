package cn.pubdata.approval.developer;

import java.time.Instant;

/** A data-provider unit's recommendation of a partner to an operator (DEV-10). */
public record Recommendation(
        long id,
        String jurisdiction,
        String operatorCreditCode,
        String developerCreditCode,
        String developerName,
        String reason,
        String providerGroup,
        String recommendedBy,
        Instant recommendedAt) {}
