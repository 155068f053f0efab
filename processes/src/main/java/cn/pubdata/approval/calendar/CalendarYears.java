package cn.pubdata.approval.calendar;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.VariableInstance;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enters a year's holiday schedule and, in the same transaction, counts again every open deadline that was provisional
 * for want of it: the due dates of reviewers' tasks, the deadline variables the models' timers wait for (with those
 * timers), and the due times features keep in their own rows ({@link DeadlineRecount}).
 */
@Service
public class CalendarYears {

    /** What entering a year changed. */
    public record Entered(int year, int workingDays, List<CalendarDay> days, Recounted recounted) {}

    /** How many open deadlines moved or stopped being provisional. */
    public record Recounted(int tasks, int timers, int other) {}

    private static final Logger log = LoggerFactory.getLogger(CalendarYears.class);

    private final WorkingDayCalendar calendar;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final DeadlineTimers timers;
    private final List<DeadlineRecount> features;

    public CalendarYears(
            WorkingDayCalendar calendar,
            TaskService tasks,
            RuntimeService runtime,
            DeadlineTimers timers,
            List<DeadlineRecount> features) {
        this.calendar = calendar;
        this.tasks = tasks;
        this.runtime = runtime;
        this.timers = timers;
        this.features = features;
    }

    @Transactional
    public Entered enter(int year, String notice, List<CalendarDay> days) {
        calendar.enterYear(year, notice, days);
        int other = features.stream().mapToInt(f -> f.recount(year)).sum();
        Recounted recounted = new Recounted(recountTasks(), recountVariables(), other);
        log.info(
                "节假日安排：已录入 {} 年（{}），重新计算暂定期限：任务 {} 个，定时器期限 {} 个，其他 {} 个",
                year,
                notice,
                recounted.tasks(),
                recounted.timers(),
                recounted.other());
        return new Entered(
                year,
                calendar.workingDaysUntil(
                        java.time.LocalDate.of(year - 1, 12, 31), java.time.LocalDate.of(year, 12, 31)),
                calendar.daysOf(year),
                recounted);
    }

    /** Tasks whose due date was provisional when they were created, unless someone has changed it since. */
    private int recountTasks() {
        int count = 0;
        for (Task task : tasks.createTaskQuery()
                .taskVariableValueLike(ProvisionalDueHints.TASK_VARIABLE, "%")
                .list()) {
            Optional<ProvisionalCount> counted =
                    ProvisionalCount.parse(tasks.getVariableLocal(task.getId(), ProvisionalDueHints.TASK_VARIABLE));
            if (counted.isEmpty()
                    || task.getDueDate() == null
                    || !ProvisionalDueHints.day(task.getDueDate())
                            .equals(counted.get().due())) {
                // set by hand since: the date stays, the hint that it was counted provisionally goes
                task.setDescription(ProvisionalDueHints.withoutHint(task.getDescription()));
                tasks.saveTask(task);
                tasks.removeVariableLocal(task.getId(), ProvisionalDueHints.TASK_VARIABLE);
                continue;
            }
            DueDay due = calendar.due(counted.get().from(), counted.get().workingDays());
            task.setDueDate(Date.from(WorkingDayCalendar.endOf(due.day())));
            task.setDescription(ProvisionalDueHints.hinted(task.getDescription(), due));
            tasks.saveTask(task);
            keep(
                    counted.get(),
                    due,
                    mark -> tasks.setVariableLocal(task.getId(), ProvisionalDueHints.TASK_VARIABLE, mark),
                    () -> tasks.removeVariableLocal(task.getId(), ProvisionalDueHints.TASK_VARIABLE));
            count++;
        }
        return count;
    }

    /** Deadline variables set by {@link Deadlines#set}, and the timers that wait for them. */
    private int recountVariables() {
        int count = 0;
        for (VariableInstance mark : runtime.createVariableInstanceQuery()
                .variableNameLike("%" + Deadlines.PROVISIONAL_SUFFIX)
                .list()) {
            Optional<ProvisionalCount> counted = ProvisionalCount.parse(mark.getValue());
            if (mark.getTaskId() != null || counted.isEmpty()) {
                continue;
            }
            String execution = mark.getExecutionId();
            String variable =
                    mark.getName().substring(0, mark.getName().length() - Deadlines.PROVISIONAL_SUFFIX.length());
            if (!(runtime.getVariableLocal(execution, variable) instanceof Date before)) {
                continue;
            }
            DueDay due = calendar.due(counted.get().from(), counted.get().workingDays());
            Date after = Date.from(WorkingDayCalendar.endOf(due.day()));
            runtime.setVariableLocal(execution, variable, after);
            timers.move(mark.getProcessInstanceId(), before, after);
            keep(
                    counted.get(),
                    due,
                    value -> runtime.setVariableLocal(execution, mark.getName(), value),
                    () -> runtime.removeVariableLocal(execution, mark.getName()));
            count++;
        }
        return count;
    }

    private static void keep(
            ProvisionalCount counted, DueDay due, java.util.function.Consumer<String> store, Runnable remove) {
        if (due.provisional()) {
            store.accept(new ProvisionalCount(counted.from(), counted.workingDays(), due.day()).toString());
        } else {
            remove.run();
        }
    }
}
