package cn.pubdata.approval.appeal;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The authority's task shows the contested decision as recorded and the appellant's grounds. */
@Component("appealStart")
public class AppealStart implements ExecutionListener {

    private final Appeals appeals;

    public AppealStart(Appeals appeals) {
        this.appeals = appeals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Appeal appeal = appeals.get(((Number) execution.getVariable("appealId")).longValue());
        execution.setVariable("appellantName", appeal.appellantName());
        execution.setVariable("contestedDecision", appeal.contestedDecision());
        execution.setVariable("grounds", appeal.grounds());
        // APL-04: an objection is decided in its own task and form, in its own words
        execution.setVariable("appealWord", appeal.word());
        appeals.startedAs(appeal.id(), execution.getProcessInstanceId());
    }
}
