package cn.pubdata.approval.task;

import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;

/** A reviewer's answer on the demand-line checklist of its task, as Tasklist submits it. */
public final class LineAnswers {

    private LineAnswers() {}

    /** The boxes the task's form offers: {@code value} the line number, {@code label} the line. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> options(TaskService tasks, Task task) {
        return (List<Map<String, Object>>) tasks.getVariable(task.getId(), LineChecklist.OPTIONS);
    }

    /** Every box ticked when {@code consent} is "yes", none (with the reason) when it is "no". */
    public static Map<String, Object> answered(TaskService tasks, Task task, String consent, String reason) {
        return "yes".equals(consent) ? consentAll(tasks, task) : answer(List.of(), reason);
    }

    public static Map<String, Object> consentAll(TaskService tasks, Task task) {
        return answer(options(tasks, task).stream().map(o -> o.get("value")).toList(), "");
    }

    public static Map<String, Object> answer(List<?> consented, String reason) {
        return Map.of(LineChecklist.CONSENTED, consented, LineChecklist.REASON, reason);
    }
}
