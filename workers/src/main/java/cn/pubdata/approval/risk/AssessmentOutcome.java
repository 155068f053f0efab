package cn.pubdata.approval.risk;

/**
 * What the authority's assessment of a reported risk or incident leads to: an incident with adverse effects or serious
 * consequences is an exit ground (EXIT-06), a breach of the agreement starts a rectification (RECT-01), otherwise the
 * report is closed with its findings.
 */
public enum AssessmentOutcome {
    CLOSE("评估完毕，关闭报告"),
    RECTIFY("违反授权运营协议，启动限期整改"),
    EXIT("造成不良影响或严重后果，启动退出程序");

    private final String label;

    AssessmentOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
