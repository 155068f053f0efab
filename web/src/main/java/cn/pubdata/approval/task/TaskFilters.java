package cn.pubdata.approval.task;

import java.util.Map;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tasklist's filters: each reviewer sees the tasks of their own groups first, then the ones they claimed. */
@Component
class TaskFilters {

    private final FilterService filters;
    private final TaskService tasks;

    TaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        create(
                "本部门待办",
                -10,
                "我所在部门（候选组）的待办任务，按到期日排列",
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .orderByDueDate()
                        .asc());
        create(
                "我的任务",
                -5,
                "我已认领的任务",
                tasks.createTaskQuery()
                        .taskAssigneeExpression("${currentUser()}")
                        .orderByDueDate()
                        .asc());
    }

    private void create(String name, int priority, String description, org.operaton.bpm.engine.task.TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filters.saveFilter(filter);
    }
}
