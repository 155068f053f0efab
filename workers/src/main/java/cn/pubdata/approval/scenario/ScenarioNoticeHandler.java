package cn.pubdata.approval.scenario;

import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the operator what it must do now during a scenario review: supplement (补正) by a due day. */
@Component
class ScenarioNoticeHandler implements ExternalTaskHandler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Scenarios scenarios;
    private final ScenarioContacts contacts;
    private final Notifications notifications;

    ScenarioNoticeHandler(Scenarios scenarios, ScenarioContacts contacts, Notifications notifications) {
        this.scenarios = scenarios;
        this.contacts = contacts;
        this.notifications = notifications;
    }

    @Override
    public String topic() {
        return "scenario-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        Scenario scenario = scenarios.get(task.longValue("scenarioId"));
        String template = task.string("noticeTemplate");
        if (!template.equals("SUPPLEMENT_REQUESTED")) {
            throw new IllegalStateException("未知的通知模板 " + template);
        }
        String title = "【需补正】场景「" + scenario.getName() + "」";
        String body = scenario.getCompanyName() + "：\n\n您申报的场景「" + scenario.getName() + "」经预审需要补正（第 "
                + task.intValue("supplementRounds") + " 次补正）。\n补正要求：" + task.string("preCheckReason") + "\n\n请于 "
                + DAY.format(task.date("supplementDue")) + "（含）前登录门户提交补正材料，逾期未补正的，场景申请将终止。";
        notifications.send(
                Notifications.operator(scenario.getCreditCode()),
                task.dedupeKey("operator"),
                title,
                body,
                contacts.emailOf(scenario));
        return Map.of();
    }
}
