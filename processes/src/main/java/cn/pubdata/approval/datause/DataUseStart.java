package cn.pubdata.approval.datause;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Every data-use review starts from the request's stored facts, and the request knows its process instance. */
@Component("dataUseStart")
public class DataUseStart implements ExecutionListener {

    private final DataUses dataUses;

    public DataUseStart(DataUses dataUses) {
        this.dataUses = dataUses;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DataUseRequest request = dataUses.get(((Number) execution.getVariable("requestId")).longValue());
        execution.setVariables(dataUses.facts(request));
        dataUses.startedAs(request, execution.getProcessInstanceId());
    }
}
