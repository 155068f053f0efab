package cn.pubdata.approval.calendar;

import java.util.Date;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** The timers a deadline variable set, moved with it: a timer reads its date only when the flow reaches it. */
@Component
public class DeadlineTimers {

    private final ManagementService management;

    public DeadlineTimers(ManagementService management) {
        this.management = management;
    }

    /** The instance's timers due at {@code before} wait for {@code after} instead. */
    public void move(String processInstanceId, Date before, Date after) {
        if (before.equals(after)) {
            return;
        }
        for (Job timer : management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .timers()
                .list()) {
            if (before.equals(timer.getDuedate())) {
                management.setJobDuedate(timer.getId(), after);
            }
        }
    }
}
