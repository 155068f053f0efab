package cn.pubdata.approval.agreement;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewal as each profile knows it (ADM-19, ADM-20): a renewal application at least the lead time before expiry,
 * reviewed and re-signed (001); a new admission at least that long before expiry (004); a new application only after
 * expiry (002); none, the operator exits at expiry (003). A request later than the profile allows is refused with the
 * rule's reason.
 */
@Service
public class AgreementRenewals {

    public record Renewal(
            long id,
            long agreementId,
            String appliedBy,
            Instant appliedAt,
            String reason,
            String status,
            String decisionReason,
            String newAgreementNo,
            LocalDate oldEndsOn,
            LocalDate newEndsOn,
            Instant decidedAt) {}

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final AgreementStates states;
    private final PolicyProfiles profiles;
    private final Timeline timeline;
    private final Clock clock;

    public AgreementRenewals(
            JdbcClient jdbc,
            Agreements agreements,
            AgreementStates states,
            PolicyProfiles profiles,
            Timeline timeline,
            Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.states = states;
        this.profiles = profiles;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** ADM-19, ADM-20: the operator applies to renew; refused where the profile knows no such application, or late. */
    @Transactional
    public Renewal apply(long agreementId, String reason, Actor actor) {
        Agreement agreement = agreements
                .find(agreementId)
                .filter(a ->
                        actor.kind() != Actor.Kind.OPERATOR || a.creditCode().equals(actor.creditCode()))
                .orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"));
        if (actor.kind() != Actor.Kind.OPERATOR) {
            throw Problem.invalid("agreementId", "续期申请由运营机构提出");
        }
        AgreementState state = states.of(agreementId).orElse(null);
        if (state == null || state.isFinal() || state == AgreementState.EXITING) {
            throw Problem.conflict("授权运营协议当前为「" + (state == null ? "未开通" : state.label()) + "」，不能申请续期");
        }
        PolicyProfile profile = profiles.of(agreement.jurisdiction(), termVersion(agreement));
        switch (profile.renewalProcedure()) {
            case NEW_ADMISSION ->
                throw Problem.conflict(profile.name() + "协议期满后需要继续运营的，应在协议期满 " + profile.renewalLeadMonths()
                        + " 个月前按程序重新申请（完整准入流程），请在准入通告下提交申请（ADM-20）");
            case NEW_ADMISSION_AFTER_EXPIRY ->
                throw Problem.conflict(profile.name() + "协议期满后运营机构应当退出，需继续运营的应在期满后按照规定重新申请，不设续期申请（ADM-20）");
            case EXIT_AT_EXPIRY -> throw Problem.conflict(profile.name() + "未设续期：授权运营协议期满后，运营机构退出授权运营（ADM-20）");
            case RENEWAL_REVIEW -> {}
        }
        LocalDate last = lastDayToApply(agreement, profile);
        if (today().isAfter(last)) {
            throw Problem.conflict("续期申请须在协议期满 " + profile.renewalLeadMonths() + " 个月前提出（" + last + " 前），今天（" + today()
                    + "）已逾期，不予受理（ADM-19）；协议期满后将按程序退出");
        }
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "请写明续期理由及下一期的运营计划");
        }
        if (open(agreementId).isPresent()) {
            throw Problem.conflict("已提出续期申请，正在审核中");
        }
        long id = jdbc.sql("""
                insert into approval.agreement_renewal (agreement_id, applied_by, applied_at, reason, status, old_ends_on)
                values (:a, :by, :now, :reason, 'IN_REVIEW', :ends) returning id""")
                .param("a", agreementId)
                .param("by", actor.label())
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", reason.trim())
                .param("ends", agreement.endsOn())
                .query(Long.class)
                .single();
        timeline.record(
                Subjects.agreement(agreementId), "提出续期申请", reason.trim(), actor.label(), "renewal-applied:" + id);
        return get(id);
    }

    /** The authority's review (ADM-20): approved to re-sign, or refused with the reason. Recorded once. */
    @Transactional
    public void decide(long renewalId, boolean approve, String reason, String actor) {
        int changed = jdbc.sql("""
                update approval.agreement_renewal set status = :s, decision_reason = :r, decided_at = :now
                where id = :id and status = 'IN_REVIEW'""")
                .param("s", approve ? "APPROVED" : "REFUSED")
                .param("r", reason)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", renewalId)
                .update();
        if (changed == 1) {
            timeline.record(
                    Subjects.agreement(get(renewalId).agreementId()),
                    approve ? "同意续期" : "不予续期",
                    reason,
                    actor,
                    "renewal-decided:" + renewalId);
        }
    }

    /** ADM-20, ADM-15: the agreement is re-signed for the profile's term from the day after the old one ends. */
    @Transactional
    public Renewal resign(long renewalId, String newAgreementNo, LocalDate signedOn, String actor) {
        Renewal renewal = get(renewalId);
        if (!renewal.status().equals("APPROVED")) {
            return renewal;
        }
        Agreement agreement = agreements.find(renewal.agreementId()).orElseThrow();
        PolicyProfile profile = profiles.of(agreement.jurisdiction(), termVersion(agreement));
        LocalDate newEnds = Agreement.endOf(renewal.oldEndsOn().plusDays(1), 0, profile.agreementTermMonths());
        jdbc.sql("""
                update approval.agreement_renewal set status = 'RESIGNED', new_agreement_no = :no, new_ends_on = :ends
                where id = :id and status = 'APPROVED'""")
                .param("no", newAgreementNo)
                .param("ends", newEnds)
                .param("id", renewalId)
                .update();
        agreements.extend(agreement.id(), newEnds);
        timeline.record(
                Subjects.agreement(agreement.id()),
                "续签授权运营协议 " + newAgreementNo,
                "签订日期 " + signedOn + "，期限 " + profile.agreementTermMonths() + " 个月，至 " + newEnds,
                actor,
                "renewal-resigned:" + renewalId);
        return get(renewalId);
    }

    public Renewal get(long id) {
        return jdbc.sql("select * from approval.agreement_renewal where id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> Problem.notFound("续期申请 " + id + " 不存在"));
    }

    /** A renewal application still being reviewed or approved but not yet re-signed. */
    public Optional<Renewal> open(long agreementId) {
        return jdbc.sql("""
                select * from approval.agreement_renewal where agreement_id = :a and status in ('IN_REVIEW', 'APPROVED')""").param("a", agreementId).query(this::map).optional();
    }

    public List<Renewal> ofAgreement(long agreementId) {
        return jdbc.sql(
                        "select * from approval.agreement_renewal where agreement_id = :a order by applied_at desc, id desc")
                .param("a", agreementId)
                .query(this::map)
                .list();
    }

    /** ADM-19: the last day a renewal application (or, in 004, a new admission) is in time. */
    public LocalDate lastDayToApply(Agreement agreement, PolicyProfile profile) {
        return agreement.endsOn().plusDays(1).minusMonths(profile.renewalLeadMonths());
    }

    /**
     * ADM-19 (004): an operator that renews through a new admission must apply at least the lead time before its
     * agreement expires; a later application is refused with the rule's reason.
     */
    public Optional<String> lateReapplication(String creditCode, String jurisdiction, LocalDate today) {
        Optional<Agreement> current = agreements.latest(creditCode, jurisdiction);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Agreement agreement = current.get();
        AgreementState state = states.of(agreement.id()).orElse(null);
        PolicyProfile profile = profiles.of(jurisdiction, termVersion(agreement));
        if (state == null
                || state.isFinal()
                || profile.renewalProcedure() != PolicyProfile.RenewalProcedure.NEW_ADMISSION
                || profile.renewalLeadMonths() == 0
                || today.isAfter(agreement.endsOn())) {
            return Optional.empty();
        }
        LocalDate last = lastDayToApply(agreement, profile);
        return today.isAfter(last)
                ? Optional.of("授权运营协议 " + agreement.agreementNo() + " 于 " + agreement.endsOn() + " 期满；需要继续运营的，应在协议期满 "
                        + profile.renewalLeadMonths() + " 个月前（" + last + " 前）按程序重新申请，今天（" + today + "）已逾期，不予受理（ADM-19）")
                : Optional.empty();
    }

    /** ADM-20: whether a newer agreement of the same operator in the jurisdiction operates now (a renewal by admission). */
    public boolean renewedByNewAgreement(long agreementId) {
        Agreement agreement = agreements.find(agreementId).orElseThrow();
        return agreements
                .latest(agreement.creditCode(), agreement.jurisdiction())
                .filter(newer -> newer.id() > agreement.id())
                .flatMap(newer -> states.of(newer.id()))
                .filter(s -> !s.isFinal() && s != AgreementState.EXITING)
                .isPresent();
    }

    /** The profile version that governs the agreement's term, or the current one before its term flow started. */
    public int termVersion(Agreement agreement) {
        return states.profileVersionOf(agreement.id())
                .orElseGet(() -> profiles.currentVersion(agreement.jurisdiction()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    private Renewal map(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Renewal(
                rs.getLong("id"),
                rs.getLong("agreement_id"),
                rs.getString("applied_by"),
                rs.getTimestamp("applied_at").toInstant(),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getString("decision_reason"),
                rs.getString("new_agreement_no"),
                rs.getObject("old_ends_on", LocalDate.class),
                rs.getObject("new_ends_on", LocalDate.class),
                decided == null ? null : decided.toInstant());
    }
}
