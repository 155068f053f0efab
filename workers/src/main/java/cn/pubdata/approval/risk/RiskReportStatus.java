package cn.pubdata.approval.risk;

/** Where a risk report stands: reported and being assessed by the authority, or closed with its assessment. */
public enum RiskReportStatus {
    REPORTED("已报告，待评估"),
    CLOSED("已评估，已关闭");

    private final String label;

    RiskReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
