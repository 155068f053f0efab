package cn.pubdata.approval.product;

/**
 * Where a data product or service stands: in review until it is listed or its review ends; a listed product stays
 * LISTED until it is delisted. Every status but IN_REVIEW and LISTED is final and carries a reason.
 */
public enum ProductStatus {
    IN_REVIEW("审核中"),
    LISTED("已上架"),
    REJECTED("未通过"),
    WITHDRAWN("已撤回"),
    EXPIRED("逾期未补正，申请终止"),
    DELISTED("已下架"),
    ENDED("已终止（运营机构退出）");

    private final String label;

    ProductStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
