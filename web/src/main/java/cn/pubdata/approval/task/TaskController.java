package cn.pubdata.approval.task;

import cn.pubdata.approval.identity.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskDecisions decisions;
    private final OpenTasks openTasks;
    private final CurrentUser user;
    private final Clock clock;

    TaskController(TaskDecisions decisions, OpenTasks openTasks, CurrentUser user, Clock clock) {
        this.decisions = decisions;
        this.openTasks = openTasks;
        this.user = user;
        this.clock = clock;
    }

    /** The reviewer's open tasks (their units' and those they claimed), soonest due first, to open in Tasklist. */
    @GetMapping
    List<OpenTasks.OpenTask> mine() {
        return openTasks.of(user.name(), user.groups(), clock.instant());
    }

    /** A reviewer's decision on a task of one of their units, with the same fields as the task's Camunda Form. */
    @PostMapping("/{taskId}/decision")
    ResponseEntity<Map<String, String>> decide(@PathVariable String taskId, @RequestBody Map<String, Object> decision) {
        decisions.decide(taskId, user.name(), user.groups(), decision);
        return ResponseEntity.ok(Map.of("message", "已办理"));
    }
}
