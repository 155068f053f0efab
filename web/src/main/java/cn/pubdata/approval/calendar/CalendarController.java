package cn.pubdata.approval.calendar;

import cn.pubdata.approval.common.Problem;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar; each November the authority enters next year's State Council schedule here. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    record YearSchedule(String notice, List<CalendarDay> days) {}

    private final WorkingDayCalendar calendar;
    private final CalendarYears years;

    CalendarController(WorkingDayCalendar calendar, CalendarYears years) {
        this.calendar = calendar;
        this.years = years;
    }

    @GetMapping
    Map<String, Object> years() {
        return Map.of("years", calendar.yearsEntered());
    }

    @GetMapping("/{year}")
    List<CalendarDay> year(@PathVariable int year) {
        return calendar.daysOf(year);
    }

    /** Enters the year and counts again the open deadlines that were provisional for want of it. */
    @PutMapping("/{year}")
    CalendarYears.Entered enter(@PathVariable int year, @RequestBody YearSchedule schedule) {
        return years.enter(year, schedule.notice(), schedule.days());
    }

    /** The due day of a period of working days triggered on a date: {@code ?from=2026-09-24&workingDays=5}. */
    @GetMapping("/due")
    Map<String, Object> due(@RequestParam LocalDate from, @RequestParam int workingDays) {
        if (workingDays < 1 || workingDays > 365) {
            throw Problem.invalid("workingDays", "工作日数应在 1 到 365 之间");
        }
        if (from.getYear() < WorkingDayCalendar.FIRST_YEAR || from.getYear() >= WorkingDayCalendar.LAST_YEAR) {
            throw Problem.invalid(
                    "from",
                    "起算日期应在 " + WorkingDayCalendar.FIRST_YEAR + " 年到 " + (WorkingDayCalendar.LAST_YEAR - 1) + " 年之间");
        }
        DueDay due = calendar.due(from, workingDays);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", from);
        answer.put("workingDays", workingDays);
        answer.put("dueDay", due.day());
        answer.put("provisional", due.provisional());
        if (due.provisional()) {
            answer.put("reason", due.reason());
            answer.put("yearsNotEntered", due.yearsNotEntered());
        }
        return answer;
    }
}
