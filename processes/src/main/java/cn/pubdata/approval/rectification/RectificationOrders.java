package cn.pubdata.approval.rectification;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The models' way to a rectification: the evaluation's throw event orders one ({@code
 * ${rectificationOrders.order(execution, 'EVALUATION')}}) with the problems it holds in {@code rectificationProblems}.
 * Where a rectification is already open for the agreement, the new finding goes on its timeline: one round only.
 */
@Component("rectificationOrders")
public class RectificationOrders {

    private final RectificationSubmission submission;
    private final Rectifications rectifications;
    private final Timeline timeline;

    public RectificationOrders(RectificationSubmission submission, Rectifications rectifications, Timeline timeline) {
        this.submission = submission;
        this.rectifications = rectifications;
        this.timeline = timeline;
    }

    public void order(DelegateExecution execution, String trigger) {
        long agreementId = ((Number) execution.getVariable("agreementId")).longValue();
        Object problems = execution.getVariable("rectificationProblems");
        Object evaluationId = execution.getVariable("evaluationId");
        var open = rectifications.open(agreementId);
        if (open.isPresent()) {
            timeline.record(
                    Subjects.rectification(open.get().id()),
                    "评估又提出整改要求",
                    String.valueOf(problems) + "（来源：" + execution.getBusinessKey() + "）",
                    "系统",
                    "rectification-ground:" + execution.getProcessInstanceId());
            return;
        }
        submission.order(
                new RectificationOrder(
                        agreementId,
                        RectificationTrigger.valueOf(trigger),
                        problems == null ? "评估结果为限期整改" : problems.toString(),
                        null,
                        null,
                        null,
                        evaluationId instanceof Number n ? n.longValue() : null),
                Actor.system());
    }
}
