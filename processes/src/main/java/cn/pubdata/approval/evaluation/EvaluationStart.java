package cn.pubdata.approval.evaluation;

import java.time.LocalDate;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * An evaluation's process opens its record for the period the agreement-term flow gives (once: a period opened again
 * is the same evaluation), sets its facts — the profile version among them — and the record knows its instance.
 */
@Component("evaluationStart")
public class EvaluationStart implements ExecutionListener {

    private final Evaluations evaluations;

    public EvaluationStart(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Evaluation e = evaluations.open(
                ((Number) execution.getVariable("agreementId")).longValue(),
                Evaluation.Kind.valueOf((String) execution.getVariable("evaluationKind")),
                LocalDate.parse((String) execution.getVariable("periodFrom")),
                LocalDate.parse((String) execution.getVariable("periodTo")));
        execution.setVariables(evaluations.facts(e));
        evaluations.startedAs(e.id(), execution.getProcessInstanceId());
    }
}
