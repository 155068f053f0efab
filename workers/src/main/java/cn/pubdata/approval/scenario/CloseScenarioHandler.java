package cn.pubdata.approval.scenario;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Ends a scenario review: records its outcome and reason and tells every party. An approval reaches the operator,
 * the authority, every provider unit on the list and the unit that proposed it.
 */
@Component
class CloseScenarioHandler implements ExternalTaskHandler {

    private final Scenarios scenarios;
    private final ScenarioContacts contacts;
    private final Timeline timeline;
    private final Notifications notifications;

    CloseScenarioHandler(
            Scenarios scenarios, ScenarioContacts contacts, Timeline timeline, Notifications notifications) {
        this.scenarios = scenarios;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "scenario-close";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("scenarioId");
        ScenarioStatus outcome = ScenarioStatus.valueOf(task.string("outcome"));
        String reason = task.stringOr("outcomeReason", "").trim();
        if (outcome != ScenarioStatus.APPROVED && reason.isEmpty()) {
            throw new IllegalStateException("场景 " + id + " 以「" + outcome.label() + "」结束，但没有记录原因");
        }
        scenarios.close(id, outcome, reason.isEmpty() ? null : reason);
        Scenario scenario = scenarios.get(id);
        String approvedList =
                scenarios.approvedLines(id).stream().map(ScenarioLine::describe).collect(Collectors.joining("\n"));
        String title = "【场景" + outcome.label() + "】" + scenario.getName();
        String body = scenario.getCompanyName() + "：\n\n"
                + switch (outcome) {
                    case APPROVED ->
                        "您申报的场景「" + scenario.getName() + "」已审核通过。获同意的数据需求清单：\n" + approvedList
                                + (scenario.getAdmissionApplicationId() == null
                                        ? "\n\n可在此场景下提出数据需求申请、申报数据产品和服务。"
                                        : "\n\n场景随准入结果生效。");
                    case REJECTED -> "您申报的场景「" + scenario.getName() + "」未通过审核。\n原因：" + reason;
                    case WITHDRAWN -> "场景申请已撤回。\n说明：" + reason;
                    case EXPIRED -> "您未在规定期限内提交补正材料，场景申请已终止。\n" + reason;
                    case ENDED -> "场景已终止。\n原因：" + reason;
                    case IN_REVIEW -> throw new IllegalStateException("IN_REVIEW is no outcome");
                };
        timeline.record(
                Subjects.scenario(id),
                "场景审核结束：" + outcome.label(),
                reason.isEmpty() ? null : reason,
                "系统",
                task.dedupeKey("timeline"));
        notifications.send(
                Notifications.operator(scenario.getCreditCode()),
                task.dedupeKey("operator"),
                title,
                body,
                contacts.emailOf(scenario));
        Set<String> parties = new LinkedHashSet<>();
        if (scenario.getProposerGroup() != null) {
            parties.add(scenario.getProposerGroup());
        }
        if (outcome == ScenarioStatus.APPROVED) {
            parties.add("authority-reviewer");
            scenarios.approvedLines(id).forEach(l -> parties.add(l.providerGroup()));
        }
        String partyBody = scenario.getCompanyName() + "（" + scenario.getCreditCode() + "）的场景「" + scenario.getName()
                + "」" + outcome.label() + "。"
                + (outcome == ScenarioStatus.APPROVED ? "\n数据需求清单：\n" + approvedList : "\n" + reason);
        for (String group : parties) {
            notifications.send(Notifications.group(group), task.dedupeKey(group), title, partyBody, null);
        }
        return Map.of();
    }
}
