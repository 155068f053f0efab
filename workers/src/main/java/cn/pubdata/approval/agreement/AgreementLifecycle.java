package cn.pubdata.approval.agreement;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.permissions.PlatformPermissions;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the flows do to an operator's standing: the platform permissions and the agreement's state change together, in
 * one transaction, each change with its cause and actor. Every method is idempotent under its key.
 */
@Service
public class AgreementLifecycle {

    private final Agreements agreements;
    private final AgreementStates states;
    private final PlatformPermissions permissions;
    private final Clock clock;

    public AgreementLifecycle(
            Agreements agreements, AgreementStates states, PlatformPermissions permissions, Clock clock) {
        this.agreements = agreements;
        this.states = states;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** Admission's last step: permissions opened, the agreement in 试运营 (with a trial period) or 运营中. */
    @Transactional
    public Agreement open(long applicationId, String jurisdiction, String creditCode) {
        Agreement agreement = agreements
                .ofApplication(applicationId)
                .orElseThrow(() -> new IllegalStateException("准入申请 " + applicationId + " 尚未登记授权运营协议，不能开通平台权限"));
        permissions.open(applicationId, jurisdiction, creditCode, clock.instant());
        AgreementState initial = states.operatingStateOn(agreement, today());
        states.change(
                agreement.id(),
                initial,
                "ADM-" + applicationId,
                "准入：岗前培训通过，开通平台使用权限" + (initial == AgreementState.TRIAL ? "，进入试运营期" : ""),
                "系统",
                "opened:" + agreement.id());
        return agreement;
    }

    /** The trial period ended: 试运营 → 运营中 (a suspended or exiting agreement stays where it is). */
    @Transactional
    public void trialEnded(long agreementId, String causeSubject, String dedupeKey) {
        if (states.of(agreementId).orElse(null) == AgreementState.TRIAL) {
            states.change(agreementId, AgreementState.OPERATING, causeSubject, "试运营期届满，转入正式运营", "系统", dedupeKey);
        }
    }

    /** A rectification that does not suspend the permissions (001): 整改中, permissions stay open. */
    @Transactional
    public void rectifying(long agreementId, String causeSubject, String cause, String actor, String dedupeKey) {
        states.change(agreementId, AgreementState.RECTIFYING, causeSubject, cause, actor, dedupeKey);
    }

    /** RECT-05: the permissions are suspended (暂时关闭) at once, the agreement is 暂停. */
    @Transactional
    public void suspend(long agreementId, String causeSubject, String cause, String actor, String dedupeKey) {
        Agreement agreement = get(agreementId);
        permissions.suspend(agreement.applicationId(), cause, actor, dedupeKey);
        states.change(agreementId, AgreementState.SUSPENDED, causeSubject, cause, actor, dedupeKey);
    }

    /** RECT-08: the correction is accepted: suspended permissions are restored, the agreement operates again. */
    @Transactional
    public void restore(long agreementId, String causeSubject, String cause, String actor, String dedupeKey) {
        Agreement agreement = get(agreementId);
        permissions.restore(agreement.applicationId(), cause, actor, dedupeKey);
        states.change(agreementId, states.operatingStateOn(agreement, today()), causeSubject, cause, actor, dedupeKey);
    }

    /** An exit has begun: 退出中. Returns the state the agreement was in, to go back to if the exit is not decided. */
    @Transactional
    public AgreementState exiting(long agreementId, String causeSubject, String cause, String actor, String dedupeKey) {
        AgreementState before = states.of(agreementId).orElseThrow(() -> Problem.conflict("该授权运营协议尚未开通平台使用权限，不能退出"));
        states.change(agreementId, AgreementState.EXITING, causeSubject, cause, actor, dedupeKey);
        return before;
    }

    /** The authority did not terminate: the agreement returns to where it was before the exit began. */
    @Transactional
    public void exitNotDecided(
            long agreementId, AgreementState previous, String causeSubject, String cause, String actor, String key) {
        if (states.of(agreementId).orElse(null) == AgreementState.EXITING) {
            states.change(agreementId, previous, causeSubject, cause, actor, key);
        }
    }

    /** EXIT-08: the permissions are closed (the agreement stays 退出中 until the exit is complete). */
    @Transactional
    public boolean closePermissions(long agreementId, String cause, String actor, String dedupeKey) {
        return permissions.close(get(agreementId).applicationId(), cause, actor, dedupeKey);
    }

    /** The exit is complete: 已退出, for good. */
    @Transactional
    public void exited(long agreementId, String causeSubject, String cause, String dedupeKey) {
        states.change(agreementId, AgreementState.EXITED, causeSubject, cause, "系统", dedupeKey);
    }

    /** At expiry a new agreement of the same operator takes over (ADM-20: renewal through a new admission). */
    @Transactional
    public void superseded(long agreementId, String causeSubject, String cause, String dedupeKey) {
        Agreement agreement = get(agreementId);
        permissions.close(agreement.applicationId(), cause, "系统", dedupeKey);
        states.change(agreementId, AgreementState.SUPERSEDED, causeSubject, cause, "系统", dedupeKey);
    }

    public Agreement get(long agreementId) {
        return agreements.find(agreementId).orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }
}
