package cn.pubdata.approval.exit;

import cn.pubdata.approval.identity.CurrentUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exits: the operator's early termination (with its liability where the profile asks) and its exit plan ahead of
 * expiry; the authority's termination with evidence; the exit plan and the deletion record during an exit; progress.
 */
@RestController
@RequestMapping("/api/exits")
class ExitController {

    record PlanRequest(String plan, List<Long> documentIds) {}

    record PlanAheadRequest(Long agreementId, String plan, List<Long> documentIds) {}

    record DeletionRequest(String note, Long documentId) {}

    private final ExitSubmission submission;
    private final ExitCases exits;
    private final ExitProgress progress;
    private final CurrentUser user;

    ExitController(ExitSubmission submission, ExitCases exits, ExitProgress progress, CurrentUser user) {
        this.submission = submission;
        this.exits = exits;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<ExitCase> order(@RequestBody ExitOrder order) {
        ExitCase exit = submission.order(
                order == null
                        ? null
                        : new ExitOrder(
                                order.agreementId(),
                                order.trigger(),
                                order.reason(),
                                order.evidence(),
                                order.evidenceDocumentIds(),
                                order.exitDate(),
                                order.liabilityAccepted(),
                                order.liabilityStatement(),
                                order.plan(),
                                null),
                user.actor());
        return ResponseEntity.created(URI.create("/api/exits/" + exit.id())).body(exit);
    }

    @GetMapping("/{id}/progress")
    ExitProgress.Progress progress(@PathVariable long id) {
        exits.getOf(id, user.actor());
        return progress.of(id);
    }

    @PostMapping("/{id}/plan")
    ExitCase plan(@PathVariable long id, @RequestBody PlanRequest request) {
        return submission.filePlan(id, request.plan(), request.documentIds(), user.actor());
    }

    /** EXIT-03: an operator that will not renew files its exit plan ahead of expiry (001). */
    @PostMapping("/plan-ahead")
    ExitCase planAhead(@RequestBody PlanAheadRequest request) {
        if (request.agreementId() == null) {
            throw cn.pubdata.approval.common.Problem.invalid("agreementId", "请选择授权运营协议");
        }
        return submission.filePlanAhead(request.agreementId(), request.plan(), request.documentIds(), user.actor());
    }

    @PostMapping("/{id}/deletion")
    ExitCase deletion(@PathVariable long id, @RequestBody DeletionRequest request) {
        return submission.reportDeletion(id, request.note(), request.documentId(), user.actor());
    }
}
