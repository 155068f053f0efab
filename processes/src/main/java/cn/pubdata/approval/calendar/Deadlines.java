package cn.pubdata.approval.calendar;

import cn.pubdata.approval.common.Clocks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.operaton.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Due dates in working days for the models' expressions: {@code ${deadlines.workingDays(5)}}. */
@Component("deadlines")
public class Deadlines {

    /** Beside a deadline variable {@code x}, {@code xProvisional} holds how it was counted while it is provisional. */
    static final String PROVISIONAL_SUFFIX = "Provisional";

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public Deadlines(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The end (23:59:59 Beijing time) of the {@code n}th working day after now. */
    public Date workingDays(int n) {
        return Date.from(calendar.deadline(clock.instant(), n));
    }

    /**
     * Sets a deadline variable a timer waits for to the end of the {@code n}th working day after now. While it is
     * provisional, how it was counted is kept beside it, so that entering the missing year moves it and its timer.
     */
    public Date set(VariableScope scope, String variable, int n) {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.BEIJING));
        DueDay due = calendar.due(today, n);
        Date deadline = Date.from(WorkingDayCalendar.endOf(due.day()));
        scope.setVariable(variable, deadline);
        String mark = variable + PROVISIONAL_SUFFIX;
        if (due.provisional()) {
            scope.setVariable(mark, new ProvisionalCount(today, n, due.day()).toString());
        } else if (scope.hasVariable(mark)) {
            scope.removeVariable(mark);
        }
        return deadline;
    }
}
