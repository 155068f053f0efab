package cn.pubdata.approval.datause;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What operators and their partners do to a data-use request: submit it, withdraw it. Each stores the domain change and
 * moves the process in one transaction: both or neither.
 */
@Service
public class DataUseSubmission {

    private final DataUses dataUses;
    private final RuntimeService runtime;
    private final Timeline timeline;

    public DataUseSubmission(DataUses dataUses, RuntimeService runtime, Timeline timeline) {
        this.dataUses = dataUses;
        this.runtime = runtime;
        this.timeline = timeline;
    }

    @Transactional
    public DataUseRequest submit(DataUseForm form, Actor actor) {
        return startReview(dataUses.register(form, actor));
    }

    /** Starts the review of a stored request: a new one, or the lines an upheld appeal or objection re-opened. */
    @Transactional
    public DataUseRequest startReview(DataUseRequest request) {
        runtime.startProcessInstanceByKey(
                DataUseProcess.KEY, Subjects.dataUse(request.getId()), Map.of("requestId", request.getId()));
        return dataUses.get(request.getId());
    }

    /** APL-02: a refused request still waiting in its appeal period is reviewed again in its own instance. */
    @Transactional
    public void reviewAgain(DataUseRequest refused, String appealSubject, String word) {
        dataUses.reviewAgain(refused.getId(), appealSubject, word);
        runtime.createMessageCorrelation(DataUseProcess.MESSAGE_APPEAL_UPHELD)
                .processInstanceId(refused.getProcessInstanceId())
                .correlate();
    }

    /** Withdraws a request still in review; another operator's request is not found. */
    @Transactional
    public void withdraw(long id, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "请写明撤回理由");
        }
        DataUseRequest request = dataUses.ownRequest(id, actor);
        if (request.getStatus() != DataUseStatus.IN_REVIEW) {
            throw Problem.conflict("数据需求申请已结束（" + request.getStatus().label() + "），不能撤回");
        }
        timeline.record(
                Subjects.dataUse(id), "撤回数据需求申请", reason.trim(), actor.label(), "withdraw:" + Subjects.dataUse(id));
        runtime.createMessageCorrelation(DataUseProcess.MESSAGE_WITHDRAWN)
                .processInstanceId(request.getProcessInstanceId())
                .setVariable("withdrawalReason", reason.trim())
                .correlate();
    }
}
