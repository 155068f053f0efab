package cn.pubdata.approval.calendar;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a provisional deadline was counted: from which day, how many working days, and the day that gave. It is kept
 * beside the deadline (a variable), so that entering the missing year counts the same period again.
 */
record ProvisionalCount(LocalDate from, int workingDays, LocalDate due) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\+(\\d+)=(\\d{4}-\\d{2}-\\d{2})");

    static Optional<ProvisionalCount> parse(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1) {
            return Optional.empty();
        }
        return Optional.of(new ProvisionalCount(
                LocalDate.parse(m.group(1)), Integer.parseInt(m.group(2)), LocalDate.parse(m.group(3))));
    }

    /** As stored: {@code 2026-12-30+5=2027-01-07}. */
    @Override
    public String toString() {
        return from + "+" + workingDays + "=" + due;
    }
}
