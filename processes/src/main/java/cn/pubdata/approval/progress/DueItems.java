package cn.pubdata.approval.progress;

import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.policy.PolicyProfiles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** What a process instance waits for from people now: its open tasks, whose they are, and their due days. */
@Component
public class DueItems {

    private final TaskService tasks;
    private final WorkingDayCalendar calendar;
    private final PolicyProfiles profiles;
    private final CatalogResources catalog;
    private final Clock clock;

    public DueItems(
            TaskService tasks,
            WorkingDayCalendar calendar,
            PolicyProfiles profiles,
            CatalogResources catalog,
            Clock clock) {
        this.tasks = tasks;
        this.calendar = calendar;
        this.profiles = profiles;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The open tasks of the instance, earliest due first; none when it has ended. */
    public List<DueItem> openTasks(String processInstanceId) {
        List<DueItem> due = new ArrayList<>();
        if (processInstanceId == null) {
            return due;
        }
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .orderByDueDate()
                .asc()
                .list()) {
            due.add(item(
                    task.getId(),
                    task.getName(),
                    responsible(task),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant()));
        }
        return due;
    }

    public DueItem item(String taskId, String step, String responsible, Instant due) {
        if (due == null) {
            return new DueItem(taskId, step, responsible, null, null, 0);
        }
        LocalDate day = due.atZone(Clocks.BEIJING).toLocalDate();
        return new DueItem(taskId, step, responsible, due, day, calendar.workingDaysUntil(today(), day));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BEIJING));
    }

    private String responsible(Task task) {
        List<String> names = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (link.getGroupId() != null) {
                names.add(
                        link.getGroupId().startsWith("provider-")
                                ? catalog.providerNameOfGroup(link.getGroupId())
                                : profiles.groupName(link.getGroupId()));
            }
        }
        return String.join("、", names);
    }
}
