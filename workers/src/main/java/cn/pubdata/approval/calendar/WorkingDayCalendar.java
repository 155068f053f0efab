package cn.pubdata.approval.calendar;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days of the national holiday schedule (放假 and 调休上班), kept as data the authority extends each year.
 * A deadline of N working days counts from the first working day after the triggering event's date, so an event on a
 * rest day counts from the next working day (domain.md, "Working-day calendar").
 */
@Service
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final JdbcClient jdbc;
    private final Set<Integer> yearsWarned = ConcurrentHashMap.newKeySet();

    public WorkingDayCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, overrides(day, day));
    }

    /** The day on which a period of {@code workingDays} working days, triggered on {@code eventDay}, ends. */
    public LocalDate dueDay(LocalDate eventDay, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a period has at least one working day: " + workingDays);
        }
        Map<LocalDate, Boolean> overrides = overrides(eventDay, eventDay.plusDays(workingDays * 3L + 30));
        warnIfNotEntered(eventDay.getYear());
        LocalDate day = eventDay;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day, overrides)) {
                counted++;
            }
        }
        if (day.getYear() != eventDay.getYear()) {
            warnIfNotEntered(day.getYear());
        }
        return day;
    }

    /** The last moment (23:59:59 Beijing time) of a period of working days triggered at {@code event}. */
    public Instant deadline(Instant event, int workingDays) {
        LocalDate due = dueDay(event.atZone(Clocks.BEIJING).toLocalDate(), workingDays);
        return due.atTime(END_OF_DAY).atZone(Clocks.BEIJING).toInstant();
    }

    /** Working days left from {@code today} (exclusive) until {@code due} (inclusive); negative when overdue. */
    public int workingDaysUntil(LocalDate today, LocalDate due) {
        if (!due.isAfter(today)) {
            return today.equals(due) ? 0 : -countWorkingDays(due, today);
        }
        return countWorkingDays(today, due);
    }

    private int countWorkingDays(LocalDate fromExclusive, LocalDate toInclusive) {
        Map<LocalDate, Boolean> overrides = overrides(fromExclusive, toInclusive);
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d, overrides)) {
                count++;
            }
        }
        return count;
    }

    public List<Integer> yearsEntered() {
        return jdbc.sql("select year from approval.calendar_year order by year")
                .query(Integer.class)
                .list();
    }

    public List<CalendarDay> daysOf(int year) {
        return jdbc.sql(
                        "select day, kind, note from approval.calendar_day where extract(year from day) = :year order by day")
                .param("year", year)
                .query((rs, n) -> new CalendarDay(
                        rs.getObject("day", LocalDate.class),
                        CalendarDay.Kind.valueOf(rs.getString("kind")),
                        rs.getString("note")))
                .list();
    }

    /**
     * Enters a year's schedule as the State Council published it (each November for the next year). Re-entering a year
     * replaces it, so a correction is one more call.
     */
    @Transactional
    public void enterYear(int year, String notice, List<CalendarDay> days) {
        if (notice == null || notice.isBlank()) {
            throw Problem.invalid("notice", "请填写发布该年度节假日安排的通知名称及文号");
        }
        for (CalendarDay d : days) {
            if (d.day() == null || d.day().getYear() != year) {
                throw Problem.invalid("days", "日期 " + d.day() + " 不属于 " + year + " 年");
            }
            boolean weekend =
                    d.day().getDayOfWeek() == DayOfWeek.SATURDAY || d.day().getDayOfWeek() == DayOfWeek.SUNDAY;
            if (d.kind() == CalendarDay.Kind.WORK && !weekend) {
                throw Problem.invalid("days", d.day() + " 是工作日，无需登记为调休上班日");
            }
        }
        jdbc.sql("delete from approval.calendar_day where extract(year from day) = :year")
                .param("year", year)
                .update();
        jdbc.sql("""
                insert into approval.calendar_year (year, notice) values (:year, :notice)
                on conflict (year) do update set notice = excluded.notice, entered_at = now()""").param("year", year).param("notice", notice).update();
        for (CalendarDay d : days) {
            jdbc.sql("insert into approval.calendar_day (day, kind, note) values (:day, :kind, :note)")
                    .param("day", d.day())
                    .param("kind", d.kind().name())
                    .param("note", d.note() == null ? "" : d.note())
                    .update();
        }
    }

    private boolean isWorkingDay(LocalDate day, Map<LocalDate, Boolean> overrides) {
        Boolean working = overrides.get(day);
        if (working != null) {
            return working;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    private Map<LocalDate, Boolean> overrides(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> map = new HashMap<>();
        jdbc.sql("select day, kind from approval.calendar_day where day between :from and :to")
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    map.put(rs.getObject("day", LocalDate.class), "WORK".equals(rs.getString("kind")));
                });
        return map;
    }

    /** Once per year and run: every deadline crossing into that year would repeat it. */
    private void warnIfNotEntered(int year) {
        if (!yearsEntered().contains(year) && yearsWarned.add(year)) {
            log.warn("节假日安排：{} 年尚未录入，期限按周一至周五计算。请在国务院公布后录入。", year);
        }
    }
}
