package cn.pubdata.approval.developer;

/** DEV-05: the operator's decision on a developer's application, with its reason. */
public record DeveloperDecision(Boolean approve, String reason) {}
