package cn.pubdata.approval.calendar;

import java.time.LocalDate;
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

    CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping
    Map<String, Object> years() {
        return Map.of("years", calendar.yearsEntered());
    }

    @GetMapping("/{year}")
    List<CalendarDay> year(@PathVariable int year) {
        return calendar.daysOf(year);
    }

    @PutMapping("/{year}")
    List<CalendarDay> enter(@PathVariable int year, @RequestBody YearSchedule schedule) {
        calendar.enterYear(year, schedule.notice(), schedule.days() == null ? List.of() : schedule.days());
        return calendar.daysOf(year);
    }

    /** The due day of a period of working days triggered on a date: {@code ?from=2026-09-24&workingDays=5}. */
    @GetMapping("/due")
    Map<String, Object> due(@RequestParam LocalDate from, @RequestParam int workingDays) {
        if (workingDays < 1 || workingDays > 365) {
            throw cn.pubdata.approval.common.Problem.invalid("workingDays", "工作日数应在 1 到 365 之间");
        }
        return Map.of("from", from, "workingDays", workingDays, "dueDay", calendar.dueDay(from, workingDays));
    }
}
