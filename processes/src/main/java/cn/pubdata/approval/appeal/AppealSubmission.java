package cn.pubdata.approval.appeal;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import java.util.Map;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An appeal (APL-01) or objection (APL-04) stored and its process started in one transaction; its further material. */
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
        return start(appeals.file(applicationId, grounds, actor));
    }

    /** APL-01 (003): an operator appeals the refusal of its data-use request. */
    @Transactional
    public Appeal fileAgainstDataUse(long requestId, String grounds, Actor actor) {
        return start(appeals.fileAgainstDataUse(requestId, grounds, actor));
    }

    /** APL-01 (003): a developer appeals the operator's refusal of its data product in the out-of-domain review. */
    @Transactional
    public Appeal fileAgainstProduct(long productId, String grounds, Actor actor) {
        return start(appeals.fileAgainstProduct(productId, grounds, actor));
    }

    /** APL-04 (004): an operator objects to a provider's refusal of a line of its data-use request. */
    @Transactional
    public Appeal objectToLine(long requestId, Integer lineNo, String grounds, Actor actor) {
        return start(appeals.objectToLine(requestId, lineNo, grounds, actor));
    }

    private Appeal start(Appeal appeal) {
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
