package cn.pubdata.approval.catalog;

/**
 * A resource was reclassified as 禁止开放 (CAT-01). Published inside the reclassification's transaction, so that the
 * features using the resource (approved scenario lines, listed products) withdraw it in the same transaction.
 */
public record ResourceProhibited(String resourceCode, String resourceName, String jurisdiction, String reason) {}
