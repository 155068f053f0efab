package cn.pubdata.approval.developer;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.timeline.Subjects;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator submits its partner rules (DEV-01, DEV-02): stored and sent for the authority's consent at once. */
@Service
public class PartnerRulesSubmission {

    private final PartnerRulesBook rules;
    private final RuntimeService runtime;

    public PartnerRulesSubmission(PartnerRulesBook rules, RuntimeService runtime) {
        this.rules = rules;
        this.runtime = runtime;
    }

    @Transactional
    public PartnerRules submit(PartnerRulesForm form, Actor actor) {
        PartnerRules submitted = rules.submit(form, actor);
        runtime.startProcessInstanceByKey(
                DeveloperProcess.RULES_KEY, Subjects.partnerRules(submitted.id()), Map.of("rulesId", submitted.id()));
        return rules.get(submitted.id());
    }
}
