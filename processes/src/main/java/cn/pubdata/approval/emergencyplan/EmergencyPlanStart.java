package cn.pubdata.approval.emergencyplan;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The review shows the updated plan beside the one that governs now, and goes to the authority and, as a parallel
 * review of their own, to the profile's security members (SEC-08: the authority draws up the plan with 网信, 密码管理, 保密, 公安 and 国家安全), as the
 * profile version the review started with names them.
 */
@Component("emergencyPlanStart")
public class EmergencyPlanStart implements ExecutionListener {

    private final EmergencyPlans plans;
    private final Agreements agreements;
    private final PolicyProfiles profiles;

    public EmergencyPlanStart(EmergencyPlans plans, Agreements agreements, PolicyProfiles profiles) {
        this.plans = plans;
        this.agreements = agreements;
        this.profiles = profiles;
    }

    @Override
    public void notify(DelegateExecution execution) {
        EmergencyPlan plan = plans.get(((Number) execution.getVariable("planId")).longValue());
        Agreement agreement = agreements.find(plan.agreementId()).orElseThrow();
        int version = profiles.currentVersion(agreement.jurisdiction());
        PolicyProfile profile = profiles.of(agreement.jurisdiction(), version);
        execution.setVariable("profileVersion", version);
        execution.setVariable("securityMemberGroups", String.join(",", profile.coordinationGroups()));
        execution.setVariable("companyName", agreements.operatorName(agreement));
        execution.setVariable("operatorCreditCode", agreement.creditCode());
        execution.setVariable("jurisdictionName", profile.name());
        execution.setVariable("agreementNo", agreement.agreementNo());
        execution.setVariable("planFileName", plan.fileName() + "（文件编号 " + plan.documentId() + "）");
        execution.setVariable("planChanges", plan.changes());
        execution.setVariable(
                "governingPlan",
                plans.governing(agreement.id())
                        .map(p -> p.fileName() + "（文件编号 " + p.documentId() + "）")
                        .orElse("（无）"));
        plans.startedAs(plan.id(), execution.getProcessInstanceId());
    }
}
