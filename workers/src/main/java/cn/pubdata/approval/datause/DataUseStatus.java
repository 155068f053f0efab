package cn.pubdata.approval.datause;

/** Where a data-use request stands; every status but IN_REVIEW is final, and all but APPROVED carry a reason. */
public enum DataUseStatus {
    IN_REVIEW("审核中"),
    APPROVED("已批准"),
    REFUSED("未获批准"),
    WITHDRAWN("已撤回"),
    ENDED("已终止（运营机构退出）");

    private final String label;

    DataUseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
