package cn.pubdata.approval.lifecycle;

import cn.pubdata.approval.agreement.AgreementRenewals;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.agreement.AgreementTerms;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.evaluation.Evaluation;
import cn.pubdata.approval.evaluation.EvaluationProgress;
import cn.pubdata.approval.evaluation.Evaluations;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitCases;
import cn.pubdata.approval.exit.ExitProgress;
import cn.pubdata.approval.permissions.PlatformPermissions;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.pricing.RevenueLedger;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.rectification.Inspections;
import cn.pubdata.approval.rectification.Rectification;
import cn.pubdata.approval.rectification.RectificationProgress;
import cn.pubdata.approval.rectification.Rectifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * An agreement's life in one view, as the operator and the authority follow it: its state and how it got there, the
 * permissions' history, the profile version governing its term, renewals, evaluations and reports, rectifications,
 * inspections, exits, the revenue ledger, and everything due across its running flows, earliest first.
 */
@Service
public class LifecycleOverview {

    public record Summary(
            long agreementId,
            String agreementNo,
            String jurisdiction,
            String jurisdictionName,
            String creditCode,
            String companyName,
            LocalDate startsOn,
            LocalDate endsOn,
            int trialMonths,
            String state,
            String stateLabel,
            String refusal) {}

    public record Item(String kind, long id, String title, String statusLabel, String detail, boolean open) {}

    public record Overview(
            Summary agreement,
            String profileVersionLabel,
            String renewalProcedure,
            LocalDate lastDayToRenew,
            boolean renewalByApplication,
            boolean exitPlanAhead,
            boolean earlyTerminationNeedsLiability,
            String businessTargets,
            Integer rectificationDays,
            List<AgreementStates.StateChange> states,
            List<PlatformPermissions.Change> permissions,
            List<AgreementRenewals.Renewal> renewals,
            List<Item> flows,
            List<Inspections.Inspection> inspections,
            List<RevenueLedger.Row> ledger,
            List<RevenueLedger.Cap> caps,
            List<DueItem> due,
            List<TimelineEntry> timeline) {}

    private final Agreements agreements;
    private final AgreementStates states;
    private final AgreementTerms terms;
    private final AgreementRenewals renewals;
    private final PlatformPermissions permissions;
    private final PolicyProfiles profiles;
    private final Evaluations evaluations;
    private final EvaluationProgress evaluationProgress;
    private final Rectifications rectifications;
    private final RectificationProgress rectificationProgress;
    private final Inspections inspections;
    private final ExitCases exits;
    private final ExitProgress exitProgress;
    private final RevenueLedger ledger;
    private final Timeline timeline;
    private final Clock clock;

    public LifecycleOverview(
            Agreements agreements,
            AgreementStates states,
            AgreementTerms terms,
            AgreementRenewals renewals,
            PlatformPermissions permissions,
            PolicyProfiles profiles,
            Evaluations evaluations,
            EvaluationProgress evaluationProgress,
            Rectifications rectifications,
            RectificationProgress rectificationProgress,
            Inspections inspections,
            ExitCases exits,
            ExitProgress exitProgress,
            RevenueLedger ledger,
            Timeline timeline,
            Clock clock) {
        this.agreements = agreements;
        this.states = states;
        this.terms = terms;
        this.renewals = renewals;
        this.permissions = permissions;
        this.profiles = profiles;
        this.evaluations = evaluations;
        this.evaluationProgress = evaluationProgress;
        this.rectifications = rectifications;
        this.rectificationProgress = rectificationProgress;
        this.inspections = inspections;
        this.exits = exits;
        this.exitProgress = exitProgress;
        this.ledger = ledger;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The operator's agreements, newest first. */
    public List<Summary> ofOperator(String creditCode) {
        return agreements.ofOperator(creditCode).stream().map(this::summary).toList();
    }

    public Summary summary(Agreement a) {
        AgreementState state = states.of(a.id()).orElse(null);
        return new Summary(
                a.id(),
                a.agreementNo(),
                a.jurisdiction(),
                profiles.of(a.jurisdiction()).name(),
                a.creditCode(),
                agreements.operatorName(a),
                a.startsOn(),
                a.endsOn(),
                a.trialMonths(),
                state == null ? null : state.name(),
                state == null ? "未开通" : state.label(),
                states.refusalToday(a, LocalDate.now(clock.withZone(Clocks.BEIJING)))
                        .orElse(null));
    }

    public Overview of(long agreementId) {
        Agreement a = agreements
                .find(agreementId)
                .orElseThrow(() -> cn.pubdata.approval.common.Problem.notFound("授权运营协议 " + agreementId + " 不存在"));
        PolicyProfile profile = profiles.of(a.jurisdiction(), renewals.termVersion(a));
        List<Item> flows = new ArrayList<>();
        List<DueItem> due = new ArrayList<>();
        for (Evaluation e : evaluations.ofAgreement(agreementId)) {
            var p = evaluationProgress.of(e.id());
            flows.add(new Item(
                    "evaluation",
                    e.id(),
                    e.kind().label() + "（" + e.periodFrom() + " 至 " + e.periodTo() + "）",
                    p.statusLabel(),
                    p.result(),
                    e.status() != Evaluation.Status.CONCLUDED));
            due.addAll(p.due());
        }
        for (Rectification r : rectifications.ofAgreement(agreementId)) {
            var p = rectificationProgress.of(r.id());
            flows.add(new Item(
                    "rectification",
                    r.id(),
                    "限期整改：" + r.trigger().label(),
                    p.statusLabel(),
                    "整改期限 " + r.deadline(),
                    r.status() == Rectification.Status.OPEN));
            due.addAll(p.due());
        }
        for (ExitCase x : exits.ofAgreement(agreementId)) {
            var p = exitProgress.of(x.id());
            flows.add(new Item(
                    "exit",
                    x.id(),
                    "退出：" + x.trigger().label(),
                    p.statusLabel(),
                    "退出日期 " + x.exitDate(),
                    x.status() == ExitCase.Status.IN_PROGRESS));
            due.addAll(p.due());
        }
        due.sort(Comparator.comparing(DueItem::due, Comparator.nullsLast(Comparator.naturalOrder())));
        var agreed = terms.of(agreementId);
        return new Overview(
                summary(a),
                profile.versionLabel(),
                profile.renewalProcedure().label(),
                profile.renewalLeadMonths() > 0 ? renewals.lastDayToApply(a, profile) : null,
                profile.renewalProcedure() == PolicyProfile.RenewalProcedure.RENEWAL_REVIEW,
                profile.exitPlanLeadMonths() > 0,
                profile.earlyTerminationNeedsLiability(),
                agreed.businessTargets(),
                agreed.rectificationDays(),
                states.history(agreementId),
                permissions.history(a.applicationId()),
                renewals.ofAgreement(agreementId),
                flows,
                inspections.ofOperator(a.creditCode()).stream()
                        .filter(i -> i.agreementId() == agreementId)
                        .toList(),
                ledger.ledger(agreementId),
                ledger.caps(agreementId),
                due,
                timeline.of(Subjects.agreement(agreementId)));
    }
}
