package cn.pubdata.approval.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.catalog.Agreements;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.pricing.RevenueCaps;
import com.icegreen.greenmail.util.GreenMail;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of admission.bpmn, named after the path it walks. */
class AdmissionProcessTest extends AdmissionTestSupport {

    @Autowired Agreements agreements;
    @Autowired RevenueCaps revenueCaps;
    @Autowired Notifications notifications;
    @Autowired GreenMail mail;

    @Test
    @Enforces({"ADM-09", "ADM-13", "ADM-14", "ADM-15", "ADM-17", "ADM-18", "ADM-11", "PRC-03", "DSC-04", "DSC-05", "CAT-05"})
    void admittedPathOpensPermissionsListsOperatorAndNotifiesEveryParty() throws Exception {
        beijingTime(LocalDateTime.of(2026, 9, 24, 10, 0)); // Thursday before 中秋 and 国庆
        AdmissionApplication application = submit("chizhou", "池州数据运营有限公司", "fgw-enterprise-credit", "jtj-vehicles");
        String pid = application.getProcessInstanceId();

        Task check = awaitTask(pid, AdmissionProcess.TASK_CHECK_COMPLETENESS);
        assertThat(taskService.getIdentityLinksForTask(check.getId())).extracting(l -> l.getGroupId()).containsExactly("authority-reviewer");
        assertDueOn(check, LocalDate.of(2026, 10, 9)); // 5 working days: 9-28, 9-29, 9-30, 10-8, 10-9
        assertThat(taskService.createTaskQuery().taskId(check.getId()).initializeFormKeys().singleResult().getOperatonFormRef().getKey())
                .isEqualTo("admission-completeness-check");

        passCompleteness(pid, false);
        // ADM-09: one task per coordination member of 池州 (ROLE-07) and per provider unit whose data is requested
        List<String> reviewers = List.of("security-cac", "security-police", "provider-fgw", "provider-jtj");
        for (String group : reviewers) {
            Task review = taskOf(pid, group.startsWith("provider-") ? AdmissionProcess.TASK_PROVIDER_REVIEW : AdmissionProcess.TASK_COORDINATION_REVIEW, group);
            assertDueOn(review, LocalDate.of(2026, 10, 15)); // 10 working days, 10-10 (Saturday) is a working day
        }
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isEqualTo(4);
        approveAllReviews(pid, reviewers);
        admitDecision(pid);

        awaitPublicity(pid);
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).as("nothing to sign during publicity").isZero();
        fireTimer(pid);
        signAndOnboard(pid, today(), 36, 0);
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Admitted");

        assertThat(applications.get(application.getId()).getStatus()).isEqualTo(ApplicationStatus.ADMITTED);
        var agreement = agreements.ofApplication(application.getId()).orElseThrow();
        assertThat(agreement.termMonths()).isEqualTo(36);
        assertThat(agreement.endsOn()).isEqualTo(agreement.signedOn().plusMonths(36).minusDays(1));
        assertThat(agreement.filingNo()).isEqualTo("BA-2026-0042");
        assertThat(revenueCaps.ofAgreement(agreement.id()).orElseThrow().maxAllowedRevenue()).isEqualByComparingTo(new BigDecimal("12005000"));
        assertThat(count("select count(*) from approval.platform_permission where application_id = ? and status = 'OPEN'", application.getId())).isEqualTo(1);
        assertThat(agreements.authorizedOperators("chizhou")).contains(application.getCreditCode());
        assertThat(count("select count(*) from approval.disclosure_entry where jurisdiction = 'chizhou' and content like ?", "%" + application.getCreditCode() + "%")).isEqualTo(2);
        for (String party : List.of("authority-reviewer", "pricing-officer", "security-cac", "security-police", "provider-fgw", "provider-jtj")) {
            assertThat(notifications.inbox(Notifications.group(party))).as(party).anyMatch(n -> n.body().contains(application.getCompanyName()));
        }
        assertThat(notifications.inbox(Notifications.operator(application.getCreditCode()))).extracting(n -> n.title())
                .anyMatch(t -> t.startsWith("【已准入】")).anyMatch(t -> t.startsWith("【公示】"));
        assertThat(mail.getReceivedMessagesForDomain(application.getCreditCode().toLowerCase() + ".example.cn"))
                .anyMatch(m -> subject(m).startsWith("【已准入】"));
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
