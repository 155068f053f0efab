package cn.pubdata.approval.risk;

/** Names of the risk-report model that code outside it uses: process key and its element ids. */
public final class RiskReportProcess {

    public static final String KEY = "risk-report";

    public static final String TASK_ASSESS_RISK = "UserTask_AssessRisk";

    public static final String END_CLOSED = "EndEvent_ReportClosed";

    private RiskReportProcess() {}
}
