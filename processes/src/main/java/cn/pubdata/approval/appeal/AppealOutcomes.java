package cn.pubdata.approval.appeal;

import cn.pubdata.approval.developer.DeveloperApplication;
import cn.pubdata.approval.developer.DeveloperSubmission;
import cn.pubdata.approval.developer.Developers;
import cn.pubdata.approval.timeline.Subjects;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * APL-02: an upheld appeal re-runs the contested step. A refusal to join ends its instance, so the operator's review
 * starts again in a new instance of the developer flow, linked to the refused application.
 */
@Component("appealOutcomes")
public class AppealOutcomes {

    private final Appeals appeals;
    private final Developers developers;
    private final DeveloperSubmission submission;

    public AppealOutcomes(Appeals appeals, Developers developers, DeveloperSubmission submission) {
        this.appeals = appeals;
        this.developers = developers;
        this.submission = submission;
    }

    public void rerun(DelegateExecution execution) {
        Appeal appeal = appeals.get(((Number) execution.getVariable("appealId")).longValue());
        long refused = appeals.contestedApplication(appeal);
        DeveloperApplication again = developers
                .reopenedFrom(refused)
                .orElseGet(() -> submission.startReview(developers.reopenForAppeal(refused, appeal.id())));
        appeals.rerunAs(appeal.id(), Subjects.developerApplication(again.id()));
    }
}
