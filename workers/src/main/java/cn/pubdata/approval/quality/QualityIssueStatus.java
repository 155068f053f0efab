package cn.pubdata.approval.quality;

/** Where a data-quality issue stands: with its provider, overdue and escalated, or answered. */
public enum QualityIssueStatus {
    OPEN("待数据提供单位处理"),
    ESCALATED("已逾期，已上报数据主管部门"),
    ANSWERED("已答复");

    private final String label;

    QualityIssueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
