package cn.pubdata.approval.admission;

/** Where an admission application stands; every status but IN_REVIEW is final and carries a reason. */
public enum ApplicationStatus {
    IN_REVIEW("审查中"),
    ADMITTED("已准入"),
    REJECTED("未准入"),
    WITHDRAWN("已撤回"),
    EXPIRED("逾期未补正，申请终止"),
    OBJECTION_UPHELD("公示异议成立，申请终止");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
