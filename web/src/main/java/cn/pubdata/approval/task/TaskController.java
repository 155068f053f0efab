package cn.pubdata.approval.task;

import cn.pubdata.approval.identity.CurrentUser;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskDecisions decisions;
    private final CurrentUser user;

    TaskController(TaskDecisions decisions, CurrentUser user) {
        this.decisions = decisions;
        this.user = user;
    }

    /** A reviewer's decision on a task of one of their units, with the same fields as the task's Camunda Form. */
    @PostMapping("/{taskId}/decision")
    ResponseEntity<Map<String, String>> decide(@PathVariable String taskId, @RequestBody Map<String, Object> decision) {
        decisions.decide(taskId, user.name(), user.groups(), decision);
        return ResponseEntity.ok(Map.of("message", "已办理"));
    }
}
