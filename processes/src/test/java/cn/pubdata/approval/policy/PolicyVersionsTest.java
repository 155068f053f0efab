package cn.pubdata.approval.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionProcess;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitOrder;
import cn.pubdata.approval.exit.ExitProcess;
import cn.pubdata.approval.exit.ExitProgress;
import cn.pubdata.approval.exit.ExitSubmission;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.timeline.Subjects;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Policy profiles as versioned data: an edit is checked and becomes a new version; a running flow keeps the version it
 * started with and shows it; ADM-10's reuse of a security review result within the profile's validity.
 */
class PolicyVersionsTest extends LifecycleTestSupport {

    @Autowired
    ExitSubmission exitSubmission;

    @Autowired
    ExitProgress exitProgress;

    @Test
    void anEditIsCheckedAndKeptAsANewVersionWithWhoWhatAndWhy() {
        int before = profiles.currentVersion("yangxin");
        assertThatThrownBy(() -> profiles.update("yangxin", Map.of("noSuchSetting", 1), "依据", "reviewer"))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("settings.noSuchSetting"));
        assertThatThrownBy(() -> profiles.update("yangxin", Map.of("logRetentionMonths", -3), "依据", "reviewer"))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::message)
                                .containsExactly("退出后日志留存（月）：应在 1 到 120 之间"));
        assertThatThrownBy(() -> profiles.update("yangxin", Map.of("deletionBy", "NOBODY"), "依据", "reviewer"))
                .hasMessageContaining("配置有误");
        assertThatThrownBy(() -> profiles.update("yangxin", Map.of("logRetentionMonths", 48), " ", "reviewer"))
                .hasMessageContaining("修改依据");
        assertThat(profiles.currentVersion("yangxin")).as("nothing written").isEqualTo(before);

        PolicyProfile edited = profiles.update(
                "yangxin",
                Map.of("logRetentionMonths", 48, "renewalNoticeMonths", 5),
                "县数据局2027年第3号文",
                "reviewer-authority");
        try {
            assertThat(edited.version()).isEqualTo(before + 1);
            assertThat(edited.logRetentionMonths()).isEqualTo(48);
            assertThat(profiles.of("yangxin").version()).isEqualTo(before + 1);
            assertThat(profiles.of("yangxin", before).logRetentionMonths())
                    .as("a version never changes")
                    .isEqualTo(36);
            assertThat(profiles.versions("yangxin").get(0)).satisfies(v -> {
                assertThat(v.version()).isEqualTo(before + 1);
                assertThat(v.reason()).isEqualTo("县数据局2027年第3号文");
                assertThat(v.changedBy()).isEqualTo("reviewer-authority");
                assertThat(v.changed()).contains("退出后日志留存（月）：36 → 48");
            });
            assertThatThrownBy(() -> profiles.update("yangxin", Map.of("logRetentionMonths", 48), "再次", "reviewer"))
                    .hasMessageContaining("没有新版本");
        } finally {
            profiles.update("yangxin", Map.of("logRetentionMonths", 36, "renewalNoticeMonths", 4), "测试后恢复", "test");
        }
    }

    @Test
    @Enforces({"EXIT-11"})
    void aRunningExitKeepsTheVersionItStartedWithWhileANewOneTakesTheEdit() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication first = admitted("xianning", "咸宁版本一公司", XN_FUND);
        AdmissionApplication second = admitted("xianning", "咸宁版本二公司", XN_VISITORS);
        ExitCase running = exitSubmission.order(
                new ExitOrder(
                        agreementOf(first).id(),
                        ExitTrigger.EARLY_TERMINATION,
                        "经营调整",
                        null,
                        null,
                        today(),
                        true,
                        "承担违约责任",
                        null,
                        null),
                operatorOf(first));
        int started = running.profileVersion();
        PolicyProfile edited = profiles.update(
                "xianning", Map.of("logRetentionMonths", 48), "市政数局通知：系统日志留存不少于4年", "reviewer-authority");
        try {
            ExitCase later = exitSubmission.order(
                    new ExitOrder(
                            agreementOf(second).id(),
                            ExitTrigger.EARLY_TERMINATION,
                            "经营调整",
                            null,
                            null,
                            today(),
                            true,
                            "承担违约责任",
                            null,
                            null),
                    operatorOf(second));
            assertThat(later.profileVersion()).isEqualTo(edited.version());
            for (ExitCase exit : List.of(running, later)) {
                decide(
                        exit.processInstanceId(),
                        ExitProcess.TASK_DECIDE,
                        "authority-reviewer",
                        Map.of("terminationDecision", "terminate", "terminationReason", "同意"));
                taskOf(exit.processInstanceId(), ExitProcess.TASK_HANDOVER, "authority-reviewer");
            }
            assertThat(exits.get(running.id()).logsKeptUntil()).isEqualTo(today().plusMonths(36));
            assertThat(exits.get(later.id()).logsKeptUntil()).isEqualTo(today().plusMonths(48));
            assertThat(exitProgress.of(running.id()).profileVersionLabel()).isEqualTo("咸宁市 政策配置第 " + started + " 版");
            assertThat(exitProgress.of(later.id()).profileVersionLabel())
                    .isEqualTo("咸宁市 政策配置第 " + edited.version() + " 版");
        } finally {
            profiles.update("xianning", Map.of("logRetentionMonths", 36), "测试后恢复", "test");
        }
    }

    @Test
    @Enforces({"ADM-10"})
    void xinchangReusesTheSecurityMembersResultsWithinTwoYearsButNotAfter() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication first = admitted("xinchang", "新昌沿用审核公司", XC_BUS);
        // a renewal through a new admission, in time and within the two years the results stay valid
        beijingTime(LocalDateTime.of(2027, 8, 2, 9, 0));
        String pid = submit(first, XC_BUS).getProcessInstanceId();
        decide(
                pid,
                AdmissionProcess.TASK_CHECK_COMPLETENESS,
                "authority-reviewer",
                Map.of("completenessDecision", "approve", "expertConsultation", false, "reuseSecurityReview", true));
        approveScenariosWithinAdmission(applicationOf(pid), "xinchang");
        taskOf(pid, AdmissionProcess.TASK_PROVIDER_REVIEW, "provider-xc-jtj");
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pid)
                        .taskDefinitionKey(AdmissionProcess.TASK_COORDINATION_REVIEW)
                        .count())
                .as("no security member is asked again")
                .isZero();
        assertThat(titles(Subjects.admission(applicationOf(pid)))).anyMatch(t -> t.contains("沿用有效期内的安全审核结果（ADM-10）"));

        // after two years the results have expired: they must be redone
        beijingTime(LocalDateTime.of(2028, 3, 1, 9, 0));
        String late = submit(first, XC_BUS).getProcessInstanceId();
        assertThatThrownBy(() -> decide(
                        late,
                        AdmissionProcess.TASK_CHECK_COMPLETENESS,
                        "authority-reviewer",
                        Map.of(
                                "completenessDecision",
                                "approve",
                                "expertConsultation",
                                false,
                                "reuseSecurityReview",
                                true)))
                .hasMessageContaining("没有 24 个月有效期内的安全审核结果可以沿用（ADM-10）");
    }

    @Test
    @Enforces({"ADM-10"})
    void chizhouHasNoReuseOfSecurityResultsEveryAdmissionIsReviewedAgain() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        String pid = submit("chizhou", "池州不沿用审核公司", CZ_FUND).getProcessInstanceId();
        assertThatThrownBy(() -> decide(
                        pid,
                        AdmissionProcess.TASK_CHECK_COMPLETENESS,
                        "authority-reviewer",
                        Map.of(
                                "completenessDecision",
                                "approve",
                                "expertConsultation",
                                false,
                                "reuseSecurityReview",
                                true)))
                .hasMessageContaining("池州市的政策未规定安全审核结果可以沿用，每次申请都须重新审核");
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pid)
                        .taskDefinitionKey(AdmissionProcess.TASK_CHECK_COMPLETENESS)
                        .count())
                .as("the completeness check stays open for a decision without reuse")
                .isOne();
    }

    @Test
    void chizhouHasNoExpertCommitteeToConsult() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        String pid = submit("chizhou", "池州无专家论证公司", CZ_FUND).getProcessInstanceId();
        assertThatThrownBy(() -> decide(
                        pid,
                        AdmissionProcess.TASK_CHECK_COMPLETENESS,
                        "authority-reviewer",
                        Map.of("completenessDecision", "approve", "expertConsultation", true)))
                .hasMessageContaining("池州市未设专家咨询委员会，请取消“委托专家咨询委员会论证”");
        passCompleteness(pid, false);
        assertThat(runtime.getVariable(pid, "expertConsultation")).isEqualTo(false);
    }

    private AdmissionApplication submit(AdmissionApplication operator, String resource) {
        var announcement = announcement("xinchang", resource);
        return submission.submit(form(
                announcement,
                operator.getCreditCode(),
                operator.getCompanyName(),
                List.of(resource),
                List.of(scenario("续期场景", "交通运输", resource))));
    }

    private long applicationOf(String pid) {
        return ((Number) runtime.getVariable(pid, "applicationId")).longValue();
    }
}
