package cn.pubdata.approval.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a manager narrows the dashboards to: a flow (a process key such as {@code admission}, or all), a period of
 * Beijing dates (both included), and the jurisdictions they may see ({@code null} for a city-wide manager: all).
 */
public record DashboardFilter(String flow, LocalDate from, LocalDate to, Set<String> jurisdictions) {

    Instant start() {
        return from.atStartOfDay(cn.pubdata.approval.common.Clocks.BEIJING).toInstant();
    }

    Instant end() {
        return to.plusDays(1)
                .atStartOfDay(cn.pubdata.approval.common.Clocks.BEIJING)
                .toInstant();
    }
}
