package cn.pubdata.approval.datause;

import cn.pubdata.approval.task.LineChecklist;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives each reviewer's task what its form lists, and nothing more: the authority the whole request, each provider
 * unit a box for each of its own lines (on its own multi-instance execution, where its answers land), the province a box
 * for each line on returned data. A provider never receives another unit's lines.
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
                LineChecklist.offer(task, dataUses.providerOptions(id, (String) task.getVariable("reviewGroup")));
            case DataUseProcess.TASK_PROVINCIAL_CONSENT -> LineChecklist.offer(task, dataUses.provinceOptions(id));
            default -> throw new IllegalStateException("no rows for task " + task.getTaskDefinitionKey());
        }
    }
}
