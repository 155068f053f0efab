package cn.pubdata.approval.scenario;

import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives a reviewer's task the rows its form decides, one per demand line: a provider unit its own lines, the province
 * the lines on returned data. Set on the task's own execution (a multi-instance review has one per unit), where the
 * completed form's answers land.
 */
@Component("scenarioTaskRows")
public class ScenarioTaskRows implements TaskListener {

    private final Scenarios scenarios;

    public ScenarioTaskRows(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("scenarioId")).longValue();
        Object rows = switch (task.getTaskDefinitionKey()) {
            case ScenarioProcess.TASK_PROVIDER_REVIEW ->
                scenarios.providerRows(id, (String) task.getVariable("reviewGroup"));
            case ScenarioProcess.TASK_PROVINCIAL_CONSENT -> scenarios.provinceRows(id);
            default -> throw new IllegalStateException("no rows for task " + task.getTaskDefinitionKey());
        };
        task.getExecution().setVariableLocal("lines", rows);
    }
}
