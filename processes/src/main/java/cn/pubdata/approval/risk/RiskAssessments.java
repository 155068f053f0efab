package cn.pubdata.approval.risk;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.required;
import static cn.pubdata.approval.task.TaskInput.signer;

import cn.pubdata.approval.task.InvalidDecision;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * SCN-10: checks the authority's assessment of a risk when it completes the task and records it through the risk
 * reports' service: the departments it assessed with, the assessment, the outcome the model continues with (close,
 * rectification, exit) and whether the case is referred to 网信 and 公安 (SEC-13, only where the profile provides it).
 */
@Component("riskAssessments")
public class RiskAssessments implements TaskListener {

    private static final Set<String> OUTCOMES =
            Arrays.stream(AssessmentOutcome.values()).map(Enum::name).collect(Collectors.toSet());

    private final RiskReports reports;
    private final Timeline timeline;

    public RiskAssessments(RiskReports reports, Timeline timeline) {
        this.reports = reports;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        long reportId = ((Number) task.getVariable("reportId")).longValue();
        String departments = required(task, "assessmentDepartments", "请填写会同评估的有关部门");
        String assessment = required(task, "riskAssessment", "请填写评估结论");
        AssessmentOutcome outcome = AssessmentOutcome.valueOf(choice(task, "assessmentOutcome", OUTCOMES, "请选择评估后的处理"));
        // SEC-13: breaches of network-security, data-security or personal-information law go to 网信 and 公安 where
        // the profile version the flow started with provides it (004); a flow started before the setting existed has no
        // such variable and keeps the referral it was offered then
        boolean refer = Boolean.TRUE.equals(task.getVariable("referToSecurity"));
        if (refer && Boolean.FALSE.equals(task.getVariable("referralOffered"))) {
            throw new InvalidDecision(task.getVariable("jurisdictionName")
                    + "的政策配置未规定移送网信、公安部门（SEC-13），请取消“移送网信、公安部门依法处理”的勾选；违法线索请按本地规定另行移交");
        }
        reports.assess(reportId, assessment, departments, outcome, actor(task));
        task.setVariable("referToSecurity", refer);
        if (refer) {
            reports.refer(reportId, "网信、公安部门", actor(task));
        }
        timeline.record(
                Subjects.riskReport(reportId),
                "风险评估：" + outcome.label(),
                "会同 " + departments + " 评估：" + assessment,
                signer(task),
                "task:" + task.getId());
    }
}
