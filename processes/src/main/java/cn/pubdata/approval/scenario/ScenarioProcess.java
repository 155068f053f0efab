package cn.pubdata.approval.scenario;

/** Names of the scenario model that code outside it uses: process key, messages, and its element ids. */
public final class ScenarioProcess {

    public static final String KEY = "scenario";
    public static final String MESSAGE_SUPPLEMENT_SUBMITTED = "ScenarioSupplementSubmitted";
    public static final String MESSAGE_WITHDRAWN = "ScenarioWithdrawn";

    public static final String TASK_PRE_CHECK = "UserTask_PreCheck";
    public static final String TASK_PROVIDER_REVIEW = "UserTask_ProviderReview";
    public static final String TASK_NETWORK_SECURITY_REVIEW = "UserTask_NetworkSecurityReview";
    public static final String TASK_PROVINCIAL_CONSENT = "UserTask_ProvincialConsent";
    public static final String TASK_EXPERT_REVIEW = "UserTask_ExpertReview";
    public static final String TASK_DECIDE = "UserTask_Decide";

    private ScenarioProcess() {}
}
