package cn.pubdata.approval.datause;

import cn.pubdata.approval.catalog.ResourceProhibited;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.permissions.DataAccessGrants;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioContacts;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * CAT-01: a resource reclassified as 禁止开放 may no longer be used: every access granted to it is revoked at once, with
 * the reason, and the operator of each request is told.
 */
@Component
class DataAccessOnProhibition {

    private final DataAccessGrants grants;
    private final DataUses dataUses;
    private final ScenarioContacts contacts;
    private final Timeline timeline;
    private final Notifications notifications;
    private final Clock clock;

    DataAccessOnProhibition(
            DataAccessGrants grants,
            DataUses dataUses,
            ScenarioContacts contacts,
            Timeline timeline,
            Notifications notifications,
            Clock clock) {
        this.grants = grants;
        this.dataUses = dataUses;
        this.contacts = contacts;
        this.timeline = timeline;
        this.notifications = notifications;
        this.clock = clock;
    }

    @EventListener
    void on(ResourceProhibited event) {
        String reason = "「" + event.resourceName() + "」已被列为禁止开放的公共数据（CAT-01）：" + event.reason();
        Set<Long> requests = new LinkedHashSet<>();
        grants.revokeResource(event.resourceCode(), reason, clock.instant()).forEach(g -> requests.add(g.requestId()));
        for (long id : requests) {
            DataUseRequest request = dataUses.get(id);
            Scenario scenario = dataUses.scenarioOf(request);
            timeline.record(
                    Subjects.dataUse(id),
                    "数据访问权限已撤销：" + event.resourceName(),
                    reason,
                    "数据主管部门",
                    "prohibited:" + event.resourceCode() + ":" + Subjects.dataUse(id));
            notifications.send(
                    Notifications.operator(request.getCreditCode()),
                    "prohibited:" + event.resourceCode() + ":dataUse:" + id,
                    "【数据访问权限撤销】" + event.resourceName(),
                    scenario.getCompanyName() + "：\n\n" + reason + "\n您在场景「" + scenario.getName()
                            + "」下获准使用的该数据资源（数据需求申请 " + Subjects.dataUse(id) + "）访问权限已撤销，自即日起不得再使用。",
                    contacts.emailOf(scenario));
        }
    }
}
