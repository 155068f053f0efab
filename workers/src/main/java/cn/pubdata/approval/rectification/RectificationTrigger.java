package cn.pubdata.approval.rectification;

/** What opens a rectification (RECT-01, RECT-09, RECT-11). */
public enum RectificationTrigger {
    BREACH("违反授权运营协议"),
    EVALUATION("评估结果为限期整改"),
    TARGETS_MISSED("未达到协议约定的经营目标"),
    INSPECTION("监督检查发现问题");

    private final String label;

    RectificationTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
