package cn.pubdata.approval.task;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskDecisions decisions;

    TaskController(TaskDecisions decisions) {
        this.decisions = decisions;
    }

    /** A reviewer's decision, with the same fields as the task's Camunda Form. */
    @PostMapping("/{taskId}/decision")
    ResponseEntity<Map<String, String>> decide(@PathVariable String taskId, @RequestParam(required = false) String userId,
            @RequestBody Map<String, Object> decision) {
        decisions.decide(taskId, userId, decision);
        return ResponseEntity.ok(Map.of("message", "已办理"));
    }
}
