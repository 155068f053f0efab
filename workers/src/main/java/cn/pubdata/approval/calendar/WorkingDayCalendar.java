package cn.pubdata.approval.calendar;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Problem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days of the national holiday schedule (放假 and 调休上班), kept as data the authority extends each year.
 * A deadline of N working days counts from the first working day after the triggering event's date, so an event on a
 * rest day counts from the next working day (domain.md, "Working-day calendar").
 *
 * <p>A year whose schedule is not entered yet counts Monday to Friday, less the statutory holidays that fall on fixed
 * dates by law (《全国年节及纪念日放假办法》 as revised in 2024: 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October).
 * The other holidays (春节 from 除夕, 清明, 端午, 中秋) follow the lunar calendar or the solar terms, and the State
 * Council's yearly notice places them together with the 调休 working weekends; neither is known before the notice, so
 * they are not guessed. A due day counted through such a year is provisional ({@link DueDay}).
 */
@Service
public class WorkingDayCalendar {

    /**
     * Working days a year may plausibly have. By law a year has 13 statutory holidays (11 until 2024) and 104 to 106
     * weekend days, and every 调休 swaps a rest day for a working day: 247 to 249 working days since 2025 (2025 and 2026
     * have 248), 249 to 251 before. Four days either way leave room for a change of the law, not for a forgotten week.
     */
    static final int MIN_WORKING_DAYS = 244;

    static final int MAX_WORKING_DAYS = 252;

    /** The years a schedule may be entered for, and deadlines counted in. */
    public static final int FIRST_YEAR = 2000;

    public static final int LAST_YEAR = 2100;

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1),
            MonthDay.of(5, 1),
            MonthDay.of(5, 2),
            MonthDay.of(10, 1),
            MonthDay.of(10, 2),
            MonthDay.of(10, 3));

    private final JdbcClient jdbc;
    private final Set<Integer> yearsWarned = ConcurrentHashMap.newKeySet();

    public WorkingDayCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        return new Days(day, day).working(day);
    }

    /** The day on which a period of {@code workingDays} working days, triggered on {@code eventDay}, ends. */
    public LocalDate dueDay(LocalDate eventDay, int workingDays) {
        return due(eventDay, workingDays).day();
    }

    /** The same, with the years counted through whose schedule is not entered: then the day is provisional. */
    public DueDay due(LocalDate eventDay, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a period has at least one working day: " + workingDays);
        }
        Days days = new Days(eventDay, eventDay.plusDays(workingDays * 3L + 30));
        LocalDate day = eventDay;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (days.working(day)) {
                counted++;
            }
        }
        List<Integer> notEntered = days.notEntered(eventDay.plusDays(1), day);
        notEntered.forEach(this::warnNotEntered);
        return new DueDay(day, notEntered);
    }

    /** The last moment (23:59:59 Beijing time) of a period of working days triggered at {@code event}. */
    public Instant deadline(Instant event, int workingDays) {
        return endOf(dueDay(event.atZone(Clocks.BEIJING).toLocalDate(), workingDays));
    }

    /** The last moment (23:59:59 Beijing time) of a day, as deadlines end. */
    public static Instant endOf(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(Clocks.BEIJING).toInstant();
    }

    /** The years from {@code from} to {@code to} (both included) whose schedule is not entered, earliest first. */
    public List<Integer> yearsNotEntered(LocalDate from, LocalDate to) {
        return new Days(from, from).notEntered(from, to);
    }

    /** Working days left from {@code today} (exclusive) until {@code due} (inclusive); negative when overdue. */
    public int workingDaysUntil(LocalDate today, LocalDate due) {
        if (!due.isAfter(today)) {
            return today.equals(due) ? 0 : -countWorkingDays(due, today);
        }
        return countWorkingDays(today, due);
    }

    private int countWorkingDays(LocalDate fromExclusive, LocalDate toInclusive) {
        Days days = new Days(fromExclusive, toInclusive);
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (days.working(d)) {
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
     * replaces it, so a correction is one more call. A schedule that is empty, lists a day twice, or leaves the year
     * with an implausible number of working days is refused: it would move every deadline of the year.
     */
    @Transactional
    public void enterYear(int year, String notice, List<CalendarDay> days) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Problem.invalid("year", "年份应在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间");
        }
        if (notice == null || notice.isBlank()) {
            throw Problem.invalid("notice", "请填写发布该年度节假日安排的通知名称及文号");
        }
        if (notice.length() > 200) {
            throw Problem.invalid("notice", "通知名称及文号不超过 200 字");
        }
        if (days == null || days.isEmpty()) {
            throw Problem.invalid("days", "请录入 " + year + " 年的放假日期和调休上班日期（国务院办公厅通知所列的每一天）；空的安排不能录入");
        }
        Map<LocalDate, Boolean> entered = new HashMap<>();
        Set<LocalDate> twice = new TreeSet<>();
        for (CalendarDay d : days) {
            if (d == null || d.day() == null || d.kind() == null) {
                throw Problem.invalid("days", "每一天都要填写日期（day）和类型（kind：REST 放假或 WORK 调休上班）");
            }
            if (d.note() != null && d.note().length() > 200) {
                throw Problem.invalid("days", d.day() + " 的说明不超过 200 字");
            }
            if (d.day().getYear() != year) {
                throw Problem.invalid("days", "日期 " + d.day() + " 不属于 " + year + " 年");
            }
            if (d.kind() == CalendarDay.Kind.WORK && !weekend(d.day())) {
                throw Problem.invalid("days", d.day() + " 是工作日，无需登记为调休上班日");
            }
            if (entered.put(d.day(), d.kind() == CalendarDay.Kind.WORK) != null) {
                twice.add(d.day());
            }
        }
        if (!twice.isEmpty()) {
            throw Problem.invalid(
                    "days",
                    "以下日期填写了不止一次："
                            + twice.stream().map(LocalDate::toString).collect(Collectors.joining("、"))
                            + "；每一天只能登记一次（放假或调休上班），请删去重复的一行");
        }
        int working = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (entered.getOrDefault(d, !weekend(d))) {
                working++;
            }
        }
        if (working < MIN_WORKING_DAYS || working > MAX_WORKING_DAYS) {
            throw Problem.invalid(
                    "days",
                    "按此安排 " + year + " 年共有 " + working + " 个工作日，不在合理范围 " + MIN_WORKING_DAYS + "–"
                            + MAX_WORKING_DAYS + " 天内（全年 13 天法定节假日加上周末，每年约 247–249 个工作日）。"
                            + "请核对是否漏填放假日期或多填调休上班日期");
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

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Once per year and run: every deadline crossing into that year would repeat it. */
    private void warnNotEntered(int year) {
        if (yearsWarned.add(year)) {
            log.warn("节假日安排：{} 年尚未录入，期限按周一至周五并避开元旦、劳动节、国庆节计算，为暂定。请在国务院公布后录入。", year);
        }
    }

    /** The schedule of a span of days, read once: the entered years and their listed days. */
    private final class Days {

        private final Set<Integer> enteredYears;
        private final Map<LocalDate, Boolean> listed = new HashMap<>();

        Days(LocalDate from, LocalDate to) {
            enteredYears = Set.copyOf(yearsEntered());
            jdbc.sql("select day, kind from approval.calendar_day where day between :from and :to")
                    .param("from", from)
                    .param("to", to)
                    .query(rs -> {
                        listed.put(rs.getObject("day", LocalDate.class), "WORK".equals(rs.getString("kind")));
                    });
        }

        boolean working(LocalDate day) {
            Boolean working = listed.get(day);
            if (working != null) {
                return working;
            }
            if (!enteredYears.contains(day.getYear()) && FIXED_HOLIDAYS.contains(MonthDay.from(day))) {
                return false;
            }
            return !weekend(day);
        }

        List<Integer> notEntered(LocalDate from, LocalDate to) {
            List<Integer> years = new ArrayList<>();
            for (int y = from.getYear(); y <= to.getYear(); y++) {
                if (!enteredYears.contains(y)) {
                    years.add(y);
                }
            }
            return years;
        }
    }
}
