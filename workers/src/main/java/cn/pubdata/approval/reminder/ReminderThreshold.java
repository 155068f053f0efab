package cn.pubdata.approval.reminder;

/** The moments a task's due date is brought to someone's attention: once ahead of it, once when it has passed. */
public enum ReminderThreshold {
    /** The configured number of working days before the due date: the candidate group is reminded. */
    DUE_SOON,
    /** The due date has passed: the task is marked overdue and the jurisdiction's managers are told. */
    OVERDUE
}
