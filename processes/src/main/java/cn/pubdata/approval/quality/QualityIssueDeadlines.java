package cn.pubdata.approval.quality;

import cn.pubdata.approval.calendar.DeadlineRecount;
import cn.pubdata.approval.calendar.DeadlineTimers;
import cn.pubdata.approval.progress.OpenSteps;
import java.util.Date;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A data-quality issue keeps its due and reminder times in its row and in the variables its boundary timers wait for;
 * once the year they counted through is entered, both move, and so do the timers.
 */
@Component
class QualityIssueDeadlines implements DeadlineRecount {

    private final QualityIssues issues;
    private final RuntimeService runtime;
    private final OpenSteps steps;
    private final DeadlineTimers timers;

    QualityIssueDeadlines(QualityIssues issues, RuntimeService runtime, OpenSteps steps, DeadlineTimers timers) {
        this.issues = issues;
        this.runtime = runtime;
        this.steps = steps;
        this.timers = timers;
    }

    @Override
    public int recount(int year) {
        int moved = 0;
        for (QualityIssues.Rescheduled r : issues.recount(year)) {
            String pid = r.issue().getProcessInstanceId();
            if (steps.running(pid)) {
                Map<String, Object> facts = issues.facts(r.issue());
                runtime.setVariables(
                        pid,
                        Map.of(
                                "dueAt",
                                facts.get("dueAt"),
                                "remindAt",
                                facts.get("remindAt"),
                                "dueDay",
                                facts.get("dueDay")));
                timers.move(pid, Date.from(r.dueAtBefore()), Date.from(r.issue().getDueAt()));
                timers.move(
                        pid, Date.from(r.remindAtBefore()), Date.from(r.issue().getRemindAt()));
            }
            moved++;
        }
        return moved;
    }
}
