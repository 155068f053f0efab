package cn.pubdata.approval.quality;

/** How the provider resolved a data-quality issue. */
public enum QualityResolution {
    FIXED("已处理完善"),
    EXPLAINED("经核实数据无误，已说明情况");

    private final String label;

    QualityResolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
