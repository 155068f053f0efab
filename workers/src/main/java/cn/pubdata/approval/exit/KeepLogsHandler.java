package cn.pubdata.approval.exit;

import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Component;

/** EXIT-11: the logs are kept for the profile's period; the flow then waits until that day to release them. */
@Component
class KeepLogsHandler implements ExternalTaskHandler {

    private final ExitCases exits;

    KeepLogsHandler(ExitCases exits) {
        this.exits = exits;
    }

    @Override
    public String topic() {
        return "exit-keep-logs";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        LocalDate until = exits.keepLogs(task.longValue("exitId"));
        return Map.of(
                "logsKeptUntil", Date.from(until.atStartOfDay(Clocks.BEIJING).toInstant()),
                "logsKeptUntilDay", until.toString());
    }
}
