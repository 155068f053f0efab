package cn.pubdata.approval.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitProcess;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notice;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.rectification.Rectification;
import cn.pubdata.approval.rectification.RectificationTrigger;
import cn.pubdata.approval.rectification.Rectifications;
import cn.pubdata.approval.timeline.TimelineEntry;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of risk-report.bpmn, named after the path it walks. */
class RiskReportProcessTest extends LifecycleTestSupport {

    private static final String AUTHORITY = "authority-reviewer";

    @Autowired
    RiskReportSubmission submission;

    @Autowired
    RiskReports reports;

    @Autowired
    RiskReportProgress progress;

    @Autowired
    List<ExternalTaskHandler> handlers;

    @Autowired
    Rectifications rectifications;

    @Autowired
    SecurityExercises exercises;

    @Test
    @Enforces({"SCN-10"})
    void aReportedRiskReachesTheAuthorityAtOnceIsAssessedAndClosedAndTheOperatorIsTold() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("xianning", "咸宁风险报告测试公司", XN_FUND, XN_VISITORS);
        beijingTime(LocalDateTime.of(2026, 11, 18, 14, 30)); // a Wednesday
        Actor actor = Actor.operator("op-test", operator.getCreditCode());

        RiskReport report = submission.report(
                new RiskReportForm(
                        "xianning",
                        null,
                        "公积金缴存数据查询接口出现异常批量调用\n疑似账号被盗用",
                        LocalDate.of(2026, 11, 18),
                        "已暂停该接口调用并冻结相关账号"),
                actor);
        String pid = report.getProcessInstanceId();
        assertThat(report.getStatus()).isEqualTo(RiskReportStatus.REPORTED);
        assertThat(report.getCompanyName()).isEqualTo("咸宁风险报告测试公司");

        // SCN-10: the authority learns of it at once, before its assessment task is even created
        String title = "【风险报告】咸宁风险报告测试公司：公积金缴存数据查询接口出现异常批量调用";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.inbox(Notifications.group(AUTHORITY)).stream()
                        .anyMatch(n -> n.title().equals(title)));
        Notice told = notice(Notifications.group(AUTHORITY), title);
        assertThat(told.body())
                .contains(
                        "（" + operator.getCreditCode() + "）于 2026年11月18日 14:30 报告了在处理数据中发现的风险或发生的安全事件（SCN-10）",
                        "完整报告应于 2026-11-25 前提交",
                        "涉及场景：未关联具体场景",
                        "发现日期：2026-11-18",
                        "疑似账号被盗用",
                        "已采取的初步措施：已暂停该接口调用并冻结相关账号",
                        "请会同有关部门对该风险进行评估");
        // the full report comes before the assessment, within 5 working days
        awaitMessage(pid, RiskReportProcess.MESSAGE_FULL_REPORT_FILED);
        assertThat(reports.get(report.getId()).getFullReportDue()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(progress.of(report.getId()).operatorAction()).contains("请于 2026-11-25 前提交完整报告");
        assertThatThrownBy(() -> submission.fileFullReport(report.getId(), " ", actor))
                .hasMessageContaining("请填写完整报告");
        submission.fileFullReport(report.getId(), "经排查，系外包人员账号泄露；涉及公积金缴存查询记录约200条，未外泄", actor);
        assertThatThrownBy(() -> submission.fileFullReport(report.getId(), "再次提交", actor))
                .hasMessageContaining("完整报告已提交");
        Task assess = taskOf(pid, RiskReportProcess.TASK_ASSESS_RISK, AUTHORITY);
        assertDueOn(assess, LocalDate.of(2026, 11, 23)); // 3 working days
        assertThat(taskService.getVariable(assess.getId(), "fullReport"))
                .asString()
                .contains("外包人员账号泄露");
        assertThat(passedActivities(pid))
                .containsSubsequence(
                        "ServiceTask_NotifyAuthority",
                        RiskReportProcess.WAIT_FULL_REPORT,
                        RiskReportProcess.TASK_ASSESS_RISK);
        assertThat(taskService.getVariable(assess.getId(), "measures")).isEqualTo("已暂停该接口调用并冻结相关账号");

        RiskReportProgress.Progress open = progress.of(report.getId());
        assertThat(open.statusLabel()).isEqualTo("已报告，待评估");
        assertThat(open.due()).singleElement().satisfies(d -> {
            assertThat(d.step()).isEqualTo("风险评估");
            assertThat(d.responsible()).isEqualTo("数据主管部门（审核岗）");
            assertThat(d.workingDaysLeft()).isEqualTo(3);
        });
        assertThat(open.operatorAction()).contains("正在评估（2026-11-23 前）");

        assertThatThrownBy(() -> decide(
                        pid,
                        RiskReportProcess.TASK_ASSESS_RISK,
                        AUTHORITY,
                        Map.of("riskAssessment", "风险可控", "assessmentOutcome", "CLOSE")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("会同评估的有关部门");
        decide(
                pid,
                RiskReportProcess.TASK_ASSESS_RISK,
                AUTHORITY,
                Map.of(
                        "assessmentDepartments", "市委网信办、市公安局",
                        "riskAssessment", "系账号泄露所致，未造成数据外泄；已督促运营机构加强账号管理",
                        "assessmentOutcome", "CLOSE"));
        assertThat(awaitEnd(pid)).isEqualTo(RiskReportProcess.END_CLOSED);

        RiskReport closed = reports.get(report.getId());
        assertThat(closed.getStatus()).isEqualTo(RiskReportStatus.CLOSED);
        assertThat(closed.getAssessmentOutcome()).isEqualTo(AssessmentOutcome.CLOSE);
        assertThat(closed.getDepartments()).isEqualTo("市委网信办、市公安局");
        assertThat(closed.getAssessedBy()).isEqualTo("reviewer-" + AUTHORITY);
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(notice(Notifications.operator(operator.getCreditCode()), "【风险报告已评估】公积金缴存数据查询接口出现异常批量调用")
                        .body())
                .contains("已由数据主管部门会同市委网信办、市公安局评估完毕，报告已关闭", "系账号泄露所致，未造成数据外泄");
        // delivered again (a lock expired, a worker crashed): one notice each, the report closed once
        java.time.Instant closedAt = closed.getClosedAt();
        deliverAgain(pid, "ServiceTask_NotifyAuthority", "risk-report-notify", Map.of("reportId", report.getId()));
        deliverAgain(
                pid,
                "ServiceTask_CloseReport",
                "risk-report-close",
                Map.of("reportId", report.getId(), "assessmentOutcome", "CLOSE"));
        notice(Notifications.group(AUTHORITY), title);
        notice(Notifications.operator(operator.getCreditCode()), "【风险报告已评估】公积金缴存数据查询接口出现异常批量调用");
        assertThat(reports.get(report.getId()).getClosedAt()).isEqualTo(closedAt);

        RiskReportProgress.Progress done = progress.of(report.getId());
        assertThat(done.statusLabel()).isEqualTo("已评估，已关闭");
        assertThat(done.due()).isEmpty();
        assertThat(done.assessment()).contains("未造成数据外泄");
        assertThat(done.timeline())
                .extracting(TimelineEntry::title)
                .containsSubsequence("报告风险", "已报送数据主管部门", "提交完整报告", "风险评估：评估完毕，关闭报告", "风险评估完成，报告已关闭");
        assertThat(done.due()).extracting(DueItem::step).isEmpty();
    }

    @Test
    @Enforces({"SCN-10"})
    void aSuspendedOperatorCanStillReportButNotAboutAnotherOperatorsScenarioOrTheFuture() {
        AdmissionApplication operator = admitted("xianning", "咸宁暂停仍可报告公司", XN_VISITORS);
        suspend(operator);
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        int before = count("select count(*) from approval.risk_report");
        assertThatThrownBy(() -> submission.report(
                        new RiskReportForm("xianning", null, "游客数据异常", today().plusDays(1), "已停止处理"), actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("foundOn 发现日期不能晚于今天（" + today() + "）"));
        assertThatThrownBy(
                        () -> submission.report(new RiskReportForm("yangxin", null, "游客数据异常", today(), "已停止处理"), actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors()).extracting(e -> e.field()).containsExactly("jurisdiction"));
        assertThatThrownBy(() ->
                        submission.report(new RiskReportForm("xianning", 987654L, "游客数据异常", today(), "已停止处理"), actor))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        assertThat(count("select count(*) from approval.risk_report"))
                .as("nothing written")
                .isEqualTo(before);

        RiskReport report = submission.report(
                new RiskReportForm("xianning", null, "整改期间发现游客流量数据被异常导出", today(), "已停止相关数据处理活动"), actor);
        awaitMessage(report.getProcessInstanceId(), RiskReportProcess.MESSAGE_FULL_REPORT_FILED);
        submission.fileFullReport(report.getId(), "完整报告：导出记录已追回", actor);
        taskOf(report.getProcessInstanceId(), RiskReportProcess.TASK_ASSESS_RISK, AUTHORITY);
        assertThat(notifications.inbox(Notifications.group(AUTHORITY)))
                .anyMatch(n -> n.title().equals("【风险报告】咸宁暂停仍可报告公司：整改期间发现游客流量数据被异常导出"));
    }

    @Test
    @Enforces({"EXIT-06", "SEC-13"})
    void anIncidentWithSeriousConsequencesReachesTheSecurityMembersAndStartsTheExitWithoutAReferralOutside004() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州安全事件退出公司", CZ_ENTERPRISES);
        beijingTime(LocalDateTime.of(2026, 11, 18, 10, 0));
        RiskReport report = submission.report(
                new RiskReportForm("chizhou", null, "企业登记数据库遭入侵，数据被批量窃取", today(), "已断开外网并报警"), operatorOf(op));
        String pid = report.getProcessInstanceId();
        // ROLE-07: the profile's security members learn of it at once, like the authority
        for (String member : profiles.of("chizhou").coordinationGroups()) {
            assertThat(notice(Notifications.group(member), "【安全事件通报】池州安全事件退出公司：企业登记数据库遭入侵，数据被批量窃取")
                            .body())
                    .contains("已断开外网并报警", "完整报告应于 2026-11-25 前提交");
        }
        // no full report by its day: the authority is told and assesses with what it has
        fireTimerAt(pid, RiskReportProcess.TIMER_FULL_REPORT_LATE);
        assertThat(notice(Notifications.group(AUTHORITY), "【完整报告逾期】池州安全事件退出公司：企业登记数据库遭入侵，数据被批量窃取")
                        .body())
                .contains("未在 2026-11-25 前提交");
        // SEC-13: 池州 (001) names no referral to 网信 and 公安; the form hides the box and a ticked one is refused
        assertThat(runtime.getVariable(pid, "referralOffered")).isEqualTo(false);
        Map<String, Object> assessment = Map.of(
                "assessmentDepartments", "市委网信办、市公安局",
                "riskAssessment", "数据被窃取并在境外论坛出售，造成严重后果",
                "assessmentOutcome", "EXIT");
        var ticked = new java.util.HashMap<>(assessment);
        ticked.put("referToSecurity", true);
        assertThatThrownBy(() -> decide(pid, RiskReportProcess.TASK_ASSESS_RISK, AUTHORITY, ticked))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("池州市的政策配置未规定移送网信、公安部门（SEC-13）");
        assertThat(exits.running(agreement(op).id())).isEmpty();
        decide(pid, RiskReportProcess.TASK_ASSESS_RISK, AUTHORITY, assessment);
        // EXIT-06: the exit starts by its message, in the authority's name, on the incident ground (001)
        RiskReport assessed = reports.get(report.getId());
        ExitCase exit = exits.get(assessed.getExitId());
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.SECURITY_INCIDENT);
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);
        taskOf(exit.processInstanceId(), ExitProcess.TASK_DECIDE, AUTHORITY);
        assertThat(awaitEnd(pid)).isEqualTo(RiskReportProcess.END_CLOSED);
        assertThat(assessed.isReferred()).isFalse();
        assertThat(reports.securityFile(op.getCreditCode())).isEmpty();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(pid)
                        .activityId(RiskReportProcess.TASK_REFERRAL)
                        .count())
                .isZero();
        assertThat(notice(Notifications.operator(op.getCreditCode()), "【风险报告已评估】企业登记数据库遭入侵，数据被批量窃取")
                        .body())
                .contains("启动退出程序")
                .doesNotContain("移送");
    }

    @Test
    @Enforces({"SEC-13"})
    void inXinchangABreachOfSecurityLawIsReferredToCacAndPoliceWhoEachHandleItOnTheOperatorsFile() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌违法移送公司", XC_BUS);
        RiskReport report = submission.report(
                new RiskReportForm("xinchang", null, "发现员工私自下载公交客流明细并出售", today(), "已冻结该员工账号"), operatorOf(op));
        String pid = report.getProcessInstanceId();
        submission.fileFullReport(report.getId(), "涉及 3 万条含手机号的乘车记录", operatorOf(op));
        // SEC-13: 新昌 (004) provides the referral; the version the flow started with is kept on it
        assertThat(runtime.getVariable(pid, "referralOffered")).isEqualTo(true);
        assertThat(runtime.getVariable(pid, "profileVersion")).isEqualTo(profiles.currentVersion("xinchang"));
        decide(
                pid,
                RiskReportProcess.TASK_ASSESS_RISK,
                AUTHORITY,
                Map.of(
                        "assessmentDepartments", "县委网信办、县公安局",
                        "riskAssessment", "违反个人信息保护法，运营机构已及时处置",
                        "assessmentOutcome", "CLOSE",
                        "referToSecurity", true));
        assertThat(reports.get(report.getId()).isReferred()).isTrue();
        // 网信 and 公安 each get a task with a due day ten working days on
        for (String group : List.of("security-cac", "security-police")) {
            Task referral = taskOf(pid, RiskReportProcess.TASK_REFERRAL, group);
            assertThat(referral.getDueDate()).isNotNull();
        }
        decide(pid, RiskReportProcess.TASK_REFERRAL, "security-cac", Map.of("handlingNote", "已约谈运营机构负责人"));
        decide(pid, RiskReportProcess.TASK_REFERRAL, "security-police", Map.of("handlingNote", "已对涉事员工立案侦查"));
        assertThat(awaitEnd(pid)).isEqualTo(RiskReportProcess.END_CLOSED);
        assertThat(reports.securityFile(op.getCreditCode()))
                .extracting(row -> row.get("kind") + " " + row.get("summary"))
                .containsExactly(
                        "REFERRAL 移送网信、公安部门依法处理：发现员工私自下载公交客流明细并出售（评估结论：违反个人信息保护法，运营机构已及时处置）",
                        "DEPARTMENT_HANDLING 网信部门处理意见：已约谈运营机构负责人",
                        "DEPARTMENT_HANDLING 公安部门处理意见：已对涉事员工立案侦查");
        assertThat(notice(Notifications.operator(op.getCreditCode()), "【风险报告已评估】发现员工私自下载公交客流明细并出售")
                        .body())
                .contains("已移送网信、公安部门依法处理，并记入贵单位档案");
    }

    @Test
    @Enforces({"RECT-01"})
    void aBreachFoundInTheAssessmentStartsARectificationAndClosesTheReport() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州违约整改公司", CZ_ENTERPRISES);
        RiskReport report = submission.report(
                new RiskReportForm("chizhou", null, "合作方超范围使用企业登记数据", today(), "已停止合作方接口"), operatorOf(op));
        // filed at once, perhaps before the flow waits for it: taken as filed either way
        submission.fileFullReport(report.getId(), "合作方将数据用于协议外的营销用途", operatorOf(op));
        decide(
                report.getProcessInstanceId(),
                RiskReportProcess.TASK_ASSESS_RISK,
                AUTHORITY,
                Map.of(
                        "assessmentDepartments", "市委网信办",
                        "riskAssessment", "违反授权运营协议关于使用范围的约定",
                        "assessmentOutcome", "RECTIFY"));
        assertThat(awaitEnd(report.getProcessInstanceId())).isEqualTo(RiskReportProcess.END_CLOSED);
        RiskReport assessed = reports.get(report.getId());
        assertThat(assessed.isReferred()).isFalse();
        Rectification r = rectifications.get(assessed.getRectificationId());
        assertThat(r.trigger()).isEqualTo(RectificationTrigger.BREACH);
        assertThat(r.problems()).contains("合作方超范围使用企业登记数据");
        assertThat(r.deadline()).isEqualTo(today().plusDays(30)); // RECT-02 in 001
        assertThat(stateOf(op)).isEqualTo(AgreementState.RECTIFYING);
        assertThat(notice(Notifications.operator(op.getCreditCode()), "【风险报告已评估】合作方超范围使用企业登记数据")
                        .body())
                .contains("启动限期整改");
    }

    @Test
    @Enforces({"SEC-06"})
    void drillsAndRiskAssessmentsAreRecordedPerOperatorAndAYearWithoutADrillIsFlagged() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication drilled = admitted("xianning", "咸宁按期演练公司", XN_VISITORS);
        AdmissionApplication idle = admitted("xianning", "咸宁未演练公司", XN_VISITORS);
        assertThatThrownBy(() -> exercises.record(
                        new SecurityExercises.ExerciseForm(
                                "xianning", SecurityExercises.Kind.DRILL, today().plusDays(1), " "),
                        operatorOf(drilled)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("heldOn", "summary"));
        exercises.record(
                new SecurityExercises.ExerciseForm(
                        "xianning", SecurityExercises.Kind.DRILL, today().minusMonths(3), "数据泄露应急演练，30人参加"),
                operatorOf(drilled));
        exercises.record(
                new SecurityExercises.ExerciseForm(
                        "xianning", SecurityExercises.Kind.RISK_ASSESSMENT, today().minusMonths(1), "年度数据安全风险评估"),
                operatorOf(idle));
        exercises.record(
                new SecurityExercises.ExerciseForm(
                        "xianning", SecurityExercises.Kind.DRILL, today().minusMonths(13), "上一年度演练"),
                operatorOf(idle));
        assertThat(exercises.ofOperator(idle.getCreditCode()))
                .extracting(e -> e.kind() + " " + e.heldOn())
                .containsExactly("RISK_ASSESSMENT " + today().minusMonths(1), "DRILL " + today().minusMonths(13));
        // a year without a drill is flagged; a risk assessment is no drill
        assertThat(exercises.withoutDrill("xianning"))
                .extracting(SecurityExercises.Overdue::creditCode)
                .contains(idle.getCreditCode())
                .doesNotContain(drilled.getCreditCode());
        assertThat(exercises.withoutDrill("xianning"))
                .filteredOn(o -> o.creditCode().equals(idle.getCreditCode()))
                .singleElement()
                .extracting(SecurityExercises.Overdue::lastDrill)
                .isEqualTo(today().minusMonths(13));
    }

    /** The activity instance the engine delivered the task for: a repeated delivery names the same one. */
    private String deliveredInstance(String pid, String activityId) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(pid)
                .activityId(activityId)
                .orderByHistoricActivityInstanceStartTime()
                .desc()
                .list()
                .get(0)
                .getId();
    }

    private void deliverAgain(String pid, String activityId, String topic, Map<String, Object> variables) {
        handlers.stream()
                .filter(h -> h.topic().equals(topic))
                .findFirst()
                .orElseThrow()
                .handle(new WorkItem(
                        java.util.UUID.randomUUID().toString(),
                        topic,
                        pid,
                        "RSK-test",
                        activityId,
                        deliveredInstance(pid, activityId),
                        new java.util.HashMap<>(variables)));
    }

    private Notice notice(String recipient, String title) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.inbox(recipient).stream()
                        .anyMatch(n -> n.title().equals(title)));
        List<Notice> found = notifications.inbox(recipient).stream()
                .filter(n -> n.title().equals(title))
                .toList();
        assertThat(found).as(recipient + " " + title).hasSize(1);
        return found.get(0);
    }
}
