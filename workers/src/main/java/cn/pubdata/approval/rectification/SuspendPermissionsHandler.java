package cn.pubdata.approval.rectification;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** RECT-05: with the order to correct, the operator's platform permissions are suspended at once (暂时关闭). */
@Component
class SuspendPermissionsHandler implements ExternalTaskHandler {

    private final Rectifications rectifications;
    private final Timeline timeline;

    SuspendPermissionsHandler(Rectifications rectifications, Timeline timeline) {
        this.rectifications = rectifications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "rectification-suspend";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("rectificationId");
        rectifications.suspended(id, task.dedupeKey("suspend"));
        timeline.record(
                Subjects.rectification(id),
                "暂时关闭平台使用权限",
                "整改期间不能提交新的场景、数据需求或产品申请；整改通过后恢复",
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
