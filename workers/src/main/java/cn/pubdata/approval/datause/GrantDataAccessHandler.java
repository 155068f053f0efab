package cn.pubdata.approval.datause;

import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.BusinessOutcome;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * SCN-08: opens access on the platform for exactly the lines the authority, their providers and (for returned data)
 * the province consented to. A list left empty meanwhile (every resource reclassified as prohibited, CAT-01) is a
 * business outcome the model ends with.
 */
@Component
class GrantDataAccessHandler implements ExternalTaskHandler {

    private final DataUses dataUses;
    private final Timeline timeline;

    GrantDataAccessHandler(DataUses dataUses, Timeline timeline) {
        this.dataUses = dataUses;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "data-use-grant";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("requestId");
        List<DataUseLine> granted = dataUses.grantAccess(id);
        if (granted.isEmpty()) {
            throw new BusinessOutcome("NO_LINE_LEFT", "获同意的数据需求中已没有可授权的数据资源（CAT-01）");
        }
        timeline.record(
                Subjects.dataUse(id),
                "已在平台开通数据访问权限",
                granted.stream().map(DataUseLine::describe).collect(Collectors.joining("\n")),
                "系统",
                task.dedupeKey("timeline"));
        return Map.of("grantedLineCount", granted.size());
    }
}
