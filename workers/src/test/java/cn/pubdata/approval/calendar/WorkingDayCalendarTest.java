package cn.pubdata.approval.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.common.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deadlines in working days follow the State Council schedules: holidays rest, adjusted weekends (调休) work. */
@SpringBootTest
class WorkingDayCalendarTest {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Test
    void springFestival2026CountsTheAdjustedSaturdaysAndSkipsTheHoliday() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)))
                .as("Saturday 2-14 is 调休上班")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16)))
                .as("Monday 2-16 is 春节")
                .isFalse();
        assertThat(calendar.dueDay(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.dueDay(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.dueDay(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(calendar.dueDay(LocalDate.of(2026, 2, 26), 2))
                .as("Saturday 2-28 works too")
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void nationalDay2026SkipsTheGoldenWeekAndCountsSaturdayOctoberTenth() {
        assertThat(calendar.dueDay(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.dueDay(LocalDate.of(2026, 10, 9), 1)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.dueDay(LocalDate.of(2026, 9, 24), 5)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20)))
                .as("Sunday 9-20 is 调休上班")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25)))
                .as("中秋 9-25")
                .isFalse();
    }

    @Test
    void anEventOnARestDayCountsFromTheNextWorkingDay() {
        assertThat(calendar.dueDay(LocalDate.of(2026, 10, 3), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.dueDay(LocalDate.of(2026, 3, 7), 1))
                .as("a plain Saturday")
                .isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void calendar2025IsThereToo() {
        assertThat(calendar.dueDay(LocalDate.of(2025, 1, 24), 2))
                .as("Sunday 1-26 works, then Monday 1-27")
                .isEqualTo(LocalDate.of(2025, 1, 27));
        assertThat(calendar.dueDay(LocalDate.of(2025, 9, 30), 1))
                .as("国庆、中秋 1-8 Oct")
                .isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(calendar.dueDay(LocalDate.of(2025, 10, 10), 1))
                .as("Saturday 10-11 works")
                .isEqualTo(LocalDate.of(2025, 10, 11));
    }

    @Test
    void aDeadlineEndsAtTheEndOfTheDueDayBeijingTime() {
        Instant event = Instant.parse("2026-09-30T17:00:00Z"); // 10-01 01:00 Beijing: a rest day
        assertThat(calendar.deadline(event, 1)).isEqualTo(Instant.parse("2026-10-08T15:59:59Z"));
    }

    @Test
    void workingDaysLeftAreCountedLikeDeadlines() {
        assertThat(calendar.workingDaysUntil(LocalDate.of(2026, 9, 24), LocalDate.of(2026, 10, 9)))
                .isEqualTo(5);
        assertThat(calendar.workingDaysUntil(LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 9)))
                .isZero();
        assertThat(calendar.workingDaysUntil(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 9)))
                .as("overdue")
                .isEqualTo(-2);
    }

    @Test
    void aDueDayInAYearNotEnteredIsProvisionalAndNeverOnNewYearsDay() {
        DueDay due = calendar.due(LocalDate.of(2026, 12, 31), 1);
        assertThat(due.day()).as("not 1 January, a statutory holiday").isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(due.provisional()).isTrue();
        assertThat(due.yearsNotEntered()).containsExactly(2027);
        assertThat(due.reason()).startsWith("2027 年节假日安排尚未录入").contains("录入该年安排后自动重新计算");

        DueDay entered = calendar.due(LocalDate.of(2026, 12, 28), 3);
        assertThat(entered.day()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(entered.provisional()).isFalse();
        assertThat(entered.reason()).isNull();
    }

    @Test
    void aYearNotEnteredRestsOnTheHolidaysTheLawFixesAndOnlyThose() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1)))
                .as("元旦, a Friday")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3)))
                .as("劳动节 1–2 May fall on a weekend")
                .isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).as("国庆节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 5, 1)))
                .as("劳动节, a Monday")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 5, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 10, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8)))
                .as("春节 follows the lunar calendar: unknown until the schedule is entered")
                .isTrue();
        assertThat(calendar.dueDay(LocalDate.of(2027, 9, 30), 1)).isEqualTo(LocalDate.of(2027, 10, 4));
        assertThat(calendar.workingDaysUntil(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 5)))
                .isEqualTo(3);
        assertThat(calendar.yearsNotEntered(LocalDate.of(2026, 12, 30), LocalDate.of(2028, 1, 1)))
                .containsExactly(2027, 2028);
    }

    @Test
    void theAuthorityEntersNextYearsScheduleWithoutARelease() {
        try {
            assertThat(calendar.dueDay(LocalDate.of(2027, 2, 3), 3))
                    .as("before entry: Monday to Friday")
                    .isEqualTo(LocalDate.of(2027, 2, 8));
            calendar.enterYear(ExampleSchedule.YEAR, ExampleSchedule.NOTICE, ExampleSchedule.days());
            assertThat(calendar.yearsEntered()).contains(2025, 2026, 2027);
            DueDay due = calendar.due(LocalDate.of(2027, 2, 3), 3);
            assertThat(due.day()).as("春节 5–12 February").isEqualTo(LocalDate.of(2027, 2, 16));
            assertThat(due.provisional()).isFalse();
            assertThat(calendar.dueDay(LocalDate.of(2027, 1, 29), 1))
                    .as("Sunday 1-31 is 调休上班")
                    .isEqualTo(LocalDate.of(2027, 1, 31));

            List<CalendarDay> corrected = new java.util.ArrayList<>(ExampleSchedule.days());
            corrected.removeIf(d -> d.day().equals(LocalDate.of(2027, 1, 31)));
            corrected.add(new CalendarDay(LocalDate.of(2027, 2, 21), CalendarDay.Kind.WORK, "春节调休上班"));
            calendar.enterYear(2027, "更正", corrected);
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 31)))
                    .as("re-entering a year replaces it")
                    .isFalse();
            assertThat(calendar.daysOf(2027)).hasSize(corrected.size());
        } finally {
            forget(2027);
        }
    }

    @Test
    void anEmptyScheduleDuplicateDaysAndAnImplausibleYearAreRefused() {
        assertThatThrownBy(() -> calendar.enterYear(2027, "通知", List.of()))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("空的安排不能录入")
                .satisfies(p -> assertThat(((Problem) p).errors())
                        .extracting(Problem.FieldError::field)
                        .containsExactly("days"));

        List<CalendarDay> twice = new java.util.ArrayList<>(ExampleSchedule.days());
        twice.add(new CalendarDay(LocalDate.of(2027, 10, 1), CalendarDay.Kind.REST, "国庆节"));
        twice.add(new CalendarDay(LocalDate.of(2027, 1, 31), CalendarDay.Kind.REST, "误填"));
        assertThatThrownBy(() -> calendar.enterYear(2027, "通知", twice))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("以下日期填写了不止一次：2027-01-31、2027-10-01");

        List<CalendarDay> newYearOnly = List.of(new CalendarDay(LocalDate.of(2027, 1, 1), CalendarDay.Kind.REST, "元旦"));
        assertThatThrownBy(() -> calendar.enterYear(2027, "通知", newYearOnly))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("按此安排 2027 年共有 260 个工作日，不在合理范围 244–252 天内")
                .hasMessageContaining("漏填放假日期");

        List<CalendarDay> everyMonday = new java.util.ArrayList<>(ExampleSchedule.days());
        for (LocalDate d = LocalDate.of(2027, 1, 4); d.getYear() == 2027; d = d.plusWeeks(1)) {
            LocalDate monday = d;
            if (everyMonday.stream().noneMatch(c -> c.day().equals(monday))) {
                everyMonday.add(new CalendarDay(monday, CalendarDay.Kind.REST, "误填"));
            }
        }
        assertThatThrownBy(() -> calendar.enterYear(2027, "通知", everyMonday))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("不在合理范围 244–252 天内");
        assertThat(calendar.yearsEntered()).doesNotContain(2027);
    }

    @Test
    void theEnteredYearsHaveAPlausibleNumberOfWorkingDays() {
        assertThat(workingDaysOf(2025)).isEqualTo(248);
        assertThat(workingDaysOf(2026)).isEqualTo(248);
    }

    @Test
    void aWeekdayCannotBeEnteredAsAnAdjustedWorkingDay() {
        assertThatThrownBy(() -> calendar.enterYear(
                        2028, "通知", List.of(new CalendarDay(LocalDate.of(2028, 3, 1), CalendarDay.Kind.WORK, "误填"))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("是工作日");
        assertThatThrownBy(() -> calendar.enterYear(
                        2028, "通知", List.of(new CalendarDay(LocalDate.of(2029, 1, 1), CalendarDay.Kind.REST, "错年"))))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("不属于 2028");
        assertThat(calendar.yearsEntered()).doesNotContain(2028);
    }

    private int workingDaysOf(int year) {
        return calendar.workingDaysUntil(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
    }

    /** Tests share the database: a year entered here is removed again, so that it stays unentered for the others. */
    private void forget(int year) {
        jdbc.sql("delete from approval.calendar_day where extract(year from day) = :year")
                .param("year", year)
                .update();
        jdbc.sql("delete from approval.calendar_year where year = :year")
                .param("year", year)
                .update();
    }
}
