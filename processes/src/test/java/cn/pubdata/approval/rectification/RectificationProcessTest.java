package cn.pubdata.approval.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.agreement.AgreementTerms;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitProcess;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.officialnotice.OfficialNotice;
import cn.pubdata.approval.permissions.PlatformPermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of rectification.bpmn, named after the path it walks, and the rules an order must meet. */
class RectificationProcessTest extends LifecycleTestSupport {

    @Autowired
    RectificationSubmission submission;

    @Autowired
    Rectifications rectifications;

    @Autowired
    RectificationProgress progress;

    @Autowired
    AgreementTerms terms;

    @Autowired
    Inspections inspections;

    @Test
    @Enforces({"RECT-01", "RECT-02", "RECT-03"})
    void chizhouBreachIsRectifiedWithinThirtyCalendarDaysAndPassesTheReassessment() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州整改通过公司", CZ_CASES);
        beijingTime(LocalDateTime.of(2026, 11, 20, 10, 0));
        Rectification r = submission.order(
                new RectificationOrder(
                        agreementOf(op).id(),
                        RectificationTrigger.BREACH,
                        "未按协议约定披露数据使用情况",
                        "2026年11月检查记录",
                        null,
                        null,
                        null),
                authority());
        String pid = r.processInstanceId();
        // RECT-02: 30 calendar days from the notice, whatever the holidays
        assertThat(r.deadline()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(r.deadlineBasis()).contains("30 日内完成整改");
        assertThat(stateOf(op)).isEqualTo(AgreementState.RECTIFYING);
        assertThat(awaitNotice(op, "【整改通知】").body()).contains("未按协议约定披露数据使用情况", "整改期限：2026-12-20", "整改方案", "整改报告");
        assertThat(officialNotice(
                                cn.pubdata.approval.timeline.Subjects.rectification(r.id()),
                                OfficialNotice.Kind.RECTIFICATION,
                                "池数授")
                        .addressee())
                .isEqualTo("池州整改通过公司");
        awaitMessage(pid, RectificationProcess.MESSAGE_PLAN_FILED);
        assertThat(permissionOf(op)).as("001 does not suspend").isEqualTo(PlatformPermissions.Status.OPEN);
        assertThat(progress.of(r.id()).due()).extracting(d -> d.step()).startsWith("提交整改方案", "完成整改并提交整改报告");
        assertThat(progress.of(r.id()).profileVersionLabel()).isEqualTo("池州市 政策配置第 1 版");

        // one round at a time
        assertThatThrownBy(() -> submission.order(
                        new RectificationOrder(
                                agreementOf(op).id(), RectificationTrigger.BREACH, "又一问题", "证据", null, null, null),
                        authority()))
                .hasMessageContaining("整改只有一轮");

        assertThatThrownBy(() -> submission.fileReport(r.id(), "报告", List.of(), operatorOf(op)))
                .hasMessageContaining("请先提交整改方案");
        submission.filePlan(r.id(), "逐项整改措施：建立披露制度，每季度披露", List.of(), operatorOf(op));
        submission.fileReport(r.id(), "已于12月10日完成首次披露", List.of(), operatorOf(op));
        var task = taskOf(pid, RectificationProcess.TASK_REASSESS, "authority-reviewer");
        assertThat(taskService.getVariable(task.getId(), "report")).isEqualTo("已于12月10日完成首次披露");
        decide(
                pid,
                RectificationProcess.TASK_REASSESS,
                "authority-reviewer",
                Map.of("reassessment", "PASS", "reassessmentReason", "整改到位"));
        assertThat(awaitEnd(pid)).isEqualTo(RectificationProcess.END_RECTIFIED);
        assertThat(rectifications.get(r.id()).status()).isEqualTo(Rectification.Status.PASSED);
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
        assertThat(awaitNotice(op, "【整改通过】").body()).contains("经再次评估通过");
    }

    @Test
    @Enforces({"RECT-05", "RECT-06", "RECT-08"})
    void xinchangBreachSuspendsThePermissionsForTheAgreedPeriodAndRestoresThemOnAcceptance() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌暂停整改公司", XC_CLINICS);
        long agreementId = agreementOf(op).id();
        // RECT-06: the period the agreement states
        terms.record(agreementId, null, 15, "reviewer-authority");
        Rectification r = submission.order(
                new RectificationOrder(agreementId, RectificationTrigger.BREACH, "超范围使用数据", "平台审计日志", null, null, null),
                authority());
        String pid = r.processInstanceId();
        assertThat(r.deadline()).isEqualTo(today().plusDays(15));
        assertThat(r.deadlineBasis()).isEqualTo("协议约定的改正期限 15 日");
        // RECT-05: suspended at once
        awaitMessage(pid, RectificationProcess.MESSAGE_PLAN_FILED);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.SUSPENDED);
        assertThat(stateOf(op)).isEqualTo(AgreementState.SUSPENDED);
        assertThat(rectifications.get(r.id()).suspended()).isTrue();
        assertThat(awaitNotice(op, "【整改通知】").body()).contains("平台使用权限暂时关闭");
        assertThatThrownBy(() -> scenarioInReview(op, XC_CLINICS)).hasMessageContaining("平台使用权限已暂停");

        submission.filePlan(r.id(), "停止超范围使用，清理数据", List.of(), operatorOf(op));
        submission.fileReport(r.id(), "已清理并加装访问控制", List.of(), operatorOf(op));
        // 004 judges the correction: 通过 or 未通过, not a second 限期整改
        assertThatThrownBy(() -> decide(
                        pid,
                        RectificationProcess.TASK_REASSESS,
                        "authority-reviewer",
                        Map.of("reassessment", "RECTIFY", "reassessmentReason", "x")))
                .hasMessageContaining("请选择“通过”或“未通过”");
        decide(pid, RectificationProcess.TASK_REASSESS, "authority-reviewer", Map.of("reassessment", "PASS"));
        assertThat(awaitEnd(pid)).isEqualTo(RectificationProcess.END_RECTIFIED);
        // RECT-08: restored
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.OPEN);
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
        assertThat(permissions.history(op.getId()))
                .extracting(PlatformPermissions.Change::to)
                .containsExactly(
                        PlatformPermissions.Status.OPEN,
                        PlatformPermissions.Status.SUSPENDED,
                        PlatformPermissions.Status.OPEN);
        assertThat(awaitNotice(op, "【整改通过】").body()).contains("平台使用权限已恢复");
    }

    @Test
    @Enforces({"RECT-07"})
    void xinchangDeadlineMissedWithoutAPlanLeadsToExit() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌逾期整改公司", XC_BUS);
        Rectification r = submission.order(
                new RectificationOrder(
                        agreementOf(op).id(),
                        RectificationTrigger.BREACH,
                        "未落实安全措施",
                        "检查记录",
                        null,
                        today().plusDays(10),
                        null),
                authority());
        assertThat(r.deadlineBasis()).contains("协议未约定改正期限");
        String pid = r.processInstanceId();
        fireTimerAt(pid, RectificationProcess.TIMER_PLAN_DEADLINE);
        assertThat(awaitEnd(pid)).isEqualTo(RectificationProcess.END_DEADLINE_MISSED);
        Rectification failed = rectifications.get(r.id());
        assertThat(failed.status()).isEqualTo(Rectification.Status.FAILED);
        assertThat(failed.outcome()).isEqualTo(Rectification.Outcome.MISSED);
        assertThat(awaitNotice(Notifications.group("authority-reviewer"), "【整改逾期】新昌逾期整改公司")
                        .body())
                .contains("未提交整改方案");
        ExitCase exit = exits.running(agreementOf(op).id()).orElseThrow();
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.RECTIFICATION_FAILED);
        assertThat(exit.sourceSubject()).isEqualTo("RCT-" + r.id());
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);
        taskOf(exit.processInstanceId(), ExitProcess.TASK_DELIBERATE, "security-cac");
    }

    @Test
    @Enforces({"RECT-04"})
    void chizhouReassessmentOrderingRectificationAgainLeadsToExitNotASecondRound() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州二次整改公司", CZ_FUND);
        Rectification r = submission.order(
                new RectificationOrder(
                        agreementOf(op).id(), RectificationTrigger.BREACH, "收费未明码标价", "举报", null, null, null),
                authority());
        String pid = r.processInstanceId();
        awaitMessage(pid, RectificationProcess.MESSAGE_PLAN_FILED);
        submission.filePlan(r.id(), "整改方案", List.of(), operatorOf(op));
        submission.fileReport(r.id(), "整改报告", List.of(), operatorOf(op));
        decide(
                pid,
                RectificationProcess.TASK_REASSESS,
                "authority-reviewer",
                Map.of("reassessment", "RECTIFY", "reassessmentReason", "仍未明码标价"));
        assertThat(awaitEnd(pid)).isEqualTo(RectificationProcess.END_FAILED);
        assertThat(rectifications.get(r.id()).outcome()).isEqualTo(Rectification.Outcome.RECTIFY);
        ExitCase exit = exits.running(agreementOf(op).id()).orElseThrow();
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.RECTIFICATION_FAILED);
        assertThat(exit.reason()).contains("再次限期整改", "仍未明码标价");
        assertThat(awaitNotice(op, "【整改未通过】").body()).contains("整改只有一轮");
    }

    @Test
    @Enforces({"RECT-01", "RECT-09"})
    void jingdezhenMissedTargetsNeedRecordedTargetsAndAReportNotFiledLeadsToExit() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("jingdezhen", "景德镇经营目标公司", "cgj-enforcement-cases");
        long agreementId = agreementOf(op).id();
        RectificationOrder targets = new RectificationOrder(
                agreementId,
                RectificationTrigger.TARGETS_MISSED,
                "年度经营目标完成率不足 50%",
                "年度经营数据",
                null,
                today().plusDays(20),
                null);
        assertThatThrownBy(() -> submission.order(targets, authority()))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::message)
                                .anyMatch(m -> m.contains("RECT-09")));
        terms.record(agreementId, "每年上架数据产品不少于 5 个，服务企业不少于 100 家", null, "reviewer-authority");
        Rectification r = submission.order(targets, authority());
        String pid = r.processInstanceId();
        awaitMessage(pid, RectificationProcess.MESSAGE_PLAN_FILED);
        submission.filePlan(r.id(), "拓展客户计划", List.of(), operatorOf(op));
        fireTimerAt(pid, RectificationProcess.TIMER_REPORT_DEADLINE);
        assertThat(awaitEnd(pid)).isEqualTo(RectificationProcess.END_DEADLINE_MISSED);
        assertThat(rectifications.failedFor(agreementId, "TARGETS_MISSED")).isTrue();
        assertThat(exits.running(agreementId)).isPresent();
    }

    @Test
    @Enforces({"RECT-01"})
    void eachJurisdictionOpensRectificationOnlyForItsOwnGrounds() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌整改情形公司", XC_CLINICS);
        assertThatThrownBy(() -> submission.order(
                        new RectificationOrder(
                                agreementOf(op).id(),
                                RectificationTrigger.TARGETS_MISSED,
                                "目标未达成",
                                "数据",
                                null,
                                today().plusDays(10),
                                null),
                        authority()))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::message)
                                .anyMatch(m -> m.startsWith("新昌县不以“未达到协议约定的经营目标”发起限期整改")));
        assertThatThrownBy(() -> submission.order(
                        new RectificationOrder(
                                agreementOf(op).id(),
                                RectificationTrigger.BREACH,
                                "违约",
                                null,
                                null,
                                today().plusDays(10),
                                null),
                        authority()))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("evidence"));
        assertThatThrownBy(() -> submission.order(
                        new RectificationOrder(
                                agreementOf(op).id(), RectificationTrigger.EVALUATION, "评估", null, null, null, null),
                        authority()))
                .hasMessageContaining("由评估流程发起");
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
    }

    @Test
    @Enforces({"RECT-11"})
    void chizhouInspectionFindingsReachTheOperatorAndOpenARectification() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州监督检查公司", CZ_ENTERPRISES);
        long evidence = authorityDocument("检查记录表.pdf");
        Inspections.Inspection inspection = submission.inspect(
                new Inspections.InspectionForm(
                        agreementOf(op).id(),
                        today(),
                        "平台管理、数据资源管理、市场运营",
                        "市网信办、市公安局",
                        "运营平台访问日志未留存满 6 个月",
                        true,
                        null),
                List.of(evidence),
                authority());
        assertThat(inspections.ofOperator(op.getCreditCode()))
                .extracting(Inspections.Inspection::findings)
                .containsExactly("运营平台访问日志未留存满 6 个月");
        assertThat(awaitNotice(op, "【监督检查结果】").body()).contains("运营平台访问日志未留存满 6 个月", "另行发出整改通知");
        Rectification r = rectifications.get(inspection.rectificationId());
        assertThat(r.trigger()).isEqualTo(RectificationTrigger.INSPECTION);
        assertThat(r.deadline()).isEqualTo(today().plusDays(30));
        assertThat(progress.of(r.id()).evidence()).extracting(d -> d.id()).containsExactly(evidence);
        awaitMessage(r.processInstanceId(), RectificationProcess.MESSAGE_PLAN_FILED);
        assertThat(stateOf(op)).isEqualTo(AgreementState.RECTIFYING);
    }

    @Test
    @Enforces({"SEC-05"})
    void xinchangOperatorIsInspectedByTheDataAuthorityAndTheFindingsReachIt() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌监督检查公司", XC_BUS);
        Inspections.Inspection inspection = submission.inspect(
                new Inspections.InspectionForm(
                        agreementOf(op).id(), today(), "数据安全管理、场景数据使用", "县网信办", "场景数据超出申请字段使用", false, null),
                List.of(authorityDocument("新昌检查记录.pdf")),
                authority());
        assertThat(inspections.ofOperator(op.getCreditCode()))
                .extracting(Inspections.Inspection::findings)
                .containsExactly("场景数据超出申请字段使用");
        assertThat(awaitNotice(op, "【监督检查结果】").body()).contains("场景数据超出申请字段使用");
        assertThat(inspection.rectificationId())
                .as("004 does not open a rectification from an inspection")
                .isNull();
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
    }
}
