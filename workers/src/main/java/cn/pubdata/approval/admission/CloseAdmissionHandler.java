package cn.pubdata.approval.admission;

import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.disclosure.Disclosures;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.NoticeDraft;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.officialnotice.OfficialNotices;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Ends an application: records its outcome and reason and tells every party. An admission reaches the operator, the
 * authority, the pricing officer, the coordination members and every provider unit whose data it was granted.
 */
@Component
class CloseAdmissionHandler implements ExternalTaskHandler {

    private final AdmissionApplications applications;
    private final Timeline timeline;
    private final Notifications notifications;
    private final CatalogResources catalog;
    private final PolicyProfiles profiles;
    private final Scenarios scenarios;
    private final Disclosures disclosures;
    private final Clock clock;
    private final OfficialNotices officialNotices;

    CloseAdmissionHandler(
            AdmissionApplications applications,
            Timeline timeline,
            Notifications notifications,
            CatalogResources catalog,
            PolicyProfiles profiles,
            Scenarios scenarios,
            Disclosures disclosures,
            Clock clock,
            OfficialNotices officialNotices) {
        this.officialNotices = officialNotices;
        this.applications = applications;
        this.timeline = timeline;
        this.notifications = notifications;
        this.catalog = catalog;
        this.profiles = profiles;
        this.scenarios = scenarios;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "admission-close";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long id = task.longValue("applicationId");
        ApplicationStatus outcome = ApplicationStatus.valueOf(task.string("outcome"));
        String reason = task.stringOr("outcomeReason", "").trim();
        if (outcome != ApplicationStatus.ADMITTED && reason.isEmpty()) {
            throw new IllegalStateException("申请 " + id + " 以「" + outcome.label() + "」结束，但没有记录原因");
        }
        applications.close(id, outcome, reason);
        AdmissionApplication application = applications.get(id);
        Long agreementId = outcome == ApplicationStatus.ADMITTED ? task.longValue("agreementId") : null;
        for (Scenario scenario : scenarios.admissionEnded(id, agreementId, reason)) {
            disclosures.publish(
                    task.dedupeKey("scenario-" + scenario.getId()),
                    application.getJurisdiction(),
                    "SCENARIO_APPROVED",
                    "应用场景：" + scenario.getName() + "（" + application.getCompanyName() + "）",
                    "随准入审核通过的应用场景（一场景一清单一审核）。领域：" + scenario.getDomain() + "；用途："
                            + scenario.getPurpose().label()
                            + "。\n数据需求清单：\n"
                            + scenarios.approvedLines(scenario.getId()).stream()
                                    .map(ScenarioLine::describe)
                                    .collect(Collectors.joining("\n")),
                    clock.instant());
        }
        String title = "【" + outcome.label() + "】" + task.string("announcementTitle");
        String body = application.getCompanyName() + "：\n\n"
                + switch (outcome) {
                    case ADMITTED ->
                        "您已获准入，成为授权运营单位。平台使用权限已开通，授权范围：" + task.string("authorizationScope") + "\n协议编号："
                                + task.stringOr("agreementNo", "") + "，协议期限至 " + task.stringOr("agreementEndsOn", "")
                                + "。";
                    case REJECTED -> "您的准入申请未获通过。\n原因：" + reason;
                    case WITHDRAWN -> "您的准入申请已撤回。\n说明：" + reason;
                    case EXPIRED -> "您未在规定期限内提交补正材料，申请已终止。\n" + reason;
                    case OBJECTION_UPHELD -> "公示期内收到的异议经核查成立，申请终止。\n原因：" + reason;
                    case IN_REVIEW -> throw new IllegalStateException("IN_REVIEW is no outcome");
                };
        if (outcome != ApplicationStatus.WITHDRAWN) {
            // a withdrawal is the operator's own act; every other ending is the authority's decision
            body += OfficialNotices.reference(officialNotices.issue(new NoticeDraft(
                    task.dedupeKey("official"),
                    OfficialNotice.Kind.DECISION,
                    application.getJurisdiction(),
                    Subjects.admission(id),
                    application.getCreditCode(),
                    application.getCompanyName(),
                    title,
                    body)));
        }
        timeline.record(
                Subjects.admission(id),
                "申请结束：" + outcome.label(),
                reason.isEmpty() ? null : reason,
                "系统",
                task.dedupeKey("timeline"));
        notifications.send(
                Notifications.operator(application.getCreditCode()),
                task.dedupeKey("operator"),
                title,
                body,
                application.getContactEmail());
        if (outcome == ApplicationStatus.ADMITTED) {
            Set<String> parties = new LinkedHashSet<>();
            parties.add("authority-reviewer");
            parties.add("pricing-officer");
            parties.addAll(profiles.of(application.getJurisdiction()).coordinationGroups());
            parties.addAll(catalog.providerGroups(application.grantedResourceCodes()));
            String partyBody = application.getCompanyName() + "（" + application.getCreditCode() + "）已获准入，成为"
                    + profiles.of(application.getJurisdiction()).name() + "授权运营单位。\n授权范围："
                    + task.string("authorizationScope") + "\n协议期限至 " + task.stringOr("agreementEndsOn", "") + "。";
            for (String group : parties) {
                notifications.send(
                        Notifications.group(group),
                        task.dedupeKey(group),
                        "【准入】" + application.getCompanyName(),
                        partyBody,
                        null);
            }
        }
        return Map.of();
    }
}
