package cn.pubdata.approval.risk;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.timeline.Subjects;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator reports a risk (SCN-10): the report is stored and its process started in one transaction. */
@Service
public class RiskReportSubmission {

    private final RiskReports reports;
    private final RuntimeService runtime;

    public RiskReportSubmission(RiskReports reports, RuntimeService runtime) {
        this.reports = reports;
        this.runtime = runtime;
    }

    /**
     * The operator's full report; the flow goes on to the assessment if it waits for it, or takes it as filed
     * when it gets there.
     */
    @Transactional
    public RiskReport fileFullReport(long id, String text, Actor actor) {
        RiskReport report = reports.fileFullReport(id, text, actor);
        String shown = report.getFullReport().length() <= 3900
                ? report.getFullReport()
                : report.getFullReport().substring(0, 3900) + "…（全文见报告）";
        runtime.createMessageCorrelation(RiskReportProcess.MESSAGE_FULL_REPORT_FILED)
                .processInstanceId(report.getProcessInstanceId())
                .setVariable("fullReport", shown)
                .correlateAllWithResult();
        return reports.get(id);
    }

    @Transactional
    public RiskReport report(RiskReportForm form, Actor actor) {
        RiskReport report = reports.report(form, actor);
        runtime.startProcessInstanceByKey(
                RiskReportProcess.KEY, Subjects.riskReport(report.getId()), Map.of("reportId", report.getId()));
        return reports.get(report.getId());
    }
}
