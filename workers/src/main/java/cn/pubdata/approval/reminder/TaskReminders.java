package cn.pubdata.approval.reminder;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Timeline;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds a task's candidate group a number of working days before its due date (its jurisdiction's profile setting) (in-app and by e-mail to its
 * members), and when the date has passed marks the task overdue and tells the jurisdiction's manager group. Each task
 * and threshold is handled once: the row that records it is inserted first, and only the transaction that inserted it
 * sends, so that a second engine node or a restarted one finds the row and does nothing.
 */
@Service
public class TaskReminders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkingDayCalendar calendar;
    private final Notifications notifications;
    private final PolicyProfiles profiles;
    private final Timeline timeline;
    private final int workingDaysBefore;

    public TaskReminders(
            JdbcClient jdbc,
            Clock clock,
            WorkingDayCalendar calendar,
            Notifications notifications,
            PolicyProfiles profiles,
            Timeline timeline,
            @Value("${approval.reminders.working-days-before:2}") int workingDaysBefore) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendar = calendar;
        this.notifications = notifications;
        this.profiles = profiles;
        this.timeline = timeline;
        this.workingDaysBefore = workingDaysBefore;
    }

    /** The manager group of a jurisdiction: one per jurisdiction in the realm; the city-wide group where none is known. */
    public static String managerGroup(String jurisdiction) {
        return jurisdiction == null ? "manager" : "manager-" + jurisdiction;
    }

    /**
     * Which threshold a task has reached now, if any: overdue once its due time passed, due soon within the lead its
     * jurisdiction's current profile sets (reminderWorkingDays); a flow naming no jurisdiction takes the configured
     * default.
     */
    public Optional<ReminderThreshold> reached(Instant dueAt, String jurisdiction) {
        Instant now = clock.instant();
        if (now.isAfter(dueAt)) {
            return Optional.of(ReminderThreshold.OVERDUE);
        }
        LocalDate today = now.atZone(Clocks.BEIJING).toLocalDate();
        LocalDate due = dueAt.atZone(Clocks.BEIJING).toLocalDate();
        return calendar.workingDaysUntil(today, due) <= leadWorkingDays(jurisdiction)
                ? Optional.of(ReminderThreshold.DUE_SOON)
                : Optional.empty();
    }

    /** The working days before a due date that a task's unit is reminded in this jurisdiction. */
    public int leadWorkingDays(String jurisdiction) {
        return jurisdiction != null && profiles.exists(jurisdiction)
                ? profiles.of(jurisdiction).reminderWorkingDays()
                : workingDaysBefore;
    }

    /** Whether this task's threshold was handled already (by this node or another). */
    public boolean handled(String taskId, ReminderThreshold threshold) {
        return jdbc.sql("select count(*) from approval.task_reminder where task_id = :task and threshold = :threshold")
                        .param("task", taskId)
                        .param("threshold", threshold.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Sends what the threshold asks for, unless it was sent for this task before. Returns true when this call sent it.
     * Overdue implies the reminder was due too; a task found first when it is already overdue is not reminded as well.
     */
    @Transactional
    public boolean handle(DueTask task, ReminderThreshold threshold) {
        boolean first = jdbc.sql("""
                insert into approval.task_reminder
                    (task_id, threshold, task_name, subject, jurisdiction, candidate_groups, process_instance_id, due_at,
                     sent_at)
                values (:task, :threshold, :name, :subject, :jurisdiction, :groups, :pid, :due, :now)
                on conflict (task_id, threshold) do nothing
                returning task_id""")
                .param("task", task.taskId())
                .param("threshold", threshold.name())
                .param("name", task.name())
                .param("subject", task.subject())
                .param("jurisdiction", task.jurisdiction())
                .param("groups", String.join(",", task.candidateGroups()))
                .param("pid", task.processInstanceId())
                .param("due", Timestamp.from(task.dueAt()))
                .param("now", Timestamp.from(clock.instant()))
                .query(String.class)
                .optional()
                .isPresent();
        if (!first) {
            return false;
        }
        String due = DAY.format(task.dueAt().atZone(Clocks.BEIJING));
        String what = "「" + task.name() + "」" + (task.subject() == null ? "" : "（" + task.subject() + "）");
        if (threshold == ReminderThreshold.DUE_SOON) {
            String title = "办理期限临近：" + what + "应于 " + due + " 前办结";
            String body = "您所在单位的待办任务" + what + "应于 " + due + " 前办结，请及时在任务列表（Tasklist）中办理。";
            for (String group : task.candidateGroups()) {
                notifications.send(
                        Notifications.group(group), "reminder:" + task.taskId() + ":" + group, title, body, null);
            }
            for (String email : task.memberEmails()) {
                notifications.send("email:" + email, "reminder:" + task.taskId() + ":" + email, title, body, email);
            }
            record(task, "办理期限临近，已提醒" + units(task), "期限 " + due, "reminder:" + task.taskId());
        } else {
            String manager = managerGroup(task.jurisdiction());
            String title = "任务逾期：" + what + "已超过办理期限 " + due;
            String body = "待办任务" + what + "由" + units(task) + "办理，期限 " + due + " 已过，尚未办结。请督促办理。";
            notifications.send(Notifications.group(manager), "overdue:" + task.taskId(), title, body, null);
            record(task, "任务逾期，已告知" + profiles.groupName(manager), "期限 " + due, "overdue:" + task.taskId());
        }
        return true;
    }

    private void record(DueTask task, String title, String detail, String key) {
        if (task.subject() != null) {
            timeline.record(task.subject(), title, detail, "系统", key);
        }
    }

    private String units(DueTask task) {
        return task.candidateGroups().isEmpty()
                ? "承办人"
                : task.candidateGroups().stream().map(profiles::groupName).collect(Collectors.joining("、"));
    }
}
