package cn.pubdata.approval.exit;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The retention period is over: the logs may now be deleted, and the authority is told. Refused before that day. */
@Component
class ReleaseLogsHandler implements ExternalTaskHandler {

    private final ExitCases exits;
    private final Notifications notifications;
    private final Timeline timeline;

    ReleaseLogsHandler(ExitCases exits, Notifications notifications, Timeline timeline) {
        this.exits = exits;
        this.notifications = notifications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "exit-release-logs";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        ExitCase exit = exits.get(task.longValue("exitId"));
        exits.releaseLogs(exit.id());
        timeline.record(
                Subjects.exit(exit.id()),
                exit.logKind() + "留存期满（" + exit.logsKeptUntil() + "）",
                "留存期已满，可按规定删除",
                "系统",
                task.dedupeKey("timeline"));
        notifications.send(
                Notifications.group("authority-reviewer"),
                task.dedupeKey("authority"),
                "【日志留存期满】" + exit.companyName(),
                exit.companyName() + "（" + exit.creditCode() + "）退出后留存的" + exit.logKind() + "已于 " + exit.logsKeptUntil()
                        + " 留存期满，可按规定删除。",
                null);
        return Map.of();
    }
}
