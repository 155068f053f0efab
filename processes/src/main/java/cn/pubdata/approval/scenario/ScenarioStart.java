package cn.pubdata.approval.scenario;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Every scenario review starts from its stored facts, whether the portal started it or an admission called it
 * (SCN-02): the forms' variables come from the scenario's service, and the scenario knows its process instance.
 */
@Component("scenarioStart")
public class ScenarioStart implements ExecutionListener {

    private final Scenarios scenarios;

    public ScenarioStart(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Scenario scenario = scenarios.get(((Number) execution.getVariable("scenarioId")).longValue());
        execution.setVariables(scenarios.facts(scenario));
        execution.setVariable("withinAdmission", scenario.getAdmissionApplicationId() != null);
        execution.setVariable("supplementRounds", 0);
        execution.setVariable("expertConsultation", false);
        execution.setVariable("reviewSummary", "");
        scenarios.startedAs(scenario, execution.getProcessInstanceId());
    }
}
