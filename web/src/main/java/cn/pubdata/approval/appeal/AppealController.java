package cn.pubdata.approval.appeal;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.timeline.TimelineEntry;
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
 * Appeals (申诉, APL-01): a developer's against a refusal to join or (003) against the operator's refusal of its data
 * product in the out-of-domain review, and in 003 an operator's against a refused data-use request; objections (异议, APL-04): in 004 an operator's against a provider's refusal of a data-use line. Further
 * material, the appellant's list and each one's progress (APL-02).
 */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

    record AppealRequest(Long applicationId, String grounds) {}

    record DataUseAppealRequest(Long requestId, String grounds) {}

    record ProductAppealRequest(Long productId, String grounds) {}

    record ObjectionRequest(Long requestId, Integer lineNo, String grounds) {}

    record MaterialRequest(String material) {}

    record AppealView(Appeal appeal, String word, String statusLabel, List<TimelineEntry> timeline) {}

    record AppealItem(Appeal appeal, String word, String statusLabel) {}

    private final AppealSubmission submission;
    private final Appeals appeals;
    private final Timeline timeline;
    private final CurrentUser user;

    AppealController(AppealSubmission submission, Appeals appeals, Timeline timeline, CurrentUser user) {
        this.submission = submission;
        this.appeals = appeals;
        this.timeline = timeline;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<Appeal> file(@RequestBody AppealRequest request) {
        if (request == null || request.applicationId() == null) {
            throw Problem.invalid("applicationId", "请选择被申诉的入驻申请");
        }
        return created(submission.file(request.applicationId(), request.grounds(), user.actor()));
    }

    private static ResponseEntity<Appeal> created(Appeal appeal) {
        return ResponseEntity.created(URI.create("/api/appeals/" + appeal.id())).body(appeal);
    }

    /** APL-01 (003): the operator appeals the refusal of its data-use request. */
    @PostMapping("/data-use")
    ResponseEntity<Appeal> fileAgainstDataUse(@RequestBody DataUseAppealRequest request) {
        if (request == null || request.requestId() == null) {
            throw Problem.invalid("requestId", "请选择被申诉的数据需求申请");
        }
        return created(submission.fileAgainstDataUse(request.requestId(), request.grounds(), user.actor()));
    }

    /** APL-01 (003): a developer appeals the operator's refusal of its data product in the out-of-domain review. */
    @PostMapping("/products")
    ResponseEntity<Appeal> fileAgainstProduct(@RequestBody ProductAppealRequest request) {
        if (request == null || request.productId() == null) {
            throw Problem.invalid("productId", "请选择被申诉的数据产品");
        }
        return created(submission.fileAgainstProduct(request.productId(), request.grounds(), user.actor()));
    }

    /** APL-04 (004): the operator objects to a provider's refusal of one line of its data-use request. */
    @PostMapping("/objections")
    ResponseEntity<Appeal> object(@RequestBody ObjectionRequest request) {
        if (request == null || request.requestId() == null) {
            throw Problem.invalid("requestId", "请选择提出异议的数据需求申请");
        }
        return created(submission.objectToLine(request.requestId(), request.lineNo(), request.grounds(), user.actor()));
    }

    /** The caller's company's appeals and objections, newest first. */
    @GetMapping
    List<AppealItem> mine() {
        Actor actor = user.actor();
        if (actor.creditCode() == null) {
            return List.of();
        }
        return appeals.ofAppellant(actor.creditCode()).stream()
                .map(a -> new AppealItem(a, a.word(), a.statusLabel()))
                .toList();
    }

    @PostMapping("/{id}/material")
    Appeal material(@PathVariable long id, @RequestBody MaterialRequest request) {
        return submission.addMaterial(id, request == null ? null : request.material(), user.actor());
    }

    /** The appellant's own appeal, or any appeal for a reviewer; others find nothing. */
    @GetMapping("/{id}")
    AppealView get(@PathVariable long id) {
        Actor actor = user.actor();
        Appeal appeal = actor.kind() == Actor.Kind.REVIEWER ? appeals.get(id) : appeals.ownAppeal(id, actor);
        return new AppealView(appeal, appeal.word(), appeal.statusLabel(), timeline.of(Subjects.appeal(id)));
    }
}
