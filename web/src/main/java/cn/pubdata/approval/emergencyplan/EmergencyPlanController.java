package cn.pubdata.approval.emergencyplan;

import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * SEC-08 一授权一预案: the emergency plan that governs an agreement and the plans before it, on the agreement's page;
 * the operator files an updated plan there for the authority and the security members to review.
 */
@RestController
@RequestMapping("/api/lifecycle/agreements/{id}/emergency-plans")
class EmergencyPlanController {

    record FileRequest(Long documentId, String changes) {}

    /** The plan in force and every plan of the agreement, oldest first; the one in review, if any. */
    record Plans(EmergencyPlan governing, EmergencyPlan inReview, List<EmergencyPlan> history) {}

    private final EmergencyPlans plans;
    private final EmergencyPlanSubmission submission;
    private final Agreements agreements;
    private final CurrentUser user;

    EmergencyPlanController(
            EmergencyPlans plans, EmergencyPlanSubmission submission, Agreements agreements, CurrentUser user) {
        this.plans = plans;
        this.submission = submission;
        this.agreements = agreements;
        this.user = user;
    }

    @GetMapping
    Plans list(@PathVariable long id) {
        requireOwn(id);
        return new Plans(plans.governing(id).orElse(null), plans.inReview(id).orElse(null), plans.history(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EmergencyPlan file(@PathVariable long id, @RequestBody(required = false) FileRequest request) {
        requireOwn(id);
        return submission.file(
                new EmergencyPlanForm(
                        id, request == null ? null : request.documentId(), request == null ? null : request.changes()),
                user.actor());
    }

    private void requireOwn(long agreementId) {
        String owner = agreements
                .find(agreementId)
                .orElseThrow(() -> Problem.notFound("授权运营协议 " + agreementId + " 不存在"))
                .creditCode();
        user.requireOwn(owner, "授权运营协议 " + agreementId + " 不存在");
    }
}
