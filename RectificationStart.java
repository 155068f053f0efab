package cn.pubdata.approval.rectification;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Every rectification's process starts from its stored facts, and the rectification knows its process instance. */
@Component("rectificationStart")
public class RectificationStart implements ExecutionListener {

    private final Rectifications rectifications;

    public RectificationStart(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Rectification r = rectifications.get(((Number) execution.getVariable("rectificationId")).longValue());
        execution.setVariables(rectifications.facts(r));
        rectifications.startedAs(r.id(), execution.getProcessInstanceId());
    }
}
