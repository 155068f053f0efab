package cn.pubdata.approval.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;

/** What a reviewer entered in a task's form, read with the message to show when it is missing or wrong. */
public final class TaskInput {

    private TaskInput() {}

    public static String choice(DelegateTask task, String name, Set<String> allowed, String message) {
        Object v = task.getVariable(name);
        if (v == null || !allowed.contains(v.toString())) {
            throw new InvalidDecision(message);
        }
        return v.toString();
    }

    public static String required(DelegateTask task, String name, String message) {
        Object v = task.getVariable(name);
        if (v == null || v.toString().isBlank()) {
            throw new InvalidDecision(message);
        }
        return v.toString().trim();
    }

    public static String optional(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    public static int whole(DelegateTask task, String name, String message) {
        Object v = task.getVariable(name);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidDecision(message);
        }
        return n.intValue();
    }

    /** The rows of a dynamic list in the form (a JSON list variable): one map per row. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(DelegateTask task, String name, String message) {
        Object v = task.getVariable(name);
        if (!(v instanceof List<?> list) || list.stream().anyMatch(row -> !(row instanceof Map<?, ?>))) {
            throw new InvalidDecision(message);
        }
        return (List<Map<String, Object>>) v;
    }

    /** Who completed the task: its assignee (the decision claims it first), or a plain word where nobody claimed it. */
    public static String actor(DelegateTask task) {
        return task.getAssignee() == null ? "审查人" : task.getAssignee();
    }
}
