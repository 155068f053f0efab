package cn.pubdata.approval.evaluation;

/** Names of the evaluation model that code outside it uses: process key, messages, and its element ids. */
public final class EvaluationProcess {

    public static final String KEY = "evaluation";
    public static final String MESSAGE_DUE = "EvaluationDue";
    public static final String MESSAGE_REPORT_FILED = "EvaluationReportFiled";

    public static final String TASK_REVIEW_SECURITY_REPORT = "UserTask_ReviewSecurityReport";
    public static final String TASK_REVIEW_DEVELOPER_REPORT = "UserTask_ReviewDeveloperReport";
    public static final String TASK_CHOOSE_MODE = "UserTask_ChooseMode";
    public static final String TASK_MEMBER_OPINION = "UserTask_MemberOpinion";
    public static final String TASK_EVALUATE = "UserTask_Evaluate";
    public static final String TIMER_REPORT_OVERDUE = "Boundary_ReportOverdue";

    public static final String END_EVALUATED = "EndEvent_Evaluated";
    public static final String END_RECTIFICATION_ORDERED = "EndEvent_RectificationOrdered";
    public static final String END_EXIT_ORDERED = "EndEvent_ExitOrdered";
    public static final String END_SECURITY_REPORT_REVIEWED = "EndEvent_SecurityReportReviewed";
    public static final String END_DEVELOPER_REPORT_REVIEWED = "EndEvent_DeveloperReportReviewed";

    private EvaluationProcess() {}
}
