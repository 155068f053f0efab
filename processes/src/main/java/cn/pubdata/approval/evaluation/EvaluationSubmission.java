package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.progress.OpenSteps;
import java.time.LocalDate;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator files its report: stored and the flow moved in one transaction; and the start of a period's flow. */
@Service
public class EvaluationSubmission {

    private final Evaluations evaluations;
    private final RuntimeService runtime;
    private final OpenSteps steps;

    public EvaluationSubmission(Evaluations evaluations, RuntimeService runtime, OpenSteps steps) {
        this.evaluations = evaluations;
        this.runtime = runtime;
        this.steps = steps;
    }

    /** Starts the evaluation (or security report) of a period by its message, as the agreement-term flow does. */
    @Transactional
    public Evaluation start(long agreementId, Evaluation.Kind kind, LocalDate from, LocalDate to) {
        var instance = runtime.createMessageCorrelation(EvaluationProcess.MESSAGE_DUE)
                .processInstanceBusinessKey("AGR-" + agreementId + ":" + kind + ":" + from)
                .setVariables(Map.of(
                        "agreementId", agreementId,
                        "evaluationKind", kind.name(),
                        "periodFrom", from.toString(),
                        "periodTo", to.toString()))
                .correlateStartMessage();
        return evaluations.ofAgreement(agreementId).stream()
                .filter(e -> instance.getId().equals(e.processInstanceId()))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public Evaluation fileReport(long id, EvaluationReport report, Actor actor) {
        Evaluation e = evaluations.getOf(id, actor);
        if (!steps.waitsFor(e.processInstanceId(), EvaluationProcess.MESSAGE_REPORT_FILED)) {
            throw Problem.conflict("报告已不再受理（" + e.status().label() + "）");
        }
        Evaluation filed = evaluations.fileReport(id, report, actor);
        runtime.createMessageCorrelation(EvaluationProcess.MESSAGE_REPORT_FILED)
                .processInstanceId(e.processInstanceId())
                .correlate();
        return filed;
    }
}
