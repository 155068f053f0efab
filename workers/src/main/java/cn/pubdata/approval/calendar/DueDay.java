package cn.pubdata.approval.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The day a period of working days ends, and the years it counted through whose holiday schedule is not entered yet.
 * Such a day is provisional: it is counted without the year's lunar holidays and 调休, and moves when the year is
 * entered.
 */
public record DueDay(LocalDate day, List<Integer> yearsNotEntered) {

    public DueDay {
        yearsNotEntered = List.copyOf(yearsNotEntered);
    }

    public boolean provisional() {
        return !yearsNotEntered.isEmpty();
    }

    /** Why the day is provisional, in the words the portal and Tasklist show; null when it is not. */
    public String reason() {
        return provisional() ? reason(yearsNotEntered) : null;
    }

    public static String reason(List<Integer> yearsNotEntered) {
        String years = yearsNotEntered.stream().map(String::valueOf).collect(Collectors.joining("、"));
        return years + " 年节假日安排尚未录入，期限暂按周一至周五计算（已避开元旦、劳动节、国庆节的法定假日），" + "录入该年安排后自动重新计算。";
    }
}
