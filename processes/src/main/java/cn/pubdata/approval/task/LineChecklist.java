package cn.pubdata.approval.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.operaton.bpm.engine.delegate.DelegateTask;

/**
 * The checklist of demand lines a reviewer consents to: one box per line ({@code lineOptions}), the boxes ticked
 * ({@code consentedLines}) and the reason for the lines left unticked ({@code refusalReason}). Set on the task's own
 * execution, so the answers of one unit in a multi-instance review stay apart from another's.
 */
public final class LineChecklist {

    public static final String OPTIONS = "lineOptions";
    public static final String CONSENTED = "consentedLines";
    public static final String REASON = "refusalReason";

    private LineChecklist() {}

    public static void offer(DelegateTask task, List<Map<String, Object>> options) {
        task.getExecution().setVariableLocal(OPTIONS, options);
        task.getExecution().setVariableLocal(CONSENTED, new ArrayList<String>());
        task.getExecution().setVariableLocal(REASON, "");
    }

    public static List<?> consented(DelegateTask task) {
        return TaskInput.ticked(task, CONSENTED);
    }

    public static String reason(DelegateTask task) {
        return TaskInput.optional(task, REASON);
    }
}
