package cn.pubdata.approval.product;

/** PRD-02 (003): the operator's out-of-domain compliance review of its developer's product, with its conclusion. */
public record ProductOperatorReview(Boolean pass, String reason) {}
