package cn.pubdata.approval.risk;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitCases;
import cn.pubdata.approval.exit.ExitOrder;
import cn.pubdata.approval.exit.ExitSubmission;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.rectification.Rectification;
import cn.pubdata.approval.rectification.RectificationOrder;
import cn.pubdata.approval.rectification.RectificationSubmission;
import cn.pubdata.approval.rectification.RectificationTrigger;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.LocalDate;
import java.util.Date;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The risk report's ways to the other flows, by their start messages, ordered in the authority's name: an incident
 * with adverse effects or serious consequences starts the exit (EXIT-06; where the profile does not name incidents
 * as a ground, as a violation of law), a breach of the agreement starts a rectification (RECT-01). A refusal of the
 * other flow (the agreement already exiting, no deadline where one is needed) refuses the assessment with its reason.
 */
@Component("incidentOutcomes")
public class IncidentOutcomes {

    private final RiskReports reports;
    private final Agreements agreements;
    private final PolicyProfiles profiles;
    private final ExitSubmission exits;
    private final ExitCases exitCases;
    private final RectificationSubmission rectifications;
    private final Timeline timeline;

    public IncidentOutcomes(
            RiskReports reports,
            Agreements agreements,
            PolicyProfiles profiles,
            ExitSubmission exits,
            ExitCases exitCases,
            RectificationSubmission rectifications,
            Timeline timeline) {
        this.reports = reports;
        this.agreements = agreements;
        this.profiles = profiles;
        this.exits = exits;
        this.exitCases = exitCases;
        this.rectifications = rectifications;
        this.timeline = timeline;
    }

    /** SEC-13: breaches of network-security, data-security or personal-information law go to 网信 and 公安. */
    public java.util.List<String> referralGroups() {
        return java.util.List.of("security-cac", "security-police");
    }

    public void startExit(DelegateExecution execution) {
        RiskReport report = report(execution);
        Agreement agreement = agreementOf(report);
        var running = exitCases.running(agreement.id());
        if (running.isPresent()) {
            timeline.record(
                    Subjects.exit(running.get().id()),
                    "又出现退出情形：" + ExitTrigger.SECURITY_INCIDENT.label(),
                    report.getAssessment() + "（来源：" + Subjects.riskReport(report.getId()) + "）",
                    "系统",
                    "exit-ground:" + execution.getProcessInstanceId());
            reports.ledTo(report.getId(), running.get().id(), null);
            return;
        }
        ExitTrigger ground = profiles.of(report.getJurisdiction()).securityIncidentExit()
                ? ExitTrigger.SECURITY_INCIDENT
                : ExitTrigger.VIOLATION;
        ExitCase exit = exits.order(
                new ExitOrder(
                        agreement.id(),
                        ground,
                        "数据安全事件：" + report.summary(),
                        "风险报告 " + report.getId() + " 的评估结论（会同" + report.getDepartments() + "）："
                                + report.getAssessment(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        Subjects.riskReport(report.getId())),
                assessor(report));
        reports.ledTo(report.getId(), exit.id(), null);
    }

    public void startRectification(DelegateExecution execution) {
        RiskReport report = report(execution);
        Object deadline = execution.getVariable("rectificationDeadline");
        Rectification r = rectifications.order(
                new RectificationOrder(
                        agreementOf(report).id(),
                        RectificationTrigger.BREACH,
                        "风险报告 " + report.getId() + " 反映的违约情形：" + report.summary(),
                        "评估结论（会同" + report.getDepartments() + "）：" + report.getAssessment(),
                        null,
                        day(deadline),
                        null),
                assessor(report));
        reports.ledTo(report.getId(), null, r.id());
    }

    private RiskReport report(DelegateExecution execution) {
        return reports.get(((Number) execution.getVariable("reportId")).longValue());
    }

    private Agreement agreementOf(RiskReport report) {
        return agreements
                .latest(report.getCreditCode(), report.getJurisdiction())
                .orElseThrow(() -> new IllegalStateException("风险报告 " + report.getId() + " 的运营机构在该辖区没有授权运营协议"));
    }

    private static Actor assessor(RiskReport report) {
        return Actor.reviewer(report.getAssessedBy(), Set.of("authority-reviewer"));
    }

    /** A date as form-js stores it ("2026-12-31") or a java.util.Date; none when the form left it empty. */
    private static LocalDate day(Object value) {
        if (value instanceof Date d) {
            return d.toInstant()
                    .atZone(cn.pubdata.approval.common.Clocks.BEIJING)
                    .toLocalDate();
        }
        return value == null || value.toString().isBlank()
                ? null
                : LocalDate.parse(value.toString().substring(0, 10));
    }
}
