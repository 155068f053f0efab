package cn.pubdata.approval.rectification;

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

/** Rectifications and inspections: the authority orders with evidence, the operator files its plan and report. */
@RestController
@RequestMapping("/api")
class RectificationController {

    record FileRequest(String text, List<Long> documentIds) {}

    record InspectionRequest(
            Long agreementId,
            java.time.LocalDate inspectedOn,
            String areas,
            String departments,
            String findings,
            boolean orderRectification,
            java.time.LocalDate deadline,
            List<Long> evidenceDocumentIds) {}

    private final RectificationSubmission submission;
    private final Rectifications rectifications;
    private final RectificationProgress progress;
    private final CurrentUser user;

    RectificationController(
            RectificationSubmission submission,
            Rectifications rectifications,
            RectificationProgress progress,
            CurrentUser user) {
        this.submission = submission;
        this.rectifications = rectifications;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping("/rectifications")
    ResponseEntity<Rectification> order(@RequestBody RectificationOrder order) {
        Rectification r = submission.order(
                order == null
                        ? null
                        : new RectificationOrder(
                                order.agreementId(),
                                order.trigger() == RectificationTrigger.EVALUATION ? null : order.trigger(),
                                order.problems(),
                                order.evidence(),
                                order.evidenceDocumentIds(),
                                order.deadline(),
                                null),
                user.actor());
        return ResponseEntity.created(URI.create("/api/rectifications/" + r.id()))
                .body(r);
    }

    @GetMapping("/rectifications/{id}/progress")
    RectificationProgress.Progress progress(@PathVariable long id) {
        rectifications.getOf(id, user.actor());
        return progress.of(id);
    }

    @PostMapping("/rectifications/{id}/plan")
    Rectification plan(@PathVariable long id, @RequestBody FileRequest request) {
        return submission.filePlan(id, request.text(), request.documentIds(), user.actor());
    }

    @PostMapping("/rectifications/{id}/report")
    Rectification report(@PathVariable long id, @RequestBody FileRequest request) {
        return submission.fileReport(id, request.text(), request.documentIds(), user.actor());
    }

    /** RECT-11: an inspection with its findings, sent to the operator; it may open a rectification. */
    @PostMapping("/inspections")
    ResponseEntity<Inspections.Inspection> inspect(@RequestBody InspectionRequest request) {
        Inspections.Inspection inspection = submission.inspect(
                new Inspections.InspectionForm(
                        request.agreementId(),
                        request.inspectedOn(),
                        request.areas(),
                        request.departments(),
                        request.findings(),
                        request.orderRectification(),
                        request.deadline()),
                request.evidenceDocumentIds() == null ? List.of() : request.evidenceDocumentIds(),
                user.actor());
        return ResponseEntity.created(URI.create("/api/inspections/" + inspection.id()))
                .body(inspection);
    }
}
