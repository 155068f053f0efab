package cn.pubdata.approval.progress;

import cn.pubdata.approval.calendar.DueDay;
import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.exception.NullValueException;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What a running flow waits for, as its progress pages show it: each open task with the units responsible and its due
 * day in working days, including the tasks of the reviews it called (an admission's scenarios).
 */
@Component
public class OpenSteps {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkingDayCalendar calendar;
    private final PolicyProfiles profiles;
    private final Clock clock;

    public OpenSteps(
            RuntimeService runtime,
            TaskService tasks,
            WorkingDayCalendar calendar,
            PolicyProfiles profiles,
            Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.calendar = calendar;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Whether the instance is still running. */
    public boolean running(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery()
                                .processInstanceId(processInstanceId)
                                .count()
                        > 0;
    }

    /** Whether the instance waits for the message now (补正 materials, an objection during publicity …). */
    public boolean waitsFor(String processInstanceId, String message) {
        return processInstanceId != null
                && runtime.createEventSubscriptionQuery()
                                .processInstanceId(processInstanceId)
                                .eventName(message)
                                .count()
                        > 0;
    }

    /** The open tasks of the instance and of the instances it called, earliest due first. */
    public List<DueItem> openTasks(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        List<String> instances = new ArrayList<>(List.of(processInstanceId));
        runtime.createProcessInstanceQuery()
                .superProcessInstanceId(processInstanceId)
                .list()
                .forEach(p -> instances.add(p.getId()));
        List<DueItem> due = new ArrayList<>();
        for (String instance : instances) {
            for (Task task : tasks.createTaskQuery()
                    .processInstanceId(instance)
                    .orderByDueDate()
                    .asc()
                    .list()) {
                Optional<String> responsible = responsible(task);
                if (responsible.isEmpty()) {
                    continue; // completed by its reviewer since the query: no longer open
                }
                due.add(item(
                        task.getId(),
                        task.getName(),
                        responsible.get(),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant()));
            }
        }
        due.sort(java.util.Comparator.comparing(
                DueItem::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return due;
    }

    /** A step that is not a task (the operator's 补正, a publicity period) with its due day in working days. */
    public DueItem item(String taskId, String step, String responsible, Instant due) {
        if (due == null) {
            return new DueItem(taskId, step, responsible, null, null, 0, false, null);
        }
        LocalDate day = due.atZone(Clocks.BEIJING).toLocalDate();
        LocalDate today = today();
        List<Integer> notEntered = calendar.yearsNotEntered(today.isBefore(day) ? today : day, day);
        return new DueItem(
                taskId,
                step,
                responsible,
                due,
                day,
                calendar.workingDaysUntil(today, day),
                !notEntered.isEmpty(),
                notEntered.isEmpty() ? null : DueDay.reason(notEntered));
    }

    /** The same for a due date a process variable holds. */
    public DueItem item(String taskId, String step, String responsible, Date due) {
        return item(taskId, step, responsible, due == null ? null : due.toInstant());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    public Object variable(String processInstanceId, String name) {
        return runtime.getVariable(processInstanceId, name);
    }

    /**
     * The task's candidate groups by name; empty when the task was completed between the query and this look-up (a
     * reviewer deciding while the operator reads the progress page: the engine then answers "Cannot find task", or,
     * where the task's execution went first, fails with a NullPointerException in its own permission check — seen
     * with 200 concurrent readers in the latency benchmark).
     */
    private Optional<String> responsible(Task task) {
        List<String> names = new ArrayList<>();
        try {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (link.getGroupId() != null) {
                    names.add(profiles.groupName(link.getGroupId()));
                }
            }
        } catch (NullValueException | NullPointerException completedMeanwhile) {
            return Optional.empty();
        }
        return Optional.of(String.join("、", names));
    }
}
