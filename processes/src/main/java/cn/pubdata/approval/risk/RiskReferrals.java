package cn.pubdata.approval.risk;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.required;

import cn.pubdata.approval.policy.PolicyProfiles;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** SEC-13: 网信 or 公安 records how it handles a referred case; it goes on the operator's file. */
@Component("riskReferrals")
public class RiskReferrals implements TaskListener {

    private final RiskReports reports;
    private final PolicyProfiles profiles;

    public RiskReferrals(RiskReports reports, PolicyProfiles profiles) {
        this.reports = reports;
        this.profiles = profiles;
    }

    @Override
    public void notify(DelegateTask task) {
        long reportId = ((Number) task.getVariable("reportId")).longValue();
        String group = String.valueOf(task.getVariable("referralGroup"));
        String note = required(task, "handlingNote", "请填写处理意见");
        reports.recordHandling(reportId, profiles.groupName(group), note, actor(task), "task:" + task.getId());
    }
}
