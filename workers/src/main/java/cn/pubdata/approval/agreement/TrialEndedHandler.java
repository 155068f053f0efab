package cn.pubdata.approval.agreement;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The trial period (ADM-16) is over: 试运营 → 运营中; an agreement in another state stays where it is. */
@Component
class TrialEndedHandler implements ExternalTaskHandler {

    private final AgreementLifecycle lifecycle;
    private final Timeline timeline;

    TrialEndedHandler(AgreementLifecycle lifecycle, Timeline timeline) {
        this.lifecycle = lifecycle;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "term-trial-ended";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long agreementId = task.longValue("agreementId");
        lifecycle.trialEnded(agreementId, Subjects.agreement(agreementId), task.dedupeKey("state"));
        timeline.record(Subjects.agreement(agreementId), "试运营期届满，转入正式运营", null, "系统", task.dedupeKey("timeline"));
        return Map.of();
    }
}
