package cn.pubdata.approval.rectification;

/** Names of the rectification model that code outside it uses: process key, messages, and its element ids. */
public final class RectificationProcess {

    public static final String KEY = "rectification";
    public static final String MESSAGE_ORDERED = "RectificationOrdered";
    public static final String MESSAGE_PLAN_FILED = "RectificationPlanFiled";
    public static final String MESSAGE_REPORT_FILED = "RectificationReportFiled";

    public static final String TASK_REASSESS = "UserTask_Reassess";
    public static final String WAIT_PLAN = "ReceiveTask_AwaitPlan";
    public static final String WAIT_REPORT = "ReceiveTask_AwaitReport";
    public static final String TIMER_PLAN_DEADLINE = "Boundary_PlanDeadline";
    public static final String TIMER_REPORT_DEADLINE = "Boundary_ReportDeadline";

    public static final String END_RECTIFIED = "EndEvent_Rectified";
    public static final String END_FAILED = "EndEvent_Failed";
    public static final String END_DEADLINE_MISSED = "EndEvent_DeadlineMissed";

    private RectificationProcess() {}
}
