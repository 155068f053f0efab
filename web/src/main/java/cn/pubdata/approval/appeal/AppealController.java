package cn.pubdata.approval.appeal;

import cn.pubdata.approval.common.Actor;
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

/** A developer's appeal against a refusal to join (APL-01), its further material, and its progress (APL-02). */
@RestController
@RequestMapping("/api/appeals")
class AppealController {

    record AppealRequest(Long applicationId, String grounds) {}

    record MaterialRequest(String material) {}

    record AppealView(Appeal appeal, String statusLabel, List<TimelineEntry> timeline) {}

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
            throw cn.pubdata.approval.common.Problem.invalid("applicationId", "请选择被申诉的入驻申请");
        }
        Appeal appeal = submission.file(request.applicationId(), request.grounds(), user.actor());
        return ResponseEntity.created(URI.create("/api/appeals/" + appeal.id())).body(appeal);
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
        return new AppealView(appeal, appeal.status().label(), timeline.of(Subjects.appeal(id)));
    }
}
