package cn.pubdata.approval.task;

import java.util.List;
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

    /** The values of the boxes ticked in a checklist (a JSON list variable); none when nothing is ticked. */
    public static List<?> ticked(DelegateTask task, String name) {
        Object v = task.getVariable(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new InvalidDecision("“" + name + "”应为勾选的条目列表");
        }
        return list;
    }

    /** Who completed the task: its assignee (the decision claims it first), or a plain word where nobody claimed it. */
    public static String actor(DelegateTask task) {
        return task.getAssignee() == null ? "审查人" : task.getAssignee();
    }

    /**
     * Who completed the task as the timeline and the audit log name them: the assignee's name (the decision claims the
     * task first) and the unit whose task it was, e.g. "审核岗 数据局（数据主管部门（审核岗））"; the unit alone where
     * nobody claimed it.
     */
    public static String signer(DelegateTask task) {
        String unit = TaskUnits.of(task);
        String person = task.getAssignee() == null ? null : TaskUnits.personName(task, task.getAssignee());
        if (person == null) {
            return unit == null ? "审查人" : unit;
        }
        return unit == null ? person : person + "（" + unit + "）";
    }
}
