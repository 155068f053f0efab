package cn.pubdata.approval.agreement;

import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.policy.PolicyProfile;
import cn.pubdata.approval.policy.PolicyProfiles;
import cn.pubdata.approval.timeline.Subjects;
import cn.pubdata.approval.timeline.Timeline;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The term's notices: the reminder at the profile's notice period before expiry, to the operator and the authority,
 * saying what renewal takes in the jurisdiction and by when (ADM-19, ADM-20) or that the agreement ends; a renewal
 * refused; a renewal re-signed.
 */
@Component
class TermNoticeHandler implements ExternalTaskHandler {

    private final AgreementLifecycle lifecycle;
    private final AgreementRenewals renewals;
    private final AgreementContacts contacts;
    private final PolicyProfiles profiles;
    private final Notifications notifications;
    private final Timeline timeline;

    TermNoticeHandler(
            AgreementLifecycle lifecycle,
            AgreementRenewals renewals,
            AgreementContacts contacts,
            PolicyProfiles profiles,
            Notifications notifications,
            Timeline timeline) {
        this.lifecycle = lifecycle;
        this.renewals = renewals;
        this.contacts = contacts;
        this.profiles = profiles;
        this.notifications = notifications;
        this.timeline = timeline;
    }

    @Override
    public String topic() {
        return "term-notify";
    }

    @Override
    public Map<String, Object> handle(WorkItem task) {
        long agreementId = task.longValue("agreementId");
        Agreement agreement = lifecycle.get(agreementId);
        PolicyProfile profile = profiles.of(agreement.jurisdiction(), task.intValue("profileVersion"));
        String company = contacts.companyName(agreement);
        String subject = Subjects.agreement(agreementId);
        switch (task.string("noticeTemplate")) {
            case "RENEWAL_NOTICE" -> {
                String what = switch (profile.renewalProcedure()) {
                    case RENEWAL_REVIEW ->
                        "需要继续运营的，请在 " + renewals.lastDayToApply(agreement, profile) + " 前（期满 "
                                + profile.renewalLeadMonths() + " 个月前）在门户提出续期申请，经审核同意后续签；逾期不予受理。不再续期的，请在同日前提交退出方案"
                                + (profile.exitPlanLeadMonths() > 0
                                        ? "（提前 " + profile.exitPlanLeadMonths() + " 个月）"
                                        : "")
                                + "。";
                    case NEW_ADMISSION ->
                        "需要继续运营的，请在 " + renewals.lastDayToApply(agreement, profile) + " 前（期满 "
                                + profile.renewalLeadMonths() + " 个月前）按程序重新申请授权运营（完整准入流程）；逾期不予受理，期满后退出。";
                    case NEW_ADMISSION_AFTER_EXPIRY -> "协议期满后运营机构应当退出授权运营活动；需继续运营的，应在期满后按照规定重新申请。";
                    case EXIT_AT_EXPIRY -> "协议期满后运营机构退出授权运营活动。";
                };
                String body = company + "：\n\n授权运营协议 " + agreement.agreementNo() + " 将于 " + agreement.endsOn() + " 期满。"
                        + what;
                notifications.send(
                        Notifications.operator(agreement.creditCode()),
                        task.dedupeKey("operator"),
                        "【协议即将期满】" + agreement.endsOn() + " 期满",
                        body,
                        contacts.emailOf(agreement));
                notifications.send(
                        Notifications.group("authority-reviewer"),
                        task.dedupeKey("authority"),
                        "【协议即将期满】" + company,
                        company + "（" + agreement.creditCode() + "）的授权运营协议 " + agreement.agreementNo() + " 将于 "
                                + agreement.endsOn() + " 期满（"
                                + profile.renewalProcedure().label() + "）。",
                        null);
                timeline.record(subject, "期满提醒已发出", agreement.endsOn() + " 期满", "系统", task.dedupeKey("timeline"));
            }
            case "RENEWAL_REFUSED" -> {
                var renewal = renewals.get(task.longValue("renewalId"));
                notifications.send(
                        Notifications.operator(agreement.creditCode()),
                        task.dedupeKey("operator"),
                        "【不予续期】授权运营协议 " + agreement.agreementNo(),
                        company + "：\n\n你单位的续期申请未获同意。\n理由：" + renewal.decisionReason() + "\n协议于 " + agreement.endsOn()
                                + " 期满后，将按程序退出。",
                        contacts.emailOf(agreement));
            }
            case "RENEWED" -> {
                var renewal = renewals.get(task.longValue("renewalId"));
                notifications.send(
                        Notifications.operator(agreement.creditCode()),
                        task.dedupeKey("operator"),
                        "【已续签】授权运营协议 " + renewal.newAgreementNo(),
                        company + "：\n\n你单位的续期申请已获同意，已续签授权运营协议 " + renewal.newAgreementNo() + "，期限至 "
                                + renewal.newEndsOn() + "。",
                        contacts.emailOf(agreement));
            }
            default -> throw new IllegalStateException("unknown term notice " + task.string("noticeTemplate"));
        }
        return Map.of();
    }
}
