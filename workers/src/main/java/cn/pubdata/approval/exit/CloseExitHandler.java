package cn.pubdata.approval.exit;

import cn.pubdata.approval.agreement.AgreementContacts;
import cn.pubdata.approval.agreement.AgreementLifecycle;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.catalog.CatalogResources;
import cn.pubdata.approval.disclosure.Disclosures;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.NoticeDraft;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.officialnotice.OfficialNotices;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Ends an exit. 已退出: only after the handover where the profile requires one (EXIT-12); the operator leaves the list of
 * authorized operators, the public is told, and every party — the operator, the authority, its heads, the provider
 * units whose data it was granted and the price authority — hears of it. 决定不予终止: the agreement returns to where it
 * was and the operator is told.
 */
@Component
class CloseExitHandler implements ExternalTaskHandler {

    private final ExitCases exits;
    private final Agreements agreements;
    private final AgreementLifecycle lifecycle;
    private final AgreementContacts contacts;
    private final CatalogResources catalog;
    private final PolicyProfiles profiles;
    private final Disclosures disclosures;
    private final Notifications notifications;
    private final Timeline timeline;
    private final Clock clock;
    private final OfficialNotices officialNotices;

    CloseExitHandler(
            ExitCases exits,
            Agreements agreements,
            AgreementLifecycle lifecycle,
            AgreementContacts contacts,
            CatalogResources catalog,
            PolicyProfiles profiles,
            Disclosures disclosures,
            Notifications notifications,
            Timeline timeline,
            Clock clock,
            OfficialNotices officialNotices) {
        this.officialNotices = officialNotices;
        this.exits = exits;
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.contacts = contacts;
        this.catalog = catalog;
        this.profiles = profiles;
        this.disclosures = disclosures;
        this.notifications = notifications;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "exit-close";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        ExitCase exit = exits.get(task.longValue("exitId"));
        ExitCase.Status outcome = ExitCase.Status.valueOf(task.string("outcome"));
        Agreement agreement = agreements.find(exit.agreementId()).orElseThrow();
        String email = contacts.emailOf(agreement);
        String subject = Subjects.exit(exit.id());
        if (outcome == ExitCase.Status.NOT_TERMINATED) {
            lifecycle.exitNotDecided(
                    exit.agreementId(),
                    AgreementState.valueOf(exit.previousState()),
                    subject,
                    "决定不予终止授权运营：" + exit.decision(),
                    exit.decidedBy() == null ? "数据主管部门" : exit.decidedBy(),
                    task.dedupeKey("state"));
            exits.close(exit.id(), outcome);
            timeline.record(subject, "退出程序结束：决定不予终止", exit.decision(), "系统", task.dedupeKey("timeline"));
            notifications.send(
                    Notifications.operator(exit.creditCode()),
                    task.dedupeKey("operator"),
                    "【不予终止】授权运营继续",
                    exit.companyName() + "：\n\n就“" + exit.trigger().label() + "”启动的退出程序已结束，决定不予终止授权运营，协议恢复为原状态。\n"
                            + (exit.decision() == null
                                    ? (exit.proposal() == null ? "" : exit.proposal())
                                    : exit.decision()),
                    email);
            return Map.of();
        }
        if (outcome != ExitCase.Status.EXITED) {
            throw new IllegalStateException(outcome + " is no outcome of an exit");
        }
        PolicyProfile profile = profiles.of(exit.jurisdiction(), exit.profileVersion());
        if (profile.handover() && exit.handedOverAt() == null) {
            throw new IllegalStateException("退出 " + exit.id() + " 尚未完成交接，不能结束（EXIT-12）");
        }
        if (profile.dataDeletion() && exit.deletedAt() == null) {
            throw new IllegalStateException("退出 " + exit.id() + " 尚未删除平台内留存的数据，不能结束");
        }
        lifecycle.exited(exit.agreementId(), subject, "退出完成：" + exit.trigger().label(), task.dedupeKey("state"));
        agreements.operatorExited(exit.jurisdiction(), exit.creditCode());
        exits.close(exit.id(), outcome);
        String summary = exit.companyName() + "（" + exit.creditCode() + "）已退出" + profile.name() + "公共数据授权运营（"
                + exit.trigger().label() + "），授权运营协议 " + agreement.agreementNo() + " 终止，平台使用权限已关闭"
                + (exit.productsDelisted() == null || exit.productsDelisted() == 0
                        ? ""
                        : "，" + exit.productsDelisted() + " 个数据产品已下架")
                + "。";
        disclosures.publish(
                "exit:" + exit.id(),
                exit.jurisdiction(),
                "OPERATOR_EXITED",
                "授权运营单位退出：" + exit.companyName(),
                summary,
                clock.instant());
        timeline.record(subject, "退出完成，已更新授权运营单位目录并公开", summary, "系统", task.dedupeKey("timeline"));
        String title = "【已退出】授权运营协议 " + agreement.agreementNo() + " 终止";
        String body = exit.companyName() + "：\n\n" + summary + "\n" + exit.logKind() + "留存至 " + exit.logsKeptUntil()
                + "。退出不可撤销；如需继续开展授权运营，须重新申请准入。";
        OfficialNotice notice = officialNotices.issue(new NoticeDraft(
                task.dedupeKey("official"),
                OfficialNotice.Kind.EXIT,
                exit.jurisdiction(),
                subject,
                exit.creditCode(),
                exit.companyName(),
                title,
                body));
        notifications.send(
                Notifications.operator(exit.creditCode()),
                task.dedupeKey("operator"),
                title,
                body + OfficialNotices.reference(notice),
                email);
        Set<String> parties = new LinkedHashSet<>();
        parties.add("authority-reviewer");
        parties.add("manager");
        parties.add("pricing-officer");
        parties.addAll(catalog.providerGroups(agreements.grantedResources(exit.agreementId())));
        for (String group : parties) {
            notifications.send(
                    Notifications.group(group),
                    task.dedupeKey(group),
                    "【授权运营单位退出】" + exit.companyName(),
                    summary,
                    null);
        }
        return Map.of();
    }
}
