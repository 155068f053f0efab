package cn.pubdata.approval.scenario;

import cn.pubdata.approval.task.LineChecklist;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives a reviewer's task the boxes its form decides, one per demand line: a provider unit its own lines, the
 * province the lines on returned data.
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
        List<Map<String, Object>> options = switch (task.getTaskDefinitionKey()) {
            case ScenarioProcess.TASK_PROVIDER_REVIEW ->
                scenarios.providerOptions(id, (String) task.getVariable("reviewGroup"));
            case ScenarioProcess.TASK_PROVINCIAL_CONSENT -> scenarios.provinceOptions(id);
            default -> throw new IllegalStateException("no rows for task " + task.getTaskDefinitionKey());
        };
        LineChecklist.offer(task, options);
    }
}
