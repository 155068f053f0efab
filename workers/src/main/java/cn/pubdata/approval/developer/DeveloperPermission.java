package cn.pubdata.approval.developer;

import java.time.Instant;

/** A developer's platform access, to sampled and desensitised data only (DEV-09); closed when its access ends. */
public record DeveloperPermission(
        long id,
        long applicationId,
        String jurisdiction,
        String operatorCreditCode,
        String developerCreditCode,
        String dataScope,
        Instant openedAt,
        Instant closedAt,
        String closeReason) {

    public static final String SAMPLED_DESENSITISED = "SAMPLED_DESENSITISED";

    public String scopeLabel() {
        return "仅限经抽样、脱敏后的数据";
    }

    public boolean open() {
        return closedAt == null;
    }
}
