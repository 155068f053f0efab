package cn.pubdata.approval.quality;

import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.identity.CurrentUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data-quality issues an operator raises against a line of its approved scenario, answered by the line's provider. */
@RestController
@RequestMapping("/api/quality-issues")
class QualityIssueController {

    private final QualityIssueSubmission submission;
    private final QualityIssues issues;
    private final QualityIssueProgress progress;
    private final CurrentUser user;

    QualityIssueController(
            QualityIssueSubmission submission, QualityIssues issues, QualityIssueProgress progress, CurrentUser user) {
        this.submission = submission;
        this.issues = issues;
        this.progress = progress;
        this.user = user;
    }

    @PostMapping
    ResponseEntity<QualityIssue> raise(@RequestBody QualityIssueForm form) {
        QualityIssue issue = submission.raise(form, user.actor());
        return ResponseEntity.created(URI.create("/api/quality-issues/" + issue.getId()))
                .body(issues.get(issue.getId()));
    }

    /** An operator's own issues; a provider unit sees those raised against its lines. */
    @GetMapping
    List<QualityIssue> list(@RequestParam(required = false) String group) {
        if (user.isOperator()) {
            return issues.ofOperator(user.creditCode());
        }
        if (group == null || !user.groups().contains(group)) {
            throw Problem.invalid("group", "请指明本单位的信箱，可选：" + String.join("、", user.groups()));
        }
        return issues.ofProviderGroup(group);
    }

    @GetMapping("/{id}/progress")
    QualityIssueProgress.Progress progress(@PathVariable long id) {
        user.requireOwn(issues.get(id).getCreditCode(), "数据质量问题 " + id + " 不存在");
        return progress.of(id);
    }
}
