package cn.pubdata.approval.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.document.StoredDocument;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.permissions.PlatformPermissions;
import cn.pubdata.approval.product.Product;
import cn.pubdata.approval.product.ProductStatus;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.timeline.Subjects;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of exit.bpmn, named after the path it walks, and the rules an exit must meet to begin. */
class ExitProcessTest extends LifecycleTestSupport {

    @Autowired
    ExitProgress exitProgress;

    private static final String JDZ_CASES = "cgj-enforcement-cases";

    @Test
    @Enforces({"EXIT-02", "EXIT-07", "EXIT-08", "EXIT-09", "EXIT-10", "EXIT-11", "EXIT-12"})
    void jingdezhenEarlyTerminationWithLiabilityIsProposedDecidedDeletedConfirmedKeptAndHandedOver() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("jingdezhen", "景德镇提前终止公司", JDZ_CASES);
        long agreementId = agreementOf(op).id();
        Scenario approved = approvedScenario(op, JDZ_CASES);
        Product listed = listedProduct(op, approved, JDZ_CASES);
        Scenario inReview = scenarioInReview(op, JDZ_CASES);

        // EXIT-02: in 002 an early termination needs the operator's acceptance of liability for breach
        int before = count("select count(*) from approval.exit_case");
        assertThatThrownBy(() -> exitSubmission.order(
                        new ExitOrder(
                                agreementId,
                                ExitTrigger.EARLY_TERMINATION,
                                "业务调整",
                                null,
                                null,
                                today().plusMonths(1),
                                false,
                                null,
                                null,
                                null),
                        operatorOf(op)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("liabilityAccepted 景德镇市申请提前终止须承诺承担相应违约责任并写明承诺（EXIT-02）"));
        assertThat(count("select count(*) from approval.exit_case"))
                .as("nothing written")
                .isEqualTo(before);
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);

        ExitCase exit = exitSubmission.order(
                new ExitOrder(
                        agreementId,
                        ExitTrigger.EARLY_TERMINATION,
                        "业务调整，申请提前终止授权运营协议",
                        null,
                        null,
                        today().plusMonths(1),
                        true,
                        "愿意承担相应违约责任，按协议约定支付违约金",
                        null,
                        null),
                operatorOf(op));
        String pid = exit.processInstanceId();
        assertThat(exit.liabilityAccepted()).isTrue();
        assertThat(exit.liabilityStatement()).contains("违约金");
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);
        assertThat(awaitNotice(op, "【退出程序开始】").body()).contains("运营机构申请提前终止", "退出日期：" + today().plusMonths(1));

        // EXIT-07: the implementing agency proposes, the data authority (its heads) decides
        decide(
                pid,
                ExitProcess.TASK_PROPOSE,
                "authority-reviewer",
                Map.of("proposalDecision", "propose", "proposalReason", "运营机构承诺承担违约责任"));
        var decide = taskOf(pid, ExitProcess.TASK_DECIDE, "manager");
        assertThat(taskService.getVariable(decide.getId(), "opinions").toString())
                .contains("提请终止：提请终止，运营机构承诺承担违约责任");
        decide(
                pid,
                ExitProcess.TASK_DECIDE,
                "manager",
                Map.of("terminationDecision", "terminate", "terminationReason", "同意提前终止"));

        // the exit takes effect on the day asked for
        awaitActivity(pid, ExitProcess.TIMER_EXIT_DAY);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.OPEN);
        fireTimerAt(pid, ExitProcess.TIMER_EXIT_DAY);

        // EXIT-08: permissions closed; the running review ended by message; the listed product delisted
        awaitMessage(pid, ExitProcess.MESSAGE_DATA_DELETED);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
        assertThat(permissions.history(op.getId()))
                .extracting(PlatformPermissions.Change::to)
                .containsExactly(PlatformPermissions.Status.OPEN, PlatformPermissions.Status.CLOSED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scenarios.get(inReview.getId()).getStatus() == ScenarioStatus.ENDED);
        assertThat(scenarios.get(inReview.getId()).getOutcomeReason()).contains("运营机构退出授权运营");
        assertThat(awaitEnd(inReview.getProcessInstanceId())).isEqualTo("EndEvent_EndedByExit");
        assertThat(products.get(listed.getId()).getStatus()).isEqualTo(ProductStatus.DELISTED);
        assertThat(scenarios.get(approved.getId()).getStatus()).isEqualTo(ScenarioStatus.ENDED);
        assertThat(awaitNotice(op, "【退出】请删除").body()).contains("删除本单位在授权运营平台内留存的相关数据");

        // EXIT-09, EXIT-10: the operator deletes and files its record; the agency confirms the destruction
        long record = upload(op.getCreditCode(), "删除记录.pdf");
        exitSubmission.reportDeletion(exit.id(), "删除本单位在平台工作区内的全部数据及中间结果", record, operatorOf(op));
        StoredDocument recordDoc = documents.find(record).orElseThrow();
        var confirm = taskOf(pid, ExitProcess.TASK_CONFIRM_DELETION, "authority-reviewer");
        assertThat(taskService.getVariable(confirm.getId(), "deletionRecord").toString())
                .contains(recordDoc.sha256());
        assertThatThrownBy(() -> decide(
                        pid,
                        ExitProcess.TASK_CONFIRM_DELETION,
                        "authority-reviewer",
                        Map.of("deletionConfirmed", false, "confirmationNote", "x")))
                .hasMessageContaining("确认数据已销毁");
        decide(
                pid,
                ExitProcess.TASK_CONFIRM_DELETION,
                "authority-reviewer",
                Map.of("deletionConfirmed", true, "confirmationNote", "已核对删除记录与平台审计日志"));

        // EXIT-12: the exit closes only after the handover
        assertThat(exits.get(exit.id()).status()).isEqualTo(ExitCase.Status.IN_PROGRESS);
        decide(pid, ExitProcess.TASK_HANDOVER, "authority-reviewer", Map.of("handoverNote", "已移交场景清单、用户名单和未结事项"));
        awaitActivity(pid, ExitProcess.TIMER_LOGS_KEPT);

        ExitCase done = exits.get(exit.id());
        assertThat(done.status()).isEqualTo(ExitCase.Status.EXITED);
        assertThat(done.deletionSha256()).isEqualTo(recordDoc.sha256());
        assertThat(done.deletionConfirmedBy()).isEqualTo("reviewer-authority-reviewer");
        // EXIT-11: 002 keeps system logs at least 3 years
        assertThat(done.logKind()).isEqualTo("系统日志");
        assertThat(done.logsKeptUntil()).isEqualTo(today().plusMonths(36));
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITED);
        assertThat(count(
                        "select count(*) from approval.authorized_operator where credit_code = ? and jurisdiction = 'jingdezhen' and status = 'EXITED'",
                        op.getCreditCode()))
                .isEqualTo(1);
        assertThat(awaitNotice(op, "【已退出】").body()).contains("系统日志留存至 " + today().plusMonths(36), "退出不可撤销");
        assertThat(officialNotice("EXT-" + exit.id(), OfficialNotice.Kind.EXIT, "景数授")
                        .title())
                .startsWith("【已退出】授权运营协议");
        for (String party : List.of("authority-reviewer", "manager", "pricing-officer", "provider-cgj")) {
            assertThat(awaitNotice(Notifications.group(party), "【授权运营单位退出】").body())
                    .contains("景德镇提前终止公司");
        }
        // EXIT-11: the logs cannot be released before their day
        assertThatThrownBy(() -> exits.releaseLogs(exit.id())).hasMessageContaining("期满前不得删除");

        fireTimerAt(pid, ExitProcess.TIMER_LOGS_KEPT);
        assertThat(awaitEnd(pid)).isEqualTo(ExitProcess.END_EXITED);
        assertThat(exits.get(exit.id()).logsReleasedAt()).isNotNull();
        assertThat(exitProgress.of(exit.id()).steps()).allMatch(ExitProgress.Step::done);
    }

    @Test
    @Enforces({"EXIT-04", "EXIT-07", "EXIT-08", "EXIT-09", "EXIT-11", "ROLE-04"})
    void xinchangTerminationForABreachIsDeliberatedDecidedAndTheAuthorityDeletesTheData() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌违约退出公司", XC_BUS);
        long agreementId = agreementOf(op).id();
        assertThatThrownBy(() -> exitSubmission.order(
                        new ExitOrder(
                                agreementId, ExitTrigger.BREACH, "违反协议", null, null, null, null, null, null, null),
                        authority()))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("evidence"));
        assertThatThrownBy(() -> exitSubmission.order(
                        new ExitOrder(agreementId, ExitTrigger.BREACH, "违反协议", "x", null, null, null, null, null, null),
                        operatorOf(op)))
                .hasMessageContaining("由数据主管部门发起");
        long evidence = authorityDocument("检查记录.pdf");
        ExitCase exit = exitSubmission.order(
                new ExitOrder(
                        agreementId,
                        ExitTrigger.BREACH,
                        "擅自向第三方提供公共数据",
                        "2026年10月检查发现向第三方批量导出数据",
                        List.of(evidence),
                        null,
                        null,
                        null,
                        null,
                        null),
                authority());
        String pid = exit.processInstanceId();
        assertThat(exitProgress.of(exit.id()).evidence())
                .extracting(StoredDocument::id)
                .containsExactly(evidence);
        assertThat(exitProgress.of(exit.id()).profileVersionLabel()).isEqualTo("新昌县 政策配置第 1 版");

        // EXIT-07, ROLE-04: every member of the coordination mechanism deliberates, then the authority decides
        for (String member : profiles.of("xinchang").coordinationGroups()) {
            decide(pid, ExitProcess.TASK_DELIBERATE, member, Map.of("deliberationOpinion", "terminate"));
        }
        decide(
                pid,
                ExitProcess.TASK_DECIDE,
                "authority-reviewer",
                Map.of("terminationDecision", "terminate", "terminationReason", "协调机制审议同意终止"));

        // EXIT-09: in 004 the data authority deletes; its record is the evidence, no separate confirmation
        var delete = taskOf(pid, ExitProcess.TASK_DELETE_DATA, "authority-reviewer");
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
        long foreign = upload("another-company", "别人的文件.pdf");
        assertThatThrownBy(() -> decide(
                        pid,
                        ExitProcess.TASK_DELETE_DATA,
                        "authority-reviewer",
                        Map.of("deletionNote", "删除", "deletionDocumentId", foreign)))
                .hasMessageContaining("不存在");
        long record = authorityDocument("删除记录.pdf");
        decide(
                pid,
                ExitProcess.TASK_DELETE_DATA,
                "authority-reviewer",
                Map.of("deletionNote", "删除平台内留存的该主体全部数据", "deletionDocumentId", record));
        decide(pid, ExitProcess.TASK_HANDOVER, "authority-reviewer", Map.of("handoverNote", "已交接"));
        awaitActivity(pid, ExitProcess.TIMER_LOGS_KEPT);

        ExitCase done = exits.get(exit.id());
        assertThat(done.deletedBy()).isEqualTo("reviewer-authority-reviewer");
        assertThat(done.deletionSha256())
                .isEqualTo(documents.find(record).orElseThrow().sha256());
        // EXIT-11: 004 keeps network logs at least 6 months
        assertThat(done.logKind()).isEqualTo("网络日志");
        assertThat(done.logsKeptUntil()).isEqualTo(today().plusMonths(6));
        assertThat(passedActivities(pid)).doesNotContain(ExitProcess.TASK_CONFIRM_DELETION, ExitProcess.TASK_PROPOSE);
        fireTimerAt(pid, ExitProcess.TIMER_LOGS_KEPT);
        assertThat(awaitEnd(pid)).isEqualTo(ExitProcess.END_EXITED);
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITED);

        // an exit cannot be undone: no second exit, nothing submitted, the state stays
        assertThatThrownBy(() -> exitSubmission.order(
                        new ExitOrder(
                                agreementId, ExitTrigger.VIOLATION, "再次", "x", null, null, null, null, null, null),
                        authority()))
                .hasMessageContaining("退出不可撤销");
    }

    /**
     * Path Boundary_DeletionOverdue → EndEvent_DeletionOverdueNotified: the operator's deletion record is not filed by its
     * due day; the authority is told, and the exit still waits for the record.
     */
    @Test
    @Enforces({"EXIT-09"})
    void jingdezhenDeletionNotRecordedByItsDueDayIsToldToTheAuthorityAndTheExitStillWaitsForIt() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("jingdezhen", "景德镇删除逾期公司", JDZ_CASES);
        beijingTime(LocalDateTime.of(2026, 11, 23, 9, 0)); // a Monday
        ExitCase exit = earlyTerminationAsked(op, "业务调整，申请提前终止授权运营协议", today(), true, "愿意承担相应违约责任");
        String pid = exit.processInstanceId();
        earlyTerminationProposedAndDecided(pid);
        awaitMessage(pid, ExitProcess.MESSAGE_DATA_DELETED);
        ExitCase closed = exits.get(exit.id());
        // 10 working days from the closing of the permissions: 24 November to 7 December
        java.time.LocalDate dueDay = java.time.LocalDate.of(2026, 12, 7);
        assertThat(closed.permissionsClosedAt()
                        .atZone(cn.pubdata.approval.common.Clocks.BEIJING)
                        .toLocalDate())
                .isEqualTo(today());
        assertThat(awaitNotice(op, "【退出】请删除").body()).contains("请在 " + dueDay + " 前删除");
        var timer = management
                .createJobQuery()
                .processInstanceId(pid)
                .activityId("Boundary_DeletionOverdue")
                .timers()
                .singleResult();
        assertThat(timer.getDuedate()
                        .toInstant()
                        .atZone(cn.pubdata.approval.common.Clocks.BEIJING)
                        .toLocalDate())
                .isEqualTo(dueDay);
        assertThat(noticesOfGroup("authority-reviewer"))
                .noneMatch(n -> n.title().startsWith("【数据删除逾期】景德镇删除逾期公司"));

        fireTimerAt(pid, "Boundary_DeletionOverdue");
        awaitPassed(pid, "EndEvent_DeletionOverdueNotified");
        assertThat(awaitNotice(Notifications.group("authority-reviewer"), "【数据删除逾期】景德镇删除逾期公司（")
                        .body())
                .isEqualTo("景德镇删除逾期公司（" + op.getCreditCode() + "） 未按期提交平台内留存数据的删除记录，请督促。");
        assertThat(titles(Subjects.exit(exit.id()))).containsOnlyOnce("数据删除逾期，已告知数据主管部门");
        // the boundary does not interrupt: the record is still awaited, and the exit goes on once it is filed
        awaitMessage(pid, ExitProcess.MESSAGE_DATA_DELETED);
        assertThat(exitProgress.of(exit.id()).awaitsDeletion()).isTrue();
        assertThat(exits.get(exit.id()).deletedAt()).isNull();
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
        long record = upload(op.getCreditCode(), "删除记录.pdf");
        exitSubmission.reportDeletion(exit.id(), "删除本单位在平台工作区内的全部数据", record, operatorOf(op));
        taskOf(pid, ExitProcess.TASK_CONFIRM_DELETION, "authority-reviewer");
        assertThat(exits.get(exit.id()).deletionSha256())
                .isEqualTo(documents.find(record).orElseThrow().sha256());
    }

    @Test
    @Enforces({"EXIT-02", "EXIT-08", "EXIT-09", "EXIT-11"})
    void xianningEarlyTerminationOnlyClosesThePermissionsWithoutADeletionStep() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁提前终止公司", XN_VISITORS);
        ExitCase exit = earlyTerminationAsked(op, "经营调整", today(), true, "承担违约责任");
        String pid = exit.processInstanceId();
        decide(
                pid,
                ExitProcess.TASK_DECIDE,
                "authority-reviewer",
                Map.of("terminationDecision", "terminate", "terminationReason", "同意"));
        decide(pid, ExitProcess.TASK_HANDOVER, "authority-reviewer", Map.of("handoverNote", "已交接"));
        awaitActivity(pid, ExitProcess.TIMER_LOGS_KEPT);
        assertThat(passedActivities(pid))
                .contains("ServiceTask_ClosePermissions", "Gateway_Deletion")
                .doesNotContain(
                        ExitProcess.TASK_DELETE_DATA,
                        ExitProcess.WAIT_DELETION,
                        ExitProcess.TASK_CONFIRM_DELETION,
                        "Catch_ExitDay");
        ExitCase done = exits.get(exit.id());
        assertThat(done.deletedAt()).isNull();
        assertThat(done.logsKeptUntil()).isEqualTo(today().plusMonths(36));
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITED);
    }

    @Test
    @Enforces({"EXIT-04", "EXIT-07"})
    void xianningAuthorityDecidesNotToTerminateAndTheAgreementGoesOn() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁不予终止公司", XN_FUND);
        ExitCase exit = exitOrdered(op, ExitTrigger.VIOLATION, "涉嫌违规", "举报材料");
        String pid = exit.processInstanceId();
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);
        decide(
                pid,
                ExitProcess.TASK_DECIDE,
                "authority-reviewer",
                Map.of("terminationDecision", "continue", "terminationReason", "经核查不构成违规"));
        assertThat(awaitEnd(pid)).isEqualTo(ExitProcess.END_NOT_TERMINATED);
        assertThat(exits.get(exit.id()).status()).isEqualTo(ExitCase.Status.NOT_TERMINATED);
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.OPEN);
        assertThat(awaitNotice(op, "【不予终止】").body()).contains("经核查不构成违规");
        assertThat(scenarioInReview(op, XN_FUND).getId())
                .as("the operator may submit again")
                .isPositive();
    }

    @Test
    @Enforces({"EXIT-07"})
    void jingdezhenAgencyDoesNotProposeAndTheOperatorGoesOn() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("jingdezhen", "景德镇不提请公司", JDZ_CASES);
        ExitCase exit = exitOrdered(op, ExitTrigger.BREACH, "未按约定披露", "检查记录");
        decide(
                exit.processInstanceId(),
                ExitProcess.TASK_PROPOSE,
                "authority-reviewer",
                Map.of("proposalDecision", "decline", "proposalReason", "已当场纠正"));
        assertThat(awaitEnd(exit.processInstanceId())).isEqualTo(ExitProcess.END_NOT_TERMINATED);
        assertThat(passedActivities(exit.processInstanceId())).doesNotContain(ExitProcess.TASK_DECIDE);
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
    }

    @Test
    @Enforces({"EXIT-03"})
    void chizhouPlanFiledLateIsToldToTheAuthorityAndTheExitWaitsForItsDay() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州方案逾期公司", CZ_CASES);
        // leaving in two months: the plan was due a month ago (3 months ahead)
        ExitCase exit = earlyTerminationAsked(op, "提前解除协议", today().plusMonths(2), null, null);
        String pid = exit.processInstanceId();
        assertThat(exit.planDue()).isEqualTo(today().plusMonths(2).minusMonths(3));
        decide(
                pid,
                ExitProcess.TASK_DECIDE,
                "authority-reviewer",
                Map.of("terminationDecision", "terminate", "terminationReason", "同意提前解除"));
        awaitMessage(pid, ExitProcess.MESSAGE_PLAN_FILED);
        assertThat(exitProgress.of(exit.id()).operatorAction()).contains("提交退出方案");
        fireTimerAt(pid, ExitProcess.TIMER_PLAN_LATE);
        awaitPassed(pid, "EndEvent_PlanLateNotified");
        assertThat(awaitNotice(Notifications.group("authority-reviewer"), "【退出方案逾期】池州方案逾期公司")
                        .body())
                .contains("须提前 3 个月提交", "EXIT-03");
        exitSubmission.filePlan(exit.id(), "数据移交与用户告知安排：……", List.of(), operatorOf(op));
        awaitActivity(pid, ExitProcess.TIMER_EXIT_DAY);
        ExitCase filed = exits.get(exit.id());
        assertThat(filed.planLate()).isTrue();
        assertThat(titles(Subjects.exit(exit.id())))
                .contains("退出方案逾期未交，已告知数据主管部门")
                .anyMatch(t -> t.startsWith("提交退出方案（晚于"));
        assertThat(permissionOf(op)).as("closed only on the exit day").isEqualTo(PlatformPermissions.Status.OPEN);
    }

    @Test
    @Enforces({"EXIT-03"})
    void chizhouExitDayComesWithoutAPlanAndTheExitGoesOn() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州无方案公司", CZ_FUND);
        ExitCase exit = earlyTerminationAsked(op, "提前解除协议", today().plusMonths(4), null, null);
        String pid = exit.processInstanceId();
        decide(
                pid,
                ExitProcess.TASK_DECIDE,
                "authority-reviewer",
                Map.of("terminationDecision", "terminate", "terminationReason", "同意"));
        awaitMessage(pid, ExitProcess.MESSAGE_PLAN_FILED);
        fireTimerAt(pid, ExitProcess.TIMER_EXIT_DAY_WITHOUT_PLAN);
        awaitMessage(pid, ExitProcess.MESSAGE_DATA_DELETED);
        assertThat(titles(Subjects.exit(exit.id()))).contains("退出日已到，未收到退出方案", "关闭平台使用权限");
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
    }

    @Test
    @Enforces({"EXIT-06", "RECT-09"})
    void aSecurityIncidentIsAGroundOfItsOwnOnlyInChizhouAndMissedTargetsNeedAFailedRectification() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication jdz = admitted("jingdezhen", "景德镇安全事件公司", JDZ_CASES);
        assertThatThrownBy(() -> exitOrdered(jdz, ExitTrigger.SECURITY_INCIDENT, "数据泄露", "通报"))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::message)
                                .containsExactly("景德镇市未将数据安全事件单列为退出情形，请按“违反法律法规或者政策规定的其他情形”办理"));
        // RECT-09: no termination for missed targets without a rectification request that was not fulfilled
        assertThatThrownBy(() -> exitOrdered(jdz, ExitTrigger.TARGETS_MISSED, "经营目标未达成", "年度经营数据"))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::message)
                                .anyMatch(m -> m.contains("RECT-09")));

        AdmissionApplication cz = admitted("chizhou", "池州安全事件公司", CZ_ENTERPRISES);
        ExitCase exit = exitOrdered(cz, ExitTrigger.SECURITY_INCIDENT, "发生数据泄露事件，造成不良影响", "网信部门通报");
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.SECURITY_INCIDENT);
        assertThat(stateOf(cz)).isEqualTo(AgreementState.EXITING);
        taskOf(exit.processInstanceId(), ExitProcess.TASK_DECIDE, "authority-reviewer");
    }
}
