package cn.pubdata.approval.datause;

/** Names of the data-use request model that code outside it uses: process key, message, and its element ids. */
public final class DataUseProcess {

    public static final String KEY = "data-use-request";
    public static final String MESSAGE_WITHDRAWN = "DataUseWithdrawn";
    public static final String MESSAGE_APPEAL_UPHELD = "DataUseAppealUpheld";
    public static final String WAIT_APPEAL = "Gateway_AppealPeriod";

    public static final String TASK_IRS_REVIEW = "UserTask_IrsReview";
    public static final String TASK_PROVIDER_REVIEW = "UserTask_ProviderReview";
    public static final String TASK_PROVINCIAL_CONSENT = "UserTask_ProvincialConsent";

    public static final String END_ACCESS_GRANTED = "EndEvent_AccessGranted";
    public static final String END_REFUSED_BY_AUTHORITY = "EndEvent_RefusedByAuthority";
    public static final String END_NO_LINE_CONSENTED = "EndEvent_NoLineConsented";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

    private DataUseProcess() {}
}
