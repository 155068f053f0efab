package cn.pubdata.approval.task;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A reviewer's open tasks as the portal lists them: those of their units (candidate groups) and those they claimed,
 * soonest due first, each with the flow and the case it belongs to, to be done in Tasklist.
 */
@Service
public class OpenTasks {

    /** Enough for a person's list; a unit with more works from Tasklist's filters. */
    static final int LIMIT = 200;

    public record OpenTask(
            String id,
            String name,
            String flowKey,
            String flowName,
            String businessKey,
            String processInstanceId,
            Instant created,
            Instant due,
            boolean overdue,
            boolean claimedByMe) {}

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final Map<String, String[]> definitions = new HashMap<>();

    public OpenTasks(TaskService tasks, RuntimeService runtime, RepositoryService repository) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
    }

    public List<OpenTask> of(String userId, Set<String> groups, Instant now) {
        Map<String, Task> byId = new LinkedHashMap<>();
        tasks.createTaskQuery().active().taskAssignee(userId).listPage(0, LIMIT).forEach(t -> byId.put(t.getId(), t));
        if (!groups.isEmpty()) {
            tasks.createTaskQuery()
                    .active()
                    .taskCandidateGroupIn(List.copyOf(groups))
                    .includeAssignedTasks()
                    .orderByDueDate()
                    .asc()
                    .listPage(0, LIMIT)
                    .forEach(t -> byId.putIfAbsent(t.getId(), t));
        }
        List<Task> open = byId.values().stream()
                .sorted(Comparator.comparing(
                        (Task t) ->
                                t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(LIMIT)
                .toList();
        Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .processInstanceIds(instanceIds)
                    .list()) {
                businessKeys.put(instance.getId(), instance.getBusinessKey());
            }
        }
        return open.stream()
                .map(task -> {
                    String[] flow = flowOf(task.getProcessDefinitionId());
                    Instant due =
                            task.getDueDate() == null ? null : task.getDueDate().toInstant();
                    return new OpenTask(
                            task.getId(),
                            task.getName(),
                            flow[0],
                            flow[1],
                            businessKeys.get(task.getProcessInstanceId()),
                            task.getProcessInstanceId(),
                            task.getCreateTime().toInstant(),
                            due,
                            due != null && due.isBefore(now),
                            userId.equals(task.getAssignee()));
                })
                .toList();
    }

    private synchronized String[] flowOf(String definitionId) {
        return definitions.computeIfAbsent(definitionId, id -> {
            var definition = repository.getProcessDefinition(id);
            return new String[] {
                definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName()
            };
        });
    }
}
