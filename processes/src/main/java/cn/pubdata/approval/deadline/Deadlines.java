package cn.pubdata.approval.deadline;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Due dates in working days for the models' expressions: {@code ${deadlines.workingDays(5)}}. */
@Component("deadlines")
public class Deadlines {

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
}
