package cn.pubdata.approval.developer;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Every developer application's process starts from its stored facts, and the application knows its instance. */
@Component("developerStart")
public class DeveloperStart implements ExecutionListener {

    private final Developers developers;

    public DeveloperStart(Developers developers) {
        this.developers = developers;
    }

    @Override
    public void notify(DelegateExecution execution) {
        DeveloperApplication application =
                developers.get(((Number) execution.getVariable("developerApplicationId")).longValue());
        execution.setVariables(developers.facts(application));
        developers.startedAs(application.id(), execution.getProcessInstanceId());
    }
}
