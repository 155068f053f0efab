package cn.pubdata.approval.developer;

/** Names of the developer-onboarding and partner-rules models that code outside them uses. */
public final class DeveloperProcess {

    public static final String KEY = "developer";
    public static final String RULES_KEY = "partner-rules";

    public static final String TASK_CONSENT_RULES = "UserTask_ConsentRules";
    public static final String END_RULES_CONSENTED = "EndEvent_RulesConsented";
    public static final String END_RULES_REFUSED = "EndEvent_RulesRefused";

    public static final String WAIT_DECISION = "ReceiveTask_OperatorDecision";
    public static final String WAIT_AGREEMENT = "ReceiveTask_AwaitAgreement";
    public static final String WAIT_STAFF_FILING = "ReceiveTask_AwaitStaffFiling";
    public static final String TIMER_AGREEMENT_ENDS = "Catch_AgreementEnds";
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String END_ACCESS_ENDED = "EndEvent_AccessEnded";
    public static final String END_OPERATOR_EXITED = "EndEvent_OperatorExited";

    public static final String MESSAGE_DECIDED = "DeveloperDecided";
    public static final String MESSAGE_AGREEMENT_SIGNED = "DeveloperAgreementSigned";
    public static final String MESSAGE_STAFF_FILED = "DeveloperStaffFiled";
    public static final String MESSAGE_REMOVED = "DeveloperRemoved";
    public static final String MESSAGE_OPERATOR_EXITED = "DeveloperOperatorExited";

    private DeveloperProcess() {}
}
