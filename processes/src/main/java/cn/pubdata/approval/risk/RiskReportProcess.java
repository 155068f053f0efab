package cn.pubdata.approval.risk;

/** Names of the risk-report model that code outside it uses: process key and its element ids. */
public final class RiskReportProcess {

    public static final String KEY = "risk-report";

    public static final String TASK_ASSESS_RISK = "UserTask_AssessRisk";

    public static final String END_CLOSED = "EndEvent_ReportClosed";

    public static final String WAIT_FULL_REPORT = "ReceiveTask_AwaitFullReport";
    public static final String TIMER_FULL_REPORT_LATE = "Boundary_FullReportLate";
    public static final String TASK_REFERRAL = "UserTask_Referral";
    public static final String MESSAGE_FULL_REPORT_FILED = "RiskFullReportFiled";

    private RiskReportProcess() {}
}
