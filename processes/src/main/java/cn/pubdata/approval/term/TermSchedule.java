package cn.pubdata.approval.term;

import cn.pubdata.approval.agreement.AgreementRenewals;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.evaluation.Evaluation;
import cn.pubdata.approval.evaluation.EvaluationSubmission;
import cn.pubdata.approval.exit.ExitOrders;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.time.LocalDate;
import java.util.Date;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The dates of an agreement's term as its profile version sets them, for the term flow's timers, and what the flow
 * starts when they come: evaluations at the profile's cadence (EVAL-01: at the start of each year for the year before;
 * EVAL-02: after each full year of operation; EVAL-04: every so many months), security reports every six months
 * (EVAL-08), the operator's report on its developers (DEV-07), the cap's re-evaluation (PRC-03), the renewal reminder and deadline (ADM-19), the exit at expiry
 * (EXIT-01). Each loop keeps the start of its next period in a process variable.
 */
@Component("termSchedule")
public class TermSchedule {

    private final Agreements agreements;
    private final AgreementRenewals renewals;
    private final PolicyProfiles profiles;
    private final EvaluationSubmission evaluations;
    private final ExitOrders exitOrders;

    public TermSchedule(
            Agreements agreements,
            AgreementRenewals renewals,
            PolicyProfiles profiles,
            EvaluationSubmission evaluations,
            ExitOrders exitOrders) {
        this.agreements = agreements;
        this.renewals = renewals;
        this.profiles = profiles;
        this.evaluations = evaluations;
        this.exitOrders = exitOrders;
    }

    /** The term's dates, again after a renewal moved the end; the loops keep where they are. */
    public void refresh(DelegateExecution execution) {
        Agreement agreement = agreement(execution);
        PolicyProfile profile = profile(execution, agreement);
        LocalDate expiry = agreement.endsOn().plusDays(1);
        execution.setVariable("endsOnDay", agreement.endsOn().toString());
        execution.setVariable("termEndsAt", at(expiry));
        execution.setVariable("hasTrial", agreement.trialMonths() > 0);
        execution.setVariable("trialEndsAt", at(agreement.startsOn().plusMonths(agreement.trialMonths())));
        execution.setVariable("renewalNoticeAt", at(expiry.minusMonths(profile.renewalNoticeMonths())));
        execution.setVariable(
                "renewalByApplication",
                profile.renewalProcedure() == PolicyProfile.RenewalProcedure.RENEWAL_REVIEW
                        && profile.renewalLeadMonths() > 0);
        execution.setVariable(
                "renewalDeadlineAt",
                at(renewals.lastDayToApply(agreement, profile).plusDays(1)));
        execution.setVariable("securityReports", profile.securityReportMonths() > 0);
        execution.setVariable("developerReports", profile.developerReportMonths() > 0);
        execution.setVariable("capReviews", profile.revenueCapReviewMonths() > 0);
        for (String loop :
                new String[] {"evaluationFrom", "securityReportFrom", "capReviewFrom", "developerReportFrom"}) {
            if (execution.getVariable(loop) == null) {
                execution.setVariable(loop, agreement.startsOn().toString());
            }
        }
    }

    /** EVAL-01, EVAL-02, EVAL-04: when the evaluation of the period that began at evaluationFrom is due. */
    public Date nextEvaluationAt(DelegateExecution execution) {
        return at(evaluationDue(execution));
    }

    /** Starts the evaluation of the period that just ended, and moves the loop to the next period. */
    public void startEvaluation(DelegateExecution execution) {
        LocalDate from = LocalDate.parse((String) execution.getVariable("evaluationFrom"));
        LocalDate due = evaluationDue(execution);
        evaluations.start(agreementId(execution), Evaluation.Kind.ANNUAL, from, due.minusDays(1));
        execution.setVariable("evaluationFrom", due.toString());
    }

    /** EVAL-08: the security report of each six months of operation. */
    public Date nextSecurityReportAt(DelegateExecution execution) {
        return at(LocalDate.parse((String) execution.getVariable("securityReportFrom"))
                .plusMonths(profile(execution, agreement(execution)).securityReportMonths()));
    }

    public void startSecurityReport(DelegateExecution execution) {
        LocalDate from = LocalDate.parse((String) execution.getVariable("securityReportFrom"));
        LocalDate due = from.plusMonths(profile(execution, agreement(execution)).securityReportMonths());
        evaluations.start(agreementId(execution), Evaluation.Kind.SECURITY, from, due.minusDays(1));
        execution.setVariable("securityReportFrom", due.toString());
    }

    /** DEV-07: the operator's report on its developers of each period the profile sets (003). */
    public Date nextDeveloperReportAt(DelegateExecution execution) {
        return at(developerReportDue(execution));
    }

    public void startDeveloperReport(DelegateExecution execution) {
        LocalDate from = LocalDate.parse((String) execution.getVariable("developerReportFrom"));
        LocalDate due = developerReportDue(execution);
        evaluations.start(agreementId(execution), Evaluation.Kind.DEVELOPERS, from, due.minusDays(1));
        execution.setVariable("developerReportFrom", due.toString());
    }

    private LocalDate developerReportDue(DelegateExecution execution) {
        return LocalDate.parse((String) execution.getVariable("developerReportFrom"))
                .plusMonths(profile(execution, agreement(execution)).developerReportMonths());
    }

    /** PRC-03: when the maximum allowed revenue is due for re-evaluation; the new cap applies from that day. */
    public Date nextCapReviewAt(DelegateExecution execution) {
        return at(capReviewDue(execution));
    }

    public LocalDate capReviewDue(DelegateExecution execution) {
        return LocalDate.parse((String) execution.getVariable("capReviewFrom"))
                .plusMonths(profile(execution, agreement(execution)).revenueCapReviewMonths());
    }

    /** ADM-19: a renewal application is under review or approved. */
    public boolean renewalPending(Number agreementId) {
        return renewals.open(agreementId.longValue()).isPresent();
    }

    /** ADM-20: a new agreement of the operator from a new admission takes over at expiry. */
    public boolean renewedByNewAgreement(Number agreementId) {
        return renewals.renewedByNewAgreement(agreementId.longValue());
    }

    /** EXIT-01, EXIT-03: the exit at expiry begins (at the renewal deadline where an exit plan is due ahead). */
    public void orderExpiryExit(DelegateExecution execution) {
        Agreement agreement = agreement(execution);
        execution.setVariable(
                "exitReason", "授权运营协议 " + agreement.agreementNo() + " 于 " + agreement.endsOn() + " 期满，未续期");
        exitOrders.order(execution, "EXPIRY");
    }

    private LocalDate evaluationDue(DelegateExecution execution) {
        LocalDate from = LocalDate.parse((String) execution.getVariable("evaluationFrom"));
        PolicyProfile profile = profile(execution, agreement(execution));
        return switch (profile.evaluationCadence()) {
            // the start of the next year, for the year the period lies in
            case START_OF_YEAR -> LocalDate.of(from.getYear() + 1, 1, 1);
            case EACH_FULL_YEAR -> from.plusYears(1);
            case EVERY_MONTHS -> from.plusMonths(profile.evaluationEveryMonths());
        };
    }

    private Agreement agreement(DelegateExecution execution) {
        return agreements.find(agreementId(execution)).orElseThrow();
    }

    private PolicyProfile profile(DelegateExecution execution, Agreement agreement) {
        return profiles.of(agreement.jurisdiction(), ((Number) execution.getVariable("profileVersion")).intValue());
    }

    private static long agreementId(DelegateExecution execution) {
        return ((Number) execution.getVariable("agreementId")).longValue();
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(Clocks.BEIJING).toInstant());
    }
}
