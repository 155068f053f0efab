package cn.pubdata.approval.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up 2027 schedule for tests, shaped like the State Council's notices (元旦, a nine-day 春节 from 5 February
 * with two 调休 weekends, …) and with a plausible 248 working days. It is not the real 2027 schedule, which was not
 * published when this was written; it must never be entered outside a test.
 */
public final class ExampleSchedule {

    public static final int YEAR = 2027;
    public static final String NOTICE = "测试用示例安排（并非国务院公布的 2027 年节假日安排）";

    private ExampleSchedule() {}

    public static List<CalendarDay> days() {
        List<CalendarDay> days = new ArrayList<>();
        rest(days, "元旦", "01-01");
        rest(days, "春节", "02-05", "02-06", "02-07", "02-08", "02-09", "02-10", "02-11", "02-12");
        work(days, "春节调休上班", "01-31", "02-20");
        rest(days, "清明节", "04-03", "04-04", "04-05");
        rest(days, "劳动节", "05-01", "05-02", "05-03", "05-04", "05-05");
        work(days, "劳动节调休上班", "05-08");
        rest(days, "端午节", "06-09");
        rest(days, "中秋节", "09-15");
        rest(days, "国庆节", "10-01", "10-02", "10-03", "10-04", "10-05", "10-06", "10-07");
        work(days, "国庆节调休上班", "09-26", "10-09");
        return days;
    }

    private static void rest(List<CalendarDay> days, String note, String... monthDays) {
        for (String md : monthDays) {
            days.add(new CalendarDay(LocalDate.parse(YEAR + "-" + md), CalendarDay.Kind.REST, note));
        }
    }

    private static void work(List<CalendarDay> days, String note, String... monthDays) {
        for (String md : monthDays) {
            days.add(new CalendarDay(LocalDate.parse(YEAR + "-" + md), CalendarDay.Kind.WORK, note));
        }
    }
}
