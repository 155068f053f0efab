package cn.pubdata.approval.risk;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The risk report's own expressions: a full report filed before the flow waits for it (the operator may be quicker
 * than the notice) is taken as filed, and shown to the assessor like one that came by message.
 */
@Component("riskReportSteps")
public class RiskReportSteps {

    private final RiskReports reports;

    public RiskReportSteps(RiskReports reports) {
        this.reports = reports;
    }

    public boolean fullReportFiled(Number reportId) {
        return reports.get(reportId.longValue()).getFullReportFiledAt() != null;
    }

    public void showFullReport(DelegateExecution execution) {
        String text = reports.get(((Number) execution.getVariable("reportId")).longValue())
                .getFullReport();
        execution.setVariable("fullReport", text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见报告）");
    }
}
