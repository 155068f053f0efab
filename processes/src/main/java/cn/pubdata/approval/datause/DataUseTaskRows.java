package cn.pubdata.approval.datause;

import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives each reviewer's task what its form lists, and nothing more: the authority the whole request, each provider
 * unit the rows of its own lines (on its own multi-instance execution, where its answers land), the province the rows
 * of the lines on returned data. A provider never receives another unit's lines.
 */
@Component("dataUseTaskRows")
public class DataUseTaskRows implements TaskListener {

    private final DataUses dataUses;

    public DataUseTaskRows(DataUses dataUses) {
        this.dataUses = dataUses;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("requestId")).longValue();
        switch (task.getTaskDefinitionKey()) {
            case DataUseProcess.TASK_IRS_REVIEW -> task.setVariableLocal("requestedLines", dataUses.requestedList(id));
            case DataUseProcess.TASK_PROVIDER_REVIEW ->
                task.getExecution()
                        .setVariableLocal("lines", dataUses.providerRows(id, (String) task.getVariable("reviewGroup")));
            case DataUseProcess.TASK_PROVINCIAL_CONSENT ->
                task.getExecution().setVariableLocal("lines", dataUses.provinceRows(id));
            default -> throw new IllegalStateException("no rows for task " + task.getTaskDefinitionKey());
        }
    }
}
