package cn.pubdata.approval.exit;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import java.util.List;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the operator, the authority and the other flows do to an exit: order it, file the exit plan, report the
 * deletion. Each stores the domain change and moves the process in one transaction: both or neither.
 */
@Service
public class ExitSubmission {

    private final ExitCases exits;
    private final PolicyProfiles profiles;
    private final RuntimeService runtime;
    private final OpenSteps steps;

    public ExitSubmission(ExitCases exits, PolicyProfiles profiles, RuntimeService runtime, OpenSteps steps) {
        this.exits = exits;
        this.profiles = profiles;
        this.runtime = runtime;
        this.steps = steps;
    }

    /** Begins an exit and its process (started by the ExitOrdered message, as every flow starts it). */
    @Transactional
    public ExitCase order(ExitOrder order, Actor actor) {
        ExitCase exit = exits.open(order, actor);
        runtime.createMessageCorrelation(ExitProcess.MESSAGE_ORDERED)
                .processInstanceBusinessKey(Subjects.exit(exit.id()))
                .setVariable("exitId", exit.id())
                .correlateStartMessage();
        return exits.get(exit.id());
    }

    /** EXIT-03: the operator's exit plan; the flow goes on if it waits for it. */
    @Transactional
    public ExitCase filePlan(long exitId, String plan, List<Long> documentIds, Actor actor) {
        ExitCase exit = exits.getOf(exitId, actor);
        if (exit.status() != ExitCase.Status.IN_PROGRESS) {
            throw Problem.conflict("退出程序已结束（" + exit.status().label() + "）");
        }
        if (!exits.filePlan(exitId, plan, documentIds, actor)) {
            throw Problem.conflict("退出方案已提交");
        }
        if (steps.waitsFor(exit.processInstanceId(), ExitProcess.MESSAGE_PLAN_FILED)) {
            runtime.createMessageCorrelation(ExitProcess.MESSAGE_PLAN_FILED)
                    .processInstanceId(exit.processInstanceId())
                    .correlate();
        }
        return exits.get(exitId);
    }

    /**
     * EXIT-01, EXIT-03: an operator that will not renew files its exit plan ahead of expiry; this begins its exit at
     * expiry, where the profile asks for a plan ahead (001). A running exit takes the plan instead.
     */
    @Transactional
    public ExitCase filePlanAhead(long agreementId, String plan, List<Long> documentIds, Actor actor) {
        var running = exits.running(agreementId);
        if (running.isPresent()) {
            return filePlan(running.get().id(), plan, documentIds, actor);
        }
        ExitOrder order = new ExitOrder(
                agreementId, ExitTrigger.EXPIRY, "协议期满不再续期，提前提交退出方案", null, null, null, null, null, plan, null);
        ExitCase opened = exits.open(order, actor);
        if (profiles.of(opened.jurisdiction(), opened.profileVersion()).exitPlanLeadMonths() == 0) {
            throw Problem.conflict("本辖区协议期满即按程序退出，无需提前提交退出方案");
        }
        runtime.createMessageCorrelation(ExitProcess.MESSAGE_ORDERED)
                .processInstanceBusinessKey(Subjects.exit(opened.id()))
                .setVariable("exitId", opened.id())
                .correlateStartMessage();
        return exits.get(opened.id());
    }

    /** EXIT-09, EXIT-10: the operator reports the deletion of its data with the deletion record as evidence. */
    @Transactional
    public ExitCase reportDeletion(long exitId, String note, Long documentId, Actor actor) {
        ExitCase exit = exits.getOf(exitId, actor);
        if (!steps.waitsFor(exit.processInstanceId(), ExitProcess.MESSAGE_DATA_DELETED)) {
            throw Problem.conflict("当前无需提交删除记录：平台使用权限关闭后，按通知删除数据再提交");
        }
        exits.recordDeletion(exitId, note, documentId, actor);
        runtime.createMessageCorrelation(ExitProcess.MESSAGE_DATA_DELETED)
                .processInstanceId(exit.processInstanceId())
                .correlate();
        return exits.get(exitId);
    }
}
