package cn.pubdata.approval.rectification;

import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.progress.OpenSteps;
import cn.pubdata.approval.timeline.Subjects;
import java.util.List;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the authority and the operator do to a rectification: order it (directly or from an inspection), file the plan,
 * file the report. Each stores the domain change and moves the process in one transaction: both or neither.
 */
@Service
public class RectificationSubmission {

    private final Rectifications rectifications;
    private final Inspections inspections;
    private final RuntimeService runtime;
    private final OpenSteps steps;

    public RectificationSubmission(
            Rectifications rectifications, Inspections inspections, RuntimeService runtime, OpenSteps steps) {
        this.rectifications = rectifications;
        this.inspections = inspections;
        this.runtime = runtime;
        this.steps = steps;
    }

    /** Orders a rectification and starts its process (by the RectificationOrdered message, as every flow does). */
    @Transactional
    public Rectification order(RectificationOrder order, Actor actor) {
        Rectification r = rectifications.order(order, actor);
        runtime.createMessageCorrelation(RectificationProcess.MESSAGE_ORDERED)
                .processInstanceBusinessKey(Subjects.rectification(r.id()))
                .setVariable("rectificationId", r.id())
                .correlateStartMessage();
        return rectifications.get(r.id());
    }

    /**
     * RECT-11: an inspection is recorded and its findings sent to the operator; where asked, it opens a rectification of
     * its findings, which then follows them up.
     */
    @Transactional
    public Inspections.Inspection inspect(Inspections.InspectionForm form, List<Long> evidenceDocumentIds, Actor actor) {
        Inspections.Inspection inspection = inspections.record(form, actor);
        if (form.orderRectification()) {
            Rectification r = order(
                    new RectificationOrder(
                            form.agreementId(),
                            RectificationTrigger.INSPECTION,
                            form.findings(),
                            "监督检查（" + form.inspectedOn() + "，" + form.departments() + "）：" + form.areas(),
                            evidenceDocumentIds,
                            form.deadline(),
                            null),
                    actor);
            inspections.openedRectification(inspection.id(), r.id());
        }
        return inspections.get(inspection.id());
    }

    @Transactional
    public Rectification filePlan(long id, String plan, List<Long> documentIds, Actor actor) {
        Rectification r = rectifications.getOf(id, actor);
        if (!steps.waitsFor(r.processInstanceId(), RectificationProcess.MESSAGE_PLAN_FILED)) {
            throw Problem.conflict("当前无需提交整改方案");
        }
        rectifications.filePlan(id, plan, documentIds, actor);
        runtime.createMessageCorrelation(RectificationProcess.MESSAGE_PLAN_FILED)
                .processInstanceId(r.processInstanceId())
                .correlate();
        return rectifications.get(id);
    }

    @Transactional
    public Rectification fileReport(long id, String report, List<Long> documentIds, Actor actor) {
        Rectification r = rectifications.getOf(id, actor);
        if (!steps.waitsFor(r.processInstanceId(), RectificationProcess.MESSAGE_REPORT_FILED)) {
            throw Problem.conflict(r.planFiledAt() == null ? "请先提交整改方案" : "当前无需提交整改报告");
        }
        rectifications.fileReport(id, report, documentIds, actor);
        runtime.createMessageCorrelation(RectificationProcess.MESSAGE_REPORT_FILED)
                .processInstanceId(r.processInstanceId())
                .correlate();
        return rectifications.get(id);
    }
}
