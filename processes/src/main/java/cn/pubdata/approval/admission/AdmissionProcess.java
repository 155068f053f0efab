package cn.pubdata.approval.admission;

/** Names of the admission model that code outside it uses: process key, messages, and its element ids. */
public final class AdmissionProcess {

    public static final String KEY = "admission";
    public static final String MESSAGE_SUPPLEMENT_SUBMITTED = "AdmissionSupplementSubmitted";
    public static final String MESSAGE_OBJECTION_FILED = "AdmissionObjectionFiled";
    public static final String MESSAGE_WITHDRAWN = "AdmissionWithdrawn";

    public static final String TASK_CHECK_COMPLETENESS = "UserTask_CheckCompleteness";
    public static final String TASK_COORDINATION_REVIEW = "UserTask_CoordinationReview";
    public static final String TASK_PROVIDER_REVIEW = "UserTask_ProviderReview";
    public static final String TASK_EXPERT_CONSULTATION = "UserTask_ExpertConsultation";
    public static final String TASK_DECIDE = "UserTask_Decide";
    public static final String TASK_HANDLE_OBJECTION = "UserTask_HandleObjection";
    public static final String TASK_SET_REVENUE_CAP = "UserTask_SetRevenueCap";
    public static final String TASK_SIGN_AGREEMENT = "UserTask_SignAgreement";
    public static final String TASK_FILE_WITH_PROVINCE = "UserTask_FileWithProvince";
    public static final String TASK_CONFIRM_TRAINING = "UserTask_ConfirmTraining";
    public static final String WAIT_SUPPLEMENT = "Gateway_AwaitSupplement";
    public static final String PUBLICITY = "SubProcess_Publicity";

    private AdmissionProcess() {}
}
