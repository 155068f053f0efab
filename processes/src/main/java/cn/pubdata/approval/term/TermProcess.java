package cn.pubdata.approval.term;

/** Names of the agreement-term model that code outside it uses: process key, messages, and its element ids. */
public final class TermProcess {

    public static final String KEY = "agreement-term";
    public static final String MESSAGE_STARTED = "AgreementTermStarted";
    public static final String MESSAGE_RENEWAL_APPLIED = "RenewalApplied";

    public static final String TIMER_TRIAL_ENDS = "Catch_TrialEnds";
    public static final String TIMER_NEXT_EVALUATION = "Catch_NextEvaluation";
    public static final String TIMER_NEXT_SECURITY_REPORT = "Catch_NextSecurityReport";
    public static final String TIMER_NEXT_DEVELOPER_REPORT = "Catch_NextDeveloperReport";
    public static final String END_NO_DEVELOPER_REPORTS = "EndEvent_NoDeveloperReports";
    public static final String TIMER_NEXT_CAP_REVIEW = "Catch_NextCapReview";
    public static final String TIMER_RENEWAL_NOTICE = "Catch_RenewalNotice";
    public static final String TIMER_RENEWAL_DEADLINE = "Catch_RenewalDeadline";
    public static final String TIMER_EXPIRY = "Boundary_Expiry";
    public static final String TASK_REVIEW_REVENUE_CAP = "UserTask_ReviewRevenueCap";
    public static final String TASK_REVIEW_RENEWAL = "UserTask_ReviewRenewal";
    public static final String TASK_RESIGN = "UserTask_ResignAgreement";

    public static final String END_EXIT_AT_EXPIRY = "EndEvent_ExitAtExpiry";
    public static final String END_SUPERSEDED = "EndEvent_Superseded";
    public static final String END_ENDED_BY_EXIT = "EndEvent_EndedByExit";

    private TermProcess() {}
}
