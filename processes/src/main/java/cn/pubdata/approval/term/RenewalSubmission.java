package cn.pubdata.approval.term;

import cn.pubdata.approval.agreement.AgreementRenewals;
import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ADM-19, ADM-20: the operator's renewal application, stored and given to its agreement's term flow in one transaction. */
@Service
public class RenewalSubmission {

    private final AgreementRenewals renewals;
    private final AgreementStates states;
    private final RuntimeService runtime;

    public RenewalSubmission(AgreementRenewals renewals, AgreementStates states, RuntimeService runtime) {
        this.renewals = renewals;
        this.states = states;
        this.runtime = runtime;
    }

    @Transactional
    public AgreementRenewals.Renewal apply(long agreementId, String reason, Actor actor) {
        AgreementRenewals.Renewal renewal = renewals.apply(agreementId, reason, actor);
        String term =
                states.termProcessOf(agreementId).orElseThrow(() -> Problem.conflict("该协议尚未纳入授权运营期管理，请联系数据主管部门办理续期"));
        runtime.createMessageCorrelation(TermProcess.MESSAGE_RENEWAL_APPLIED)
                .processInstanceId(term)
                .setVariable("renewalId", renewal.id())
                .correlate();
        return renewal;
    }
}
