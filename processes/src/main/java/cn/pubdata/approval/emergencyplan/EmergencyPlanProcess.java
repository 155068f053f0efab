package cn.pubdata.approval.emergencyplan;

/** Names of the emergency-plan review model that code outside it uses. */
public final class EmergencyPlanProcess {

    public static final String KEY = "emergency-plan";

    public static final String TASK_AUTHORITY_REVIEW = "UserTask_AuthorityReviewsPlan";
    public static final String TASK_SECURITY_MEMBERS_REVIEW = "UserTask_SecurityMembersReviewPlan";
    public static final String END_PLAN_ACCEPTED = "EndEvent_PlanAccepted";
    public static final String END_PLAN_RETURNED = "EndEvent_PlanReturned";

    private EmergencyPlanProcess() {}
}
