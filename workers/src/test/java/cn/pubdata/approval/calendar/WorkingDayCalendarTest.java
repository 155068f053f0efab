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

/** Deadlines in working days follow the State Council schedules: holidays rest, adjusted weekends (调休) work. */
@SpringBootTest
class WorkingDayCalendarTest {

    @Autowired
    WorkingDayCalendar calendar;

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
    void theAuthorityEntersNextYearsScheduleWithoutARelease() {
        LocalDate newYear = LocalDate.of(2027, 1, 1);
        assertThat(calendar.isWorkingDay(newYear))
                .as("before entry: a plain Friday")
                .isTrue();
        calendar.enterYear(
                2027,
                "国务院办公厅关于2027年部分节假日安排的通知（示例）",
                List.of(
                        new CalendarDay(newYear, CalendarDay.Kind.REST, "元旦"),
                        new CalendarDay(LocalDate.of(2027, 1, 2), CalendarDay.Kind.WORK, "元旦调休上班")));
        assertThat(calendar.isWorkingDay(newYear)).isFalse();
        assertThat(calendar.dueDay(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(calendar.yearsEntered()).contains(2025, 2026, 2027);

        calendar.enterYear(2027, "更正", List.of());
        assertThat(calendar.isWorkingDay(newYear))
                .as("re-entering a year replaces it")
                .isTrue();
        assertThat(calendar.daysOf(2027)).isEmpty();
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
}
