package cn.pubdata.approval.developer;

import cn.pubdata.approval.policy.PolicyProfiles;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The authority's consent task shows the rules and, for comparison, the operation plan's section on them (DEV-03). */
@Component("partnerRulesStart")
public class PartnerRulesStart implements ExecutionListener {

    private final PartnerRulesBook rules;
    private final PolicyProfiles profiles;

    public PartnerRulesStart(PartnerRulesBook rules, PolicyProfiles profiles) {
        this.rules = rules;
        this.profiles = profiles;
    }

    @Override
    public void notify(DelegateExecution execution) {
        PartnerRules r = rules.get(((Number) execution.getVariable("rulesId")).longValue());
        execution.setVariable("companyName", r.companyName());
        execution.setVariable("operatorCreditCode", r.creditCode());
        execution.setVariable("jurisdictionName", profiles.of(r.jurisdiction()).name());
        execution.setVariable("partnerConditions", r.partnerConditions());
        execution.setVariable("managementRules", r.managementRules());
        execution.setVariable("planDeveloperSection", limit(rules.planSection(r)));
        rules.startedAs(r.id(), execution.getProcessInstanceId());
    }

    /** String process variables hold at most 4000 characters. */
    private static String limit(String text) {
        return text.length() <= 3900 ? text : text.substring(0, 3900) + "…（全文见运营方案）";
    }
}
