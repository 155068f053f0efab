package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The evaluation's notices: the report requested, with what it must cover and its due day (EVAL-01, EVAL-02, EVAL-08);
 * a report not filed by then escalated to the manager, after which the evaluation proceeds without it.
 */
@Component
class EvaluationNoticeHandler implements ExternalTaskHandler {

    private final Evaluations evaluations;
    private final Agreements agreements;
    private final AgreementContacts contacts;
    private final Notifications notifications;
    private final Timeline timeline;

    EvaluationNoticeHandler(
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
        return "evaluation-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        Evaluation e = evaluations.get(task.longValue("evaluationId"));
        String due = e.reportDue().atZone(Clocks.BEIJING).toLocalDate().toString();
        switch (task.string("noticeTemplate")) {
            case "REPORT_REQUESTED" -> {
                String what = switch (e.kind()) {
                    case ANNUAL ->
                        "上一报告期（" + e.periodFrom() + " 至 " + e.periodTo() + "）的运营情况报告，包括运营数据需求、数据使用情况、产生效益、数据安全，"
                                + "以及收入、场景、产品、安全事件和应急演练的数据";
                    case SECURITY -> "近半年（" + e.periodFrom() + " 至 " + e.periodTo() + "）的运营安全情况报告";
                    case DEVELOPERS ->
                        "报告期（" + e.periodFrom() + " 至 " + e.periodTo()
                                + "）的开发利用主体情况报告，包括开发利用主体的入驻和退出、数据使用和安全情况（DEV-07）";
                };
                notifications.send(
                        Notifications.operator(e.creditCode()),
                        task.dedupeKey("operator"),
                        "【请提交" + e.kind().label().replace("及评估", "") + "】" + due + " 前",
                        e.companyName() + "：\n\n请于 " + due + " 前在门户提交" + what + "。逾期未提交的，将上报数据主管部门负责人，评估照常进行。",
                        contacts.emailOf(agreements.find(e.agreementId()).orElseThrow()));
                timeline.record(
                        Subjects.evaluation(e.id()), "通知运营机构提交报告", due + " 前", "系统", task.dedupeKey("timeline"));
            }
            case "ESCALATED" -> {
                evaluations.reportMissing(e.id());
                for (String group : new String[] {"manager", "authority-reviewer"}) {
                    notifications.send(
                            Notifications.group(group),
                            task.dedupeKey(group),
                            "【报告逾期未交】" + e.companyName(),
                            e.companyName() + "（" + e.creditCode() + "）未在 " + due + " 前提交"
                                    + e.kind().label().replace("及评估", "") + "（" + e.periodFrom() + " 至 " + e.periodTo()
                                    + "）。评估在没有报告的情况下继续进行。",
                            null);
                }
                timeline.record(
                        Subjects.evaluation(e.id()),
                        "报告逾期未交，已上报负责人",
                        "应于 " + due + " 前提交；评估继续进行",
                        "系统",
                        task.dedupeKey("timeline"));
            }
            default -> throw new IllegalStateException("unknown evaluation notice " + task.string("noticeTemplate"));
        }
        return Map.of();
    }
}
