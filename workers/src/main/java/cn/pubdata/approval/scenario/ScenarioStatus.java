package cn.pubdata.approval.scenario;

/** Where a scenario stands; every status but IN_REVIEW is final and carries a reason, APPROVED until it ends. */
public enum ScenarioStatus {
    IN_REVIEW("审核中"),
    APPROVED("已通过"),
    REJECTED("未通过"),
    WITHDRAWN("已撤回"),
    EXPIRED("逾期未补正，申请终止"),
    ENDED("已终止");

    private final String label;

    ScenarioStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
