package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Annual evaluations and security reports: the operator files its report and follows its evaluation. */
@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {

    private final EvaluationSubmission submission;
    private final Evaluations evaluations;
    private final EvaluationProgress progress;
    private final CurrentUser user;

    EvaluationController(
            EvaluationSubmission submission, Evaluations evaluations, EvaluationProgress progress, CurrentUser user) {
        this.submission = submission;
        this.evaluations = evaluations;
        this.progress = progress;
        this.user = user;
    }

    @GetMapping("/{id}/progress")
    EvaluationProgress.Progress progress(@PathVariable long id) {
        evaluations.getOf(id, user.actor());
        return progress.of(id);
    }

    @PostMapping("/{id}/report")
    Evaluation report(@PathVariable long id, @RequestBody EvaluationReport report) {
        return submission.fileReport(id, report, user.actor());
    }
}
