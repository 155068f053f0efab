package cn.pubdata.approval.calendar;

/**
 * A feature that keeps due times of its own (a domain row, the variables its timers wait for) counts them again once
 * a year's holiday schedule is entered.
 */
public interface DeadlineRecount {

    /**
     * Counts again the open due times that counted through {@code year} and moves them, with the timers waiting for
     * them; the schedule is entered already.
     *
     * @return how many moved
     */
    int recount(int year);
}
