package cn.pubdata.approval.scenario;

import cn.pubdata.approval.catalog.ResourceProhibited;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * CAT-01: a resource reclassified as 禁止开放 leaves every demand list at once: its lines are suspended, in review and
 * approved alike, and the operators of approved scenarios are told.
 */
@Component
class ScenarioLinesOnProhibition {

    private final ScenarioLines lines;
    private final Scenarios scenarios;
    private final ScenarioContacts contacts;
    private final Timeline timeline;
    private final Notifications notifications;

    ScenarioLinesOnProhibition(
            ScenarioLines lines,
            Scenarios scenarios,
            ScenarioContacts contacts,
            Timeline timeline,
            Notifications notifications) {
        this.lines = lines;
        this.scenarios = scenarios;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @EventListener
    void on(ResourceProhibited event) {
        String reason = "「" + event.resourceName() + "」已被列为禁止开放的公共数据（CAT-01）：" + event.reason();
        for (long id : lines.suspendAll(event.resourceCode(), reason)) {
            Scenario scenario = scenarios.get(id);
            timeline.record(
                    Subjects.scenario(id),
                    "数据需求暂停：" + event.resourceName(),
                    reason,
                    "数据主管部门",
                    "prohibited:" + event.resourceCode() + ":" + id);
            if (scenario.getStatus() == ScenarioStatus.APPROVED) {
                notifications.send(
                        Notifications.operator(scenario.getCreditCode()),
                        "prohibited:" + event.resourceCode() + ":scenario:" + id,
                        "【数据需求暂停】场景「" + scenario.getName() + "」",
                        scenario.getCompanyName() + "：\n\n" + reason + "\n场景「" + scenario.getName()
                                + "」中使用该资源的数据需求已暂停，不得再使用。",
                        contacts.emailOf(scenario));
            }
        }
    }
}
