package cn.pubdata.approval.risk;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Every risk report's process starts from its stored facts, and the report knows its process instance. */
@Component("riskReportStart")
public class RiskReportStart implements ExecutionListener {

    private final RiskReports reports;

    public RiskReportStart(RiskReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateExecution execution) {
        RiskReport report = reports.get(((Number) execution.getVariable("reportId")).longValue());
        execution.setVariables(reports.facts(report));
        reports.startedAs(report, execution.getProcessInstanceId());
    }
}
