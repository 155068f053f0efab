package cn.pubdata.approval.exit;

/** Why an operator exits (EXIT-01 … EXIT-06), and who may start an exit for that reason. */
public enum ExitTrigger {
    EXPIRY("协议期满未续期", Starter.FLOW),
    EARLY_TERMINATION("运营机构申请提前终止", Starter.OPERATOR),
    BREACH("违反授权运营协议", Starter.AUTHORITY),
    TARGETS_MISSED("未达到协议约定的经营目标且未按要求整改", Starter.AUTHORITY),
    VIOLATION("存在违反法律法规或者政策规定的其他情形", Starter.AUTHORITY),
    EVALUATION_FAILED("评估结果为未通过", Starter.FLOW),
    RECTIFICATION_FAILED("限期整改未完成或再次评估未通过", Starter.FLOW),
    SECURITY_INCIDENT("发生数据安全事件，造成不良影响或者严重后果", Starter.AUTHORITY);

    /** Who starts an exit for the reason: the operator, the authority through the portal, or another flow. */
    public enum Starter {
        OPERATOR,
        AUTHORITY,
        FLOW
    }

    private final String label;
    private final Starter starter;

    ExitTrigger(String label, Starter starter) {
        this.label = label;
        this.starter = starter;
    }

    public String label() {
        return label;
    }

    public Starter starter() {
        return starter;
    }

    /** Whether the authority must decide to terminate before the exit goes on (every trigger but expiry). */
    public boolean needsDecision() {
        return this != EXPIRY;
    }

    /** EXIT-03: the triggers for which an exit plan is due ahead of the exit. */
    public boolean needsPlan() {
        return this == EXPIRY || this == EARLY_TERMINATION;
    }
}
