package cn.pubdata.approval.term;

import static cn.pubdata.approval.task.TaskInput.actor;
import static cn.pubdata.approval.task.TaskInput.choice;
import static cn.pubdata.approval.task.TaskInput.optional;
import static cn.pubdata.approval.task.TaskInput.required;

import cn.pubdata.approval.agreement.AgreementRenewals;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.evaluation.Evaluations;
import cn.pubdata.approval.pricing.RevenueLedger;
import cn.pubdata.approval.task.InvalidDecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The term's decisions: the review of a renewal application and the re-signing (ADM-20), the periodic re-evaluation
 * of the maximum allowed revenue with the ledger before the price authority (PRC-03).
 */
@Component("termDecisions")
public class TermDecisions implements TaskListener {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final AgreementRenewals renewals;
    private final Agreements agreements;
    private final Evaluations evaluations;
    private final RevenueLedger ledger;
    private final TermSchedule schedule;

    public TermDecisions(
            AgreementRenewals renewals,
            Agreements agreements,
            Evaluations evaluations,
            RevenueLedger ledger,
            TermSchedule schedule) {
        this.renewals = renewals;
        this.agreements = agreements;
        this.evaluations = evaluations;
        this.ledger = ledger;
        this.schedule = schedule;
    }

    @Override
    public void notify(DelegateTask task) {
        long agreementId = ((Number) task.getVariable("agreementId")).longValue();
        Agreement agreement = agreements.find(agreementId).orElseThrow();
        boolean created = TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
        switch (task.getTaskDefinitionKey()) {
            case TermProcess.TASK_REVIEW_RENEWAL -> {
                long renewalId = ((Number) task.getVariable("renewalId")).longValue();
                if (created) {
                    var renewal = renewals.get(renewalId);
                    task.setVariableLocal("renewalReasonText", renewal.reason());
                    task.setVariableLocal("endsOnDay", agreement.endsOn().toString());
                    task.setVariableLocal(
                            "evaluationResults",
                            evaluations.resultsText(agreement.creditCode(), agreement.jurisdiction()));
                    return;
                }
                String decision = choice(task, "renewalDecision", Set.of("approve", "refuse"), "请选择审核意见");
                String reason = decision.equals("refuse")
                        ? required(task, "renewalReason", "不予续期时请写明理由")
                        : optional(task, "renewalReason");
                renewals.decide(renewalId, decision.equals("approve"), reason, actor(task));
            }
            case TermProcess.TASK_RESIGN -> {
                long renewalId = ((Number) task.getVariable("renewalId")).longValue();
                String no = required(task, "newAgreementNo", "请填写续签的协议编号");
                LocalDate signedOn;
                try {
                    String day = required(task, "resignedOn", "请填写签订日期");
                    signedOn = LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day);
                } catch (DateTimeParseException e) {
                    throw new InvalidDecision("签订日期格式应为 2027-01-15");
                }
                renewals.resign(renewalId, no, signedOn, actor(task));
            }
            case TermProcess.TASK_REVIEW_REVENUE_CAP -> {
                LocalDate from = schedule.capReviewDue(task.getExecution());
                if (created) {
                    task.setVariableLocal("nextPeriodFrom", from.toString());
                    task.setVariableLocal(
                            "ledgerSummary",
                            ledger.ledger(agreementId).stream()
                                    .map(r -> r.periodFrom() + " 至 " + r.periodTo() + "：收入 " + r.revenueYuan()
                                            + " 元，最高准许收入 " + (r.capYuan() == null ? "未核定" : r.capYuan() + " 元")
                                            + (r.over() ? "（超出 " + r.overByYuan() + " 元）" : ""))
                                    .collect(Collectors.collectingAndThen(
                                            Collectors.joining("\n"), s -> s.isEmpty() ? "尚无收入记录" : s)));
                    return;
                }
                Object wan = task.getVariable("maxAllowedRevenueWan");
                if (!(wan instanceof Number n) || n.doubleValue() < 0) {
                    throw new InvalidDecision("请填写最高准许收入（万元，不小于0）");
                }
                String basis = required(task, "revenueCapBasis", "请写明核定依据");
                ledger.setCap(
                        agreementId,
                        new BigDecimal(n.toString()).multiply(TEN_THOUSAND),
                        basis,
                        from,
                        actor(task),
                        "cap-review:" + task.getId());
                task.getExecution().setVariable("capReviewFrom", from.toString());
            }
            default -> throw new IllegalStateException("no decision rules for task " + task.getTaskDefinitionKey());
        }
    }
}
