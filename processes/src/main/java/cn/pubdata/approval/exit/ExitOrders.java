package cn.pubdata.approval.exit;

import cn.pubdata.approval.agreement.AgreementStates;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.Optional;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The models' way to an exit: another flow's throw event orders one ({@code ${exitOrders.order(execution,
 * 'EVALUATION_FAILED')}}) with the reason it holds in {@code exitReason}; an exit already under way for the agreement
 * takes the new ground on its timeline instead of a second exit. Also the exit's own expressions.
 */
@Component("exitOrders")
public class ExitOrders {

    private final ExitSubmission submission;
    private final ExitCases exits;
    private final AgreementStates states;
    private final Timeline timeline;
    private final RuntimeService runtime;

    public ExitOrders(
            ExitSubmission submission,
            ExitCases exits,
            AgreementStates states,
            Timeline timeline,
            RuntimeService runtime) {
        this.submission = submission;
        this.exits = exits;
        this.states = states;
        this.timeline = timeline;
        this.runtime = runtime;
    }

    public void order(DelegateExecution execution, String trigger) {
        long agreementId = ((Number) execution.getVariable("agreementId")).longValue();
        Object reason = execution.getVariable("exitReason");
        ExitTrigger ground = ExitTrigger.valueOf(trigger);
        String text = reason == null ? ground.label() : reason.toString();
        Optional<ExitCase> running = exits.running(agreementId);
        if (running.isPresent()) {
            timeline.record(
                    Subjects.exit(running.get().id()),
                    "又出现退出情形：" + ground.label(),
                    text + "（来源：" + execution.getBusinessKey() + "）",
                    "系统",
                    "exit-ground:" + execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId());
            return;
        }
        submission.order(
                new ExitOrder(
                        agreementId, ground, text, null, null, null, null, null, null, execution.getBusinessKey()),
                Actor.system());
    }

    /** The agreement's term flow ends: no more evaluations, reports or renewal reminders. */
    public void endTerm(DelegateExecution execution) {
        long agreementId = ((Number) execution.getVariable("agreementId")).longValue();
        states.termProcessOf(agreementId)
                .ifPresent(pid -> runtime.createMessageCorrelation(ExitProcess.MESSAGE_TERM_ENDED)
                        .processInstanceId(pid)
                        .correlateAll());
    }

    /** EXIT-03: whether the plan is on file already (filed with the request, or ahead of expiry). */
    public boolean planFiled(Number exitId) {
        return exits.get(exitId.longValue()).planFiledAt() != null;
    }

    public boolean waitsForExitDay(Number exitId) {
        return exits.waitsForExitDay(exitId.longValue());
    }
}
