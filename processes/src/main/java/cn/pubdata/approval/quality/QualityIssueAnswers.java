package cn.pubdata.approval.quality;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** CAT-06: checks the provider's answer to a data-quality issue and records it through the issues' service. */
@Component("qualityIssueAnswers")
public class QualityIssueAnswers implements TaskListener {

    private static final Set<String> RESOLUTIONS =
            Arrays.stream(QualityResolution.values()).map(Enum::name).collect(Collectors.toSet());

    private final QualityIssues issues;
    private final Timeline timeline;

    public QualityIssueAnswers(QualityIssues issues, Timeline timeline) {
        this.issues = issues;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        long issueId = ((Number) task.getVariable("issueId")).longValue();
        QualityResolution resolution =
                QualityResolution.valueOf(choice(task, "qualityResolution", RESOLUTIONS, "请选择处理结果"));
        String answer = required(task, "qualityAnswer", "请填写处理情况和答复");
        issues.answer(issueId, resolution, answer, actor(task));
        QualityIssue issue = issues.get(issueId);
        int late = issues.workingDaysLate(issue);
        timeline.record(
                Subjects.qualityIssue(issueId),
                "数据提供单位答复：" + resolution.label() + (late > 0 ? "（逾期 " + late + " 个工作日）" : ""),
                answer,
                signer(task),
                "task:" + task.getId());
    }
}
