package cn.pubdata.approval.evaluation;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.pricing.RevenueLedger;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The revenue the operator reported for the period enters the ledger beside the maximum allowed revenue (PRC-03);
 * revenue above the cap is flagged to the authority and the price authority, once.
 */
@Component
class RecordRevenueHandler implements ExternalTaskHandler {

    private final Evaluations evaluations;
    private final RevenueLedger ledger;
    private final Notifications notifications;
    private final Timeline timeline;

    RecordRevenueHandler(
            Evaluations evaluations, RevenueLedger ledger, Notifications notifications, Timeline timeline) {
        this.evaluations = evaluations;
        this.ledger = ledger;
        this.notifications = notifications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "evaluation-record-revenue";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        Evaluation e = evaluations.get(task.longValue("evaluationId"));
        RevenueLedger.Row row = ledger.report(e.agreementId(), e.periodFrom(), e.periodTo(), e.revenueYuan(), e.id());
        String line = e.periodFrom() + " 至 " + e.periodTo() + " 收入 " + row.revenueYuan() + " 元"
                + (row.capYuan() == null ? "（未核定最高准许收入）" : "，最高准许收入 " + row.capYuan() + " 元");
        timeline.record(Subjects.evaluation(e.id()), "收入记入台账", line, "系统", task.dedupeKey("timeline"));
        if (row.over() && ledger.flag(row.id())) {
            for (String group : new String[] {"authority-reviewer", "pricing-officer"}) {
                notifications.send(
                        Notifications.group(group),
                        task.dedupeKey(group),
                        "【收入超过最高准许收入】" + e.companyName(),
                        e.companyName() + "（" + e.creditCode() + "）" + line + "，超出 " + row.overByYuan()
                                + " 元。请核查并按规定处理。",
                        null);
            }
            timeline.record(
                    Subjects.evaluation(e.id()),
                    "收入超过最高准许收入，已提示数据主管部门和价格主管部门",
                    "超出 " + row.overByYuan() + " 元",
                    "系统",
                    task.dedupeKey("over"));
        }
        return Map.of("revenueOverCap", row.over());
    }
}
