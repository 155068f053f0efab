package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.calendar.DeadlineRecount;
import cn.pubdata.approval.calendar.DeadlineTimers;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.progress.OpenSteps;
import java.util.Date;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * An evaluation keeps its report's due time in its row and in the variable its overdue timer waits for; once the year
 * it counted through is entered, both move, and so does the timer.
 */
@Component
class EvaluationDeadlines implements DeadlineRecount {

    private final Evaluations evaluations;
    private final RuntimeService runtime;
    private final OpenSteps steps;
    private final DeadlineTimers timers;

    EvaluationDeadlines(Evaluations evaluations, RuntimeService runtime, OpenSteps steps, DeadlineTimers timers) {
        this.evaluations = evaluations;
        this.runtime = runtime;
        this.steps = steps;
        this.timers = timers;
    }

    @Override
    public int recount(int year) {
        int moved = 0;
        for (Evaluations.Rescheduled r : evaluations.recount(year)) {
            Evaluation e = r.evaluation();
            String pid = e.processInstanceId();
            if (steps.running(pid)) {
                runtime.setVariables(
                        pid,
                        Map.of(
                                "reportDue",
                                Date.from(e.reportDue()),
                                "reportDueDay",
                                e.reportDue()
                                        .atZone(Clocks.BEIJING)
                                        .toLocalDate()
                                        .toString()));
                timers.move(pid, Date.from(r.reportDueBefore()), Date.from(e.reportDue()));
            }
            moved++;
        }
        return moved;
    }
}
