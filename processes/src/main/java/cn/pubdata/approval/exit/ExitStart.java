package cn.pubdata.approval.exit;

import cn.pubdata.approval.common.Clocks;
import java.util.Date;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Every exit's process starts from its stored facts — the profile version it began with among them — and the exit
 * knows its process instance.
 */
@Component("exitStart")
public class ExitStart implements ExecutionListener {

    private final ExitCases exits;

    public ExitStart(ExitCases exits) {
        this.exits = exits;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ExitCase exit = exits.get(((Number) execution.getVariable("exitId")).longValue());
        execution.setVariables(exits.facts(exit));
        execution.setVariable(
                "exitDayAt",
                Date.from(exit.exitDate().atStartOfDay(Clocks.BEIJING).toInstant()));
        if (exit.planDue() != null) {
            // due by the end of its day
            execution.setVariable(
                    "planDueAt",
                    Date.from(exit.planDue()
                            .plusDays(1)
                            .atStartOfDay(Clocks.BEIJING)
                            .toInstant()));
        }
        exits.startedAs(exit.id(), execution.getProcessInstanceId());
    }
}
