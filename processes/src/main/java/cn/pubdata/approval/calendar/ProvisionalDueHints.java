package cn.pubdata.approval.calendar;

import cn.pubdata.approval.common.Clocks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A reviewer's task whose due date counts through a year without an entered holiday schedule says so where Tasklist
 * shows it, first in the task's description (the 说明 tab), and keeps how the date was counted as a task variable, so
 * that entering the year sets the right date ({@link CalendarYears}). The due date itself is set as always.
 */
@Component
public class ProvisionalDueHints extends AbstractProcessEnginePlugin implements TaskListener {

    /** The task variable that keeps how a provisional due date was counted. */
    static final String TASK_VARIABLE = "dueDateProvisional";

    static final String HINT = "【期限暂定】";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int DESCRIPTION_LIMIT = 4000;

    private final WorkingDayCalendar calendar;

    public ProvisionalDueHints(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new BpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                // built in, so that it also runs when a manager starts a task in Cockpit skipping custom listeners
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ProvisionalDueHints.this);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** On creation: the due date was counted from the day the task was created. */
    @Override
    public void notify(DelegateTask task) {
        if (task.getDueDate() == null) {
            return;
        }
        LocalDate created = day(task.getCreateTime());
        LocalDate due = day(task.getDueDate());
        if (!due.isAfter(created)) {
            return;
        }
        List<Integer> notEntered = calendar.yearsNotEntered(created.plusDays(1), due);
        if (notEntered.isEmpty()) {
            return;
        }
        int workingDays = calendar.workingDaysUntil(created, due);
        task.setVariableLocal(TASK_VARIABLE, new ProvisionalCount(created, workingDays, due).toString());
        task.setDescription(hinted(task.getDescription(), new DueDay(due, notEntered)));
    }

    /** The description with the hint first, or without it once the due date is final. */
    static String hinted(String description, DueDay due) {
        String plain = withoutHint(description);
        if (!due.provisional()) {
            return plain;
        }
        String hint = HINT + "本任务期限 " + DAY.format(due.day()) + " 为暂定：" + due.reason();
        String text = plain == null || plain.isBlank() ? hint : hint + "\n\n" + plain;
        return text.length() <= DESCRIPTION_LIMIT ? text : text.substring(0, DESCRIPTION_LIMIT);
    }

    static String withoutHint(String description) {
        if (description == null || !description.startsWith(HINT)) {
            return description;
        }
        int end = description.indexOf("\n\n");
        return end < 0 ? null : description.substring(end + 2);
    }

    static LocalDate day(Date date) {
        return date.toInstant().atZone(Clocks.BEIJING).toLocalDate();
    }
}
