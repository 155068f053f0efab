package cn.pubdata.approval.datause;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.permissions.DataAccessGrants;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioContacts;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Ends a data-use request: records its outcome and reason and tells the operator; on approval, also the provider
 * units whose data it may now use.
 */
@Component
class CloseDataUseHandler implements ExternalTaskHandler {

    private final DataUses dataUses;
    private final DataAccessGrants grants;
    private final ScenarioContacts contacts;
    private final Timeline timeline;
    private final Notifications notifications;

    CloseDataUseHandler(
            DataUses dataUses,
            DataAccessGrants grants,
            ScenarioContacts contacts,
            Timeline timeline,
            Notifications notifications) {
        this.dataUses = dataUses;
        this.grants = grants;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "data-use-close";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("requestId");
        DataUseStatus outcome = DataUseStatus.valueOf(task.string("outcome"));
        String reason = task.stringOr("outcomeReason", "").trim();
        if (outcome != DataUseStatus.APPROVED && reason.isEmpty()) {
            throw new IllegalStateException("数据需求申请 " + id + " 以「" + outcome.label() + "」结束，但没有记录原因");
        }
        dataUses.close(id, outcome, reason.isEmpty() ? null : reason);
        DataUseRequest request = dataUses.get(id);
        if (outcome == DataUseStatus.ENDED && request.getStatus() == DataUseStatus.REFUSED) {
            // an exit during the appeal period: the refusal stands and was told; only the period ends
            timeline.record(
                    Subjects.dataUse(id),
                    "申诉期结束：运营机构退出",
                    reason.isEmpty() ? null : reason,
                    "系统",
                    task.dedupeKey("timeline"));
            return Map.of();
        }
        Scenario scenario = dataUses.scenarioOf(request);
        Set<String> granted = grants.ofRequest(id).stream()
                .map(DataAccessGrants.DataAccessGrant::resourceCode)
                .collect(Collectors.toSet());
        List<DataUseLine> grantedLines = dataUses.lines(id).stream()
                .filter(l -> granted.contains(l.resourceCode()) && l.consented())
                .toList();
        String grantedList = grantedLines.stream().map(DataUseLine::describe).collect(Collectors.joining("\n"));
        String title = "【数据需求申请" + outcome.label() + "】场景「" + scenario.getName() + "」";
        String body = scenario.getCompanyName() + "：\n\n"
                + switch (outcome) {
                    case APPROVED ->
                        "您在场景「" + scenario.getName() + "」下提出的数据需求申请已获数据主管部门和数据提供单位批准，已在授权运营平台开通以下数据的访问权限，使用期限 "
                                + request.getPeriodFrom() + " 至 " + request.getPeriodTo() + "：\n" + grantedList
                                + refusedLines(id) + "\n\n数据仅可在授权运营平台内按批准的用途使用。";
                    case REFUSED -> "您在场景「" + scenario.getName() + "」下提出的数据需求申请未获批准。\n原因：" + reason;
                    case WITHDRAWN -> "数据需求申请已撤回。\n说明：" + reason;
                    case ENDED -> "数据需求申请的审核已终止，不开通数据访问权限。\n原因：" + reason;
                    case IN_REVIEW -> throw new IllegalStateException("IN_REVIEW is no outcome");
                };
        timeline.record(
                Subjects.dataUse(id),
                "数据需求申请结束：" + outcome.label(),
                reason.isEmpty() ? null : reason,
                "系统",
                task.dedupeKey("timeline"));
        notifications.send(
                Notifications.operator(request.getCreditCode()),
                task.dedupeKey("operator"),
                title,
                body,
                contacts.emailOf(scenario));
        if (outcome == DataUseStatus.APPROVED) {
            Set<String> providers = new LinkedHashSet<>();
            grantedLines.forEach(l -> providers.add(l.providerGroup()));
            for (String group : providers) {
                String own = grantedLines.stream()
                        .filter(l -> l.providerGroup().equals(group))
                        .map(DataUseLine::describe)
                        .collect(Collectors.joining("\n"));
                notifications.send(
                        Notifications.group(group),
                        task.dedupeKey(group),
                        title,
                        scenario.getCompanyName() + "（" + request.getCreditCode() + "）已获准在平台使用本单位的以下数据，期限 "
                                + request.getPeriodFrom() + " 至 " + request.getPeriodTo() + "：\n" + own,
                        null);
            }
        }
        return Map.of();
    }

    private String refusedLines(long id) {
        String refused = dataUses.lines(id).stream()
                .filter(l -> !l.consented())
                .map(l -> l.describe() + "（" + l.state() + "）")
                .collect(Collectors.joining("\n"));
        return refused.isEmpty() ? "" : "\n\n未获同意的数据需求：\n" + refused;
    }
}
