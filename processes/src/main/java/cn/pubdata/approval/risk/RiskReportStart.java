package cn.pubdata.approval.risk;

import cn.pubdata.approval.calendar.Deadlines;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.PolicyProfiles;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Every risk report's process starts from its stored facts, and the report knows its process instance. */
@Component("riskReportStart")
public class RiskReportStart implements ExecutionListener {

    private final RiskReports reports;
    private final PolicyProfiles profiles;
    private final Deadlines deadlines;
    private final int fullReportWorkingDays;

    public RiskReportStart(
            RiskReports reports,
            PolicyProfiles profiles,
            Deadlines deadlines,
            @Value("${approval.risk.full-report-working-days:5}") int fullReportWorkingDays) {
        this.reports = reports;
        this.profiles = profiles;
        this.deadlines = deadlines;
        this.fullReportWorkingDays = fullReportWorkingDays;
    }

    @Override
    public void notify(DelegateExecution execution) {
        RiskReport report = reports.get(((Number) execution.getVariable("reportId")).longValue());
        execution.setVariables(reports.facts(report));
        // the flow keeps the profile version it started with: a later edit does not change a running assessment
        int version = profiles.currentVersion(report.getJurisdiction());
        execution.setVariable("profileVersion", version);
        execution.setVariable(
                "referralOffered",
                profiles.of(report.getJurisdiction(), version).securityLawReferral());
        reports.startedAs(report, execution.getProcessInstanceId());
        // the full report is due by the end of a working day the setting counts
        java.util.Date due = deadlines.set(execution, "fullReportDueAt", fullReportWorkingDays);
        reports.fullReportDue(
                report.getId(), due.toInstant().atZone(Clocks.BEIJING).toLocalDate());
        execution.setVariable(
                "fullReportDue",
                due.toInstant().atZone(Clocks.BEIJING).toLocalDate().toString());
    }
}
