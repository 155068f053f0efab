package cn.pubdata.approval.appeal;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A developer's appeal (APL-01) stored and its process started in one transaction; its further material. */
@Service
public class AppealSubmission {

    private final Appeals appeals;
    private final RuntimeService runtime;
    private final OpenSteps steps;

    public AppealSubmission(Appeals appeals, RuntimeService runtime, OpenSteps steps) {
        this.appeals = appeals;
        this.runtime = runtime;
        this.steps = steps;
    }

    @Transactional
    public Appeal file(long applicationId, String grounds, Actor actor) {
        Appeal appeal = appeals.file(applicationId, grounds, actor);
        runtime.startProcessInstanceByKey(
                AppealProcess.KEY, Subjects.appeal(appeal.id()), Map.of("appealId", appeal.id()));
        return appeals.get(appeal.id());
    }

    @Transactional
    public Appeal addMaterial(long id, String material, Actor actor) {
        Appeal appeal = appeals.ownAppeal(id, actor);
        if (!steps.waitsFor(appeal.processInstanceId(), AppealProcess.MESSAGE_MATERIAL_FILED)) {
            throw Problem.conflict("数据主管部门目前未要求补充材料");
        }
        appeals.addMaterial(id, material, actor);
        runtime.createMessageCorrelation(AppealProcess.MESSAGE_MATERIAL_FILED)
                .processInstanceId(appeal.processInstanceId())
                .setVariable("material", material.trim())
                .correlate();
        return appeals.get(id);
    }
}
