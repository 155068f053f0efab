package cn.pubdata.approval.exit;

import cn.pubdata.approval.calendar.DeadlineRecount;
import cn.pubdata.approval.calendar.DeadlineTimers;
import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.EventSubscription;
import org.springframework.stereotype.Component;

/**
 * An exit that waits for the operator's deletion record keeps its due time in the variable the overdue timer waits
 * for, counted in working days from the closing of the permissions; once the year it counted through is entered, the
 * variable and the timer move.
 */
@Component
class ExitDeletionDeadlines implements DeadlineRecount {

    private final ExitCases exits;
    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;
    private final DeadlineTimers timers;
    private final Timeline timeline;

    ExitDeletionDeadlines(
            ExitCases exits,
            RuntimeService runtime,
            WorkingDayCalendar calendar,
            DeadlineTimers timers,
            Timeline timeline) {
        this.exits = exits;
        this.runtime = runtime;
        this.calendar = calendar;
        this.timers = timers;
        this.timeline = timeline;
    }

    @Override
    public int recount(int year) {
        Set<String> waiting = new LinkedHashSet<>();
        for (EventSubscription s : runtime.createEventSubscriptionQuery()
                .eventName(ExitProcess.MESSAGE_DATA_DELETED)
                .list()) {
            waiting.add(s.getProcessInstanceId());
        }
        int moved = 0;
        for (String pid : waiting) {
            if (!(runtime.getVariable(pid, "deletionDueAt") instanceof Date before)
                    || !(runtime.getVariable(pid, "exitId") instanceof Number exitId)
                    || !(runtime.getVariable(pid, "deletionWorkingDays") instanceof Number workingDays)) {
                continue;
            }
            ExitCase exit = exits.get(exitId.longValue());
            if (exit.permissionsClosedAt() == null || exit.deletedAt() != null) {
                continue;
            }
            LocalDate closed = exit.permissionsClosedAt().atZone(Clocks.BEIJING).toLocalDate();
            LocalDate beforeDay = before.toInstant().atZone(Clocks.BEIJING).toLocalDate();
            if (closed.getYear() > year || beforeDay.getYear() < year) {
                continue;
            }
            LocalDate afterDay = calendar.dueDay(closed, workingDays.intValue());
            if (afterDay.equals(beforeDay)) {
                continue;
            }
            Date after = Date.from(WorkingDayCalendar.endOf(afterDay));
            runtime.setVariables(pid, Map.of("deletionDueAt", after, "deletionDueDay", afterDay.toString()));
            timers.move(pid, before, after);
            timeline.record(
                    Subjects.exit(exit.id()),
                    "删除期限重新计算",
                    year + " 年节假日安排已录入，删除记录须于 " + afterDay + " 前提交（原暂定 " + beforeDay + "）",
                    "系统",
                    "exit-deletion-recount:" + exit.id() + ":" + afterDay);
            moved++;
        }
        return moved;
    }
}
