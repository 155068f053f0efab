package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the operator the result, and what follows from it where the profile makes the result decisive (EVAL-05). */
@Component
class CloseEvaluationHandler implements ExternalTaskHandler {

    private final Evaluations evaluations;
    private final Agreements agreements;
    private final AgreementContacts contacts;
    private final Notifications notifications;
    private final Timeline timeline;

    CloseEvaluationHandler(
            Evaluations evaluations,
            Agreements agreements,
            AgreementContacts contacts,
            Notifications notifications,
            Timeline timeline) {
        this.evaluations = evaluations;
        this.agreements = agreements;
        this.contacts = contacts;
        this.notifications = notifications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "evaluation-close";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        Evaluation e = evaluations.get(task.longValue("evaluationId"));
        if (e.result() == null) {
            throw new IllegalStateException("评估 " + e.id() + " 尚未记录结果");
        }
        String follows = switch (e.result()) {
            case RECTIFY -> "\n请按随后送达的整改通知限期整改。";
            case FAIL -> task.bool("drivesOutcome") ? "\n按规定，评估未通过的，终止授权运营，已转入退出程序。" : "\n评估结果将作为再次申请授权运营的重要依据。";
            case PASS -> task.bool("drivesOutcome") ? "" : "\n评估结果将作为再次申请授权运营的重要依据。";
            case NOTED -> "";
        };
        notifications.send(
                Notifications.operator(e.creditCode()),
                task.dedupeKey("operator"),
                "【" + e.kind().label().replace("及评估", "") + "：" + e.result().label() + "】" + e.periodFrom() + " 至 "
                        + e.periodTo(),
                e.companyName() + "：\n\n" + e.kind().label() + "（" + e.periodFrom() + " 至 " + e.periodTo() + "）结果："
                        + e.result().label() + (e.resultReason() == null ? "" : "\n意见：" + e.resultReason()) + follows,
                contacts.emailOf(agreements.find(e.agreementId()).orElseThrow()));
        timeline.record(
                Subjects.evaluation(e.id()),
                "结果已告知运营机构：" + e.result().label(),
                e.resultReason(),
                "系统",
                task.dedupeKey("timeline"));
        return Map.of();
    }
}
