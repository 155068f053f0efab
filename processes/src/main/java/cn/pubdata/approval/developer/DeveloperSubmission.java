package cn.pubdata.approval.developer;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.Date;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the developer and the operator do to an application: apply, decide, record the agreement, file the staff,
 * remove the developer. Each stores the domain change and moves the process in one transaction: both or neither.
 */
@Service
public class DeveloperSubmission {

    private final Developers developers;
    private final RuntimeService runtime;
    private final OpenSteps steps;
    private final Timeline timeline;

    public DeveloperSubmission(Developers developers, RuntimeService runtime, OpenSteps steps, Timeline timeline) {
        this.developers = developers;
        this.runtime = runtime;
        this.steps = steps;
        this.timeline = timeline;
    }

    @Transactional
    public DeveloperApplication apply(DeveloperApplicationForm form, Actor actor, String companyName) {
        return startReview(developers.apply(form, actor, companyName));
    }

    /** Starts the operator's review of a stored application (a new one, or one an upheld appeal re-opened). */
    @Transactional
    public DeveloperApplication startReview(DeveloperApplication application) {
        runtime.startProcessInstanceByKey(
                DeveloperProcess.KEY,
                Subjects.developerApplication(application.id()),
                Map.of("developerApplicationId", application.id()));
        return developers.get(application.id());
    }

    /** DEV-05: the operator's decision. */
    @Transactional
    public DeveloperApplication decide(long id, DeveloperDecision decision, Actor actor) {
        DeveloperApplication decided = developers.decide(id, decision, actor);
        correlate(
                decided,
                DeveloperProcess.MESSAGE_DECIDED,
                Map.of("developerApproved", Boolean.TRUE.equals(decision.approve())));
        return developers.get(id);
    }

    /** DEV-06: the agreement; its end is when the access ends unless it ends earlier. */
    @Transactional
    public DeveloperApplication recordAgreement(long id, DevelopmentAgreement agreement, Actor actor) {
        DeveloperApplication signed = developers.recordAgreement(id, agreement, actor);
        Date endsAt = Date.from(signed.agreementEndsOn()
                .plusDays(1)
                .atStartOfDay(Clocks.BEIJING)
                .toInstant());
        correlate(signed, DeveloperProcess.MESSAGE_AGREEMENT_SIGNED, Map.of("accessEndsAt", endsAt));
        return developers.get(id);
    }

    /** DEV-08: the staff filing; access opens after it. */
    @Transactional
    public DeveloperApplication fileStaff(long id, StaffFiling filing, Actor actor) {
        DeveloperApplication filed = developers.fileStaff(id, filing, actor);
        correlate(filed, DeveloperProcess.MESSAGE_STAFF_FILED, Map.of());
        return developers.get(id);
    }

    /** The operator removes a developer with its reason; the access ends. */
    @Transactional
    public DeveloperApplication remove(long id, String reason, Actor actor) {
        DeveloperApplication application = developers.checkRemoval(id, reason, actor);
        timeline.record(
                Subjects.developerApplication(id),
                "运营机构移除开发利用主体",
                reason.trim(),
                actor.label(),
                "developer-removed:" + id);
        correlate(application, DeveloperProcess.MESSAGE_REMOVED, Map.of("accessEndReason", "运营机构移除：" + reason.trim()));
        return developers.get(id);
    }

    private void correlate(DeveloperApplication application, String message, Map<String, Object> variables) {
        if (!steps.waitsFor(application.processInstanceId(), message)) {
            throw Problem.conflict("入驻流程当前不在等待这一步（" + application.status().label() + "）");
        }
        runtime.createMessageCorrelation(message)
                .processInstanceId(application.processInstanceId())
                .setVariables(variables)
                .correlate();
    }
}
