package cn.pubdata.approval.progress;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Something due in a flow: the step, who must act, by when, and how many working days are left (negative: overdue).
 * A due day counted through a year whose holiday schedule is not entered is provisional, with the reason.
 */
public record DueItem(
        String taskId,
        String step,
        String responsible,
        Instant due,
        LocalDate dueDay,
        int workingDaysLeft,
        boolean provisional,
        String provisionalReason) {}
