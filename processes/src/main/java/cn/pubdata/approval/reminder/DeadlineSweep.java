package cn.pubdata.approval.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Looks at the open reviewers' tasks whose due date is near or past and hands each new one to {@link TaskReminders}.
 * It runs on every engine node ({@link ReminderSchedule}); the reminder rows make sure only one node sends.
 */
@Component
public class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    /** Calendar days ahead that certainly hold the reminder lead in working days, also across 春节 and 国庆. */
    private static final Duration LOOK_AHEAD = Duration.ofDays(30);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TaskReminders reminders;
    private final Clock clock;

    public DeadlineSweep(
            TaskService tasks, RuntimeService runtime, IdentityService identity, TaskReminders reminders, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** One pass; returns how many reminders and escalations this node sent. */
    public int sweep() {
        Instant now = clock.instant();
        List<Task> near = tasks.createTaskQuery()
                .active()
                .dueBefore(Date.from(now.plus(LOOK_AHEAD)))
                .orderByDueDate()
                .asc()
                .list();
        int sent = 0;
        for (Task task : near) {
            try {
                Optional<ReminderThreshold> threshold =
                        reminders.reached(task.getDueDate().toInstant(), jurisdictionOf(task));
                if (threshold.isEmpty() || reminders.handled(task.getId(), threshold.get())) {
                    continue;
                }
                if (reminders.handle(describe(task), threshold.get())) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // the next pass tries again: nothing was recorded for this task and threshold
                log.warn("任务「{}」（{}）的期限提醒未能发出，下次巡检重试：{}", task.getName(), task.getId(), e.toString());
            }
        }
        return sent;
    }

    private DueTask describe(Task task) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId())
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        List<String> emails = new ArrayList<>();
        for (String group : groups) {
            for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
                if (user.getEmail() != null && !user.getEmail().isBlank() && !emails.contains(user.getEmail())) {
                    emails.add(user.getEmail());
                }
            }
        }
        ProcessInstance instance = task.getProcessInstanceId() == null
                ? null
                : runtime.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId())
                        .singleResult();
        return new DueTask(
                task.getId(),
                task.getName(),
                task.getDueDate().toInstant(),
                task.getProcessInstanceId(),
                instance == null ? null : instance.getBusinessKey(),
                jurisdictionOf(task),
                groups,
                emails);
    }

    /** The jurisdiction the task's flow names, if it names one. */
    private String jurisdictionOf(Task task) {
        Object jurisdiction =
                task.getExecutionId() == null ? null : runtime.getVariable(task.getExecutionId(), "jurisdiction");
        return jurisdiction == null ? null : jurisdiction.toString();
    }
}
