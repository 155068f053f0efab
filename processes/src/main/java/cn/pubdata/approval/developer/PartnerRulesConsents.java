package cn.pubdata.approval.developer;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.required;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** DEV-02: checks the authority's consent to an operator's partner rules and records it through the rules' service. */
@Component("partnerRulesConsents")
public class PartnerRulesConsents implements TaskListener {

    private final PartnerRulesBook rules;
    private final Timeline timeline;

    public PartnerRulesConsents(PartnerRulesBook rules, Timeline timeline) {
        this.rules = rules;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = ((Number) task.getVariable("rulesId")).longValue();
        boolean consent = choice(task, "rulesDecision", Set.of("consent", "refuse"), "请选择同意或不同意")
                .equals("consent");
        String note = required(task, "rulesDecisionNote", "请填写审核意见");
        rules.decide(id, consent, note, actor(task));
        timeline.record(
                Subjects.partnerRules(id),
                consent ? "数据主管部门同意合伙人规则" : "数据主管部门不同意合伙人规则",
                note,
                actor(task),
                "task:" + task.getId());
    }
}
