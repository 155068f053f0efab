package cn.pubdata.approval.risk;

/**
 * What the authority's assessment of a risk leads to. For now every assessment closes the report; rectification of
 * an incident and exit are later outcomes the model will branch on.
 */
public enum AssessmentOutcome {
    CLOSE("评估完毕，关闭报告");

    private final String label;

    AssessmentOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
