package cn.pubdata.approval.term;

import cn.pubdata.approval.timeline.Subjects;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Admission's last step starts the agreement's term flow by its message ({@code ${agreementTermStarter.start(execution)}}). */
@Component("agreementTermStarter")
public class AgreementTermStarter {

    private final RuntimeService runtime;

    public AgreementTermStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(DelegateExecution execution) {
        long agreementId = ((Number) execution.getVariable("agreementId")).longValue();
        runtime.createMessageCorrelation(TermProcess.MESSAGE_STARTED)
                .processInstanceBusinessKey(Subjects.agreement(agreementId))
                .setVariable("agreementId", agreementId)
                .correlateStartMessage();
    }
}
