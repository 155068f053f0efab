package cn.pubdata.approval.term;

import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.policy.PolicyProfiles;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The term flow starts with the profile version current at the agreement's start, which governs it to its end (its
 * evaluation cadence, reports, renewal); the agreement knows its term flow and that version.
 */
@Component("termStart")
public class TermStart implements ExecutionListener {

    private final Agreements agreements;
    private final AgreementStates states;
    private final PolicyProfiles profiles;

    public TermStart(Agreements agreements, AgreementStates states, PolicyProfiles profiles) {
        this.agreements = agreements;
        this.states = states;
        this.profiles = profiles;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Agreement agreement = agreements
                .find(((Number) execution.getVariable("agreementId")).longValue())
                .orElseThrow();
        int version = profiles.currentVersion(agreement.jurisdiction());
        execution.setVariable("jurisdiction", agreement.jurisdiction());
        execution.setVariable("profileVersion", version);
        execution.setVariable("operatorCreditCode", agreement.creditCode());
        execution.setVariable("companyName", agreements.operatorName(agreement));
        execution.setVariable("agreementNo", agreement.agreementNo());
        states.termStartedAs(agreement.id(), execution.getProcessInstanceId(), version);
    }
}
