package cn.pubdata.approval.quality;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Every data-quality issue's process starts from the issue as recorded: its facts, and the reminder and due times its
 * timers wait for; the issue knows its process instance.
 */
@Component("qualityIssueStart")
public class QualityIssueStart implements ExecutionListener {

    private final QualityIssues issues;

    public QualityIssueStart(QualityIssues issues) {
        this.issues = issues;
    }

    @Override
    public void notify(DelegateExecution execution) {
        QualityIssue issue = issues.get(((Number) execution.getVariable("issueId")).longValue());
        execution.setVariables(issues.facts(issue));
        issues.startedAs(issue, execution.getProcessInstanceId());
    }
}
