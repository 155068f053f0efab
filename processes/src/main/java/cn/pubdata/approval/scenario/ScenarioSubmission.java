package cn.pubdata.approval.scenario;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators, partners and provider units do to a scenario review: submit, supplement after a 补正, withdraw. Each
 * stores the domain change and moves the process in one transaction: both or neither.
 */
@Service
public class ScenarioSubmission {

    private final Scenarios scenarios;
    private final RuntimeService runtime;
    private final Timeline timeline;
    private final OpenSteps steps;
    private final Clock clock;

    public ScenarioSubmission(
            Scenarios scenarios, RuntimeService runtime, Timeline timeline, OpenSteps steps, Clock clock) {
        this.scenarios = scenarios;
        this.runtime = runtime;
        this.timeline = timeline;
        this.steps = steps;
        this.clock = clock;
    }

    @Transactional
    public Scenario submit(ScenarioForm form, Actor actor) {
        Scenario scenario = scenarios.register(form, actor);
        runtime.startProcessInstanceByKey(
                ScenarioProcess.KEY, Subjects.scenario(scenario.getId()), Map.of("scenarioId", scenario.getId()));
        return scenarios.get(scenario.getId());
    }

    @Transactional
    public Scenario supplement(long id, ScenarioForm form, Actor actor) {
        Scenario current = scenarios.get(id);
        if (!steps.waitsFor(current.getProcessInstanceId(), ScenarioProcess.MESSAGE_SUPPLEMENT_SUBMITTED)) {
            throw Problem.conflict("该场景当前无需补正：只有在被退回补正、且补正期限未过时才能提交补正材料");
        }
        Scenario scenario = scenarios.supplement(id, form, actor);
        timeline.record(
                Subjects.scenario(id),
                "提交补正材料",
                null,
                actor.label(),
                "supplement:" + Subjects.scenario(id) + ":" + clock.millis());
        runtime.createMessageCorrelation(ScenarioProcess.MESSAGE_SUPPLEMENT_SUBMITTED)
                .processInstanceId(scenario.getProcessInstanceId())
                .setVariables(scenarios.facts(scenario))
                .correlate();
        return scenario;
    }

    @Transactional
    public void withdraw(long id, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "请写明撤回理由");
        }
        Scenario scenario = scenarios.get(id);
        if (scenario.getStatus() != ScenarioStatus.IN_REVIEW) {
            throw Problem.conflict("场景申请已结束（" + scenario.getStatus().label() + "），不能撤回");
        }
        if (scenario.getAdmissionApplicationId() != null) {
            throw Problem.conflict("该场景随准入申请审核，请撤回准入申请");
        }
        timeline.record(
                Subjects.scenario(id), "撤回场景申请", reason.trim(), actor.label(), "withdraw:" + Subjects.scenario(id));
        runtime.createMessageCorrelation(ScenarioProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(scenario.getProcessInstanceId())
                .setVariable("withdrawalReason", reason.trim())
                .correlate();
    }
}
