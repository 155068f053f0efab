package cn.pubdata.approval.calendar;

import java.time.LocalDate;

/** A day that differs from the plain week: a listed holiday (REST) or a weekend working day (WORK, 调休上班). */
public record CalendarDay(LocalDate day, Kind kind, String note) {

    public enum Kind {
        REST,
        WORK
    }
}
