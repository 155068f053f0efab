package cn.pubdata.approval.quality;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.timeline.Subjects;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator raises a data-quality issue (CAT-06): the issue is stored and its process started in one transaction. */
@Service
public class QualityIssueSubmission {

    private final QualityIssues issues;
    private final RuntimeService runtime;

    public QualityIssueSubmission(QualityIssues issues, RuntimeService runtime) {
        this.issues = issues;
        this.runtime = runtime;
    }

    @Transactional
    public QualityIssue raise(QualityIssueForm form, Actor actor) {
        QualityIssue issue = issues.raise(form, actor);
        runtime.startProcessInstanceByKey(
                QualityIssueProcess.KEY, Subjects.qualityIssue(issue.getId()), Map.of("issueId", issue.getId()));
        return issues.get(issue.getId());
    }
}
