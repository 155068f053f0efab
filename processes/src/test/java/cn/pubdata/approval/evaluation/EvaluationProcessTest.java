package cn.pubdata.approval.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.pricing.RevenueLedger;
import cn.pubdata.approval.rectification.Rectification;
import cn.pubdata.approval.rectification.RectificationTrigger;
import cn.pubdata.approval.rectification.Rectifications;
import cn.pubdata.approval.risk.SecurityExercises;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of evaluation.bpmn, named after the path it walks, and the per-profile results. */
class EvaluationProcessTest extends LifecycleTestSupport {

    @Autowired
    Evaluations evaluations;

    @Autowired
    SecurityExercises exercises;

    @Autowired
    EvaluationProgress progress;

    @Autowired
    RevenueLedger ledger;

    @Autowired
    Rectifications rectifications;

    private static EvaluationReport report(String revenue) {
        return new EvaluationReport(
                "全年受理数据需求 120 项",
                "使用数据资源 8 项，调用 30 万次",
                "服务企业 300 家，带动信贷 2 亿元",
                "未发生数据安全事件，完成应急演练 2 次",
                revenue == null ? null : new BigDecimal(revenue),
                3,
                5,
                0,
                2,
                List.of());
    }

    @Test
    @Enforces({"EVAL-01", "EVAL-03", "EVAL-05", "PRC-03"})
    void chizhouAnnualReportIsFiledEvaluatedOnEveryAspectAndPasses() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州年度评估公司", CZ_CASES);
        beijingTime(LocalDateTime.of(2027, 1, 4, 9, 0));
        Evaluation e = evaluationSubmission.start(
                agreementOf(op).id(), Evaluation.Kind.ANNUAL, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 31));
        String pid = e.processInstanceId();
        // EVAL-01: at the start of the year, for the previous year; due in 20 working days
        assertThat(awaitNotice(op, "【请提交年度运营情况报告】").body())
                .contains("运营数据需求、数据使用情况、产生效益、数据安全", "2026-03-02 至 2026-12-31");
        // the notice goes out while the worker's task may still be delivered again; the wait for the report follows it
        awaitMessage(e.processInstanceId(), EvaluationProcess.MESSAGE_REPORT_FILED);
        assertThat(progress.of(e.id()).due())
                .first()
                .satisfies(d -> assertThat(d.step()).isEqualTo("提交年度运营情况报告"));
        assertThatThrownBy(() -> evaluationSubmission.fileReport(
                        e.id(),
                        new EvaluationReport(null, null, null, null, null, null, null, null, null, null),
                        operatorOf(op)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .contains("dataDemand", "dataUse", "benefits", "security", "revenueYuan"));
        evaluationSubmission.fileReport(e.id(), report("3000000"), operatorOf(op));

        Task task = taskOf(pid, EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        assertThat(passedActivities(pid))
                .contains("ServiceTask_RecordRevenue")
                .doesNotContain(EvaluationProcess.TASK_CHOOSE_MODE);
        // PRC-03: the revenue against the cap set at admission (1200.5 万元 a year, pro rata for the 10 months)
        RevenueLedger.Row row = ledger.ledger(agreementOf(op).id()).get(0);
        assertThat(row.revenueYuan()).isEqualByComparingTo("3000000");
        assertThat(row.yearlyCapYuan()).isEqualByComparingTo("12005000");
        assertThat(row.over()).isFalse();
        assertThat(taskService.getVariable(task.getId(), "ledgerLine").toString())
                .contains("收入 3000000");

        // EVAL-03: each aspect of 001 judged
        assertThatThrownBy(() -> decide(
                        pid,
                        EvaluationProcess.TASK_EVALUATE,
                        "authority-reviewer",
                        judged(task, "", Map.of("evaluationResult", "PASS"))))
                .hasMessageContaining("的评估意见");
        decide(
                pid,
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(task, "良好", Map.of("evaluationResult", "PASS")));
        assertThat(awaitEnd(pid)).isEqualTo(EvaluationProcess.END_EVALUATED);
        Evaluation done = evaluations.get(e.id());
        assertThat(done.result()).isEqualTo(Evaluation.Result.PASS);
        assertThat(done.aspects()).contains("安全评估", "绩效评估", "场景效益", "公益服务情况");
        assertThat(awaitNotice(op, "【年度运营情况报告：通过】").body()).contains("结果：通过");
        assertThat(stateOf(op)).isEqualTo(AgreementState.OPERATING);
    }

    @Test
    @Enforces({"EVAL-05", "RECT-01"})
    void chizhouResultRectifyOpensARectification() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州评估整改公司", CZ_FUND);
        beijingTime(LocalDateTime.of(2027, 1, 4, 9, 0));
        Evaluation e = annualEvaluationAwaitingReport(op, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 31));
        evaluationSubmission.fileReport(e.id(), report("0"), operatorOf(op));
        Task task = taskOf(e.processInstanceId(), EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        decide(
                e.processInstanceId(),
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(task, "一般", Map.of("evaluationResult", "RECTIFY", "resultReason", "公益服务开展不足")));
        assertThat(awaitEnd(e.processInstanceId())).isEqualTo(EvaluationProcess.END_RECTIFICATION_ORDERED);
        Rectification r = rectifications.open(agreementOf(op).id()).orElseThrow();
        assertThat(r.trigger()).isEqualTo(RectificationTrigger.EVALUATION);
        assertThat(r.evaluationId()).isEqualTo(e.id());
        assertThat(r.problems()).contains("公益服务开展不足");
        assertThat(r.deadline()).isEqualTo(today().plusDays(30));
        assertThat(stateOf(op)).isEqualTo(AgreementState.RECTIFYING);
    }

    @Test
    @Enforces({"EVAL-05", "EXIT-05"})
    void chizhouResultFailStartsTheExit() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州评估未通过公司", CZ_ENTERPRISES);
        beijingTime(LocalDateTime.of(2027, 1, 4, 9, 0));
        Evaluation e = annualEvaluationAwaitingReport(op, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 12, 31));
        evaluationSubmission.fileReport(e.id(), report("100"), operatorOf(op));
        Task task = taskOf(e.processInstanceId(), EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        decide(
                e.processInstanceId(),
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(task, "差", Map.of("evaluationResult", "FAIL", "resultReason", "安全评估不合格")));
        assertThat(awaitEnd(e.processInstanceId())).isEqualTo(EvaluationProcess.END_EXIT_ORDERED);
        var exit = exits.running(agreementOf(op).id()).orElseThrow();
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.EVALUATION_FAILED);
        assertThat(exit.reason()).contains("结果为未通过：安全评估不合格");
        assertThat(awaitNotice(op, "【年度运营情况报告：未通过】").body()).contains("转入退出程序");
    }

    @Test
    @Enforces({"EVAL-02", "EVAL-06", "EVAL-07"})
    void xinchangEvaluatesWithTheMembersAndProvidersAndTheResultIsShownAtReapplication() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌年度评估公司", XC_CLINICS);
        beijingTime(LocalDateTime.of(2027, 1, 5, 9, 0));
        Evaluation e = annualEvaluationAwaitingReport(op, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4));
        String pid = e.processInstanceId();
        evaluationSubmission.fileReport(e.id(), report("500000"), operatorOf(op));
        decide(pid, EvaluationProcess.TASK_CHOOSE_MODE, "authority-reviewer", Map.of("evaluationMode", "MEMBERS"));
        List<String> members = new ArrayList<>(profiles.of("xinchang").coordinationGroups());
        members.add("provider-xc-wjj");
        for (String member : members) {
            decide(
                    pid,
                    EvaluationProcess.TASK_MEMBER_OPINION,
                    member,
                    Map.of("memberOpinion", "PASS", "memberAssessment", "协议执行良好"));
        }
        Task task = taskOf(pid, EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        assertThat(taskService.getVariable(task.getId(), "memberOpinions").toString())
                .contains("县卫生健康局：建议通过");
        // 004's result is recorded, not a 限期整改
        assertThatThrownBy(() -> decide(
                        pid,
                        EvaluationProcess.TASK_EVALUATE,
                        "authority-reviewer",
                        judged(task, "一般", Map.of("evaluationResult", "RECTIFY", "resultReason", "x"))))
                .hasMessageContaining("限期整改”是池州市的评估结果");
        decide(
                pid,
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(task, "良好", Map.of("evaluationResult", "PASS")));
        assertThat(awaitEnd(pid)).isEqualTo(EvaluationProcess.END_EVALUATED);
        assertThat(evaluations.get(e.id()).mode()).isEqualTo("MEMBERS");

        // EVAL-07: the same operator applies again: the reviewers see the result
        var again = submission(op);
        assertThat(runtime.getVariable(again, "previousEvaluations").toString()).contains("2026-01-05 至 2027-01-04：通过");
    }

    @Test
    @Enforces({"EVAL-06"})
    void xinchangCommissionsAThirdParty() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌第三方评估公司", XC_BUS);
        beijingTime(LocalDateTime.of(2027, 1, 5, 9, 0));
        Evaluation e = annualEvaluationAwaitingReport(op, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4));
        String pid = e.processInstanceId();
        evaluationSubmission.fileReport(e.id(), report("0"), operatorOf(op));
        assertThatThrownBy(() -> decide(
                        pid,
                        EvaluationProcess.TASK_CHOOSE_MODE,
                        "authority-reviewer",
                        Map.of("evaluationMode", "THIRD_PARTY")))
                .hasMessageContaining("受托机构");
        decide(
                pid,
                EvaluationProcess.TASK_CHOOSE_MODE,
                "authority-reviewer",
                Map.of("evaluationMode", "THIRD_PARTY", "thirdParty", "浙江某评估咨询有限公司"));
        Task task = taskOf(pid, EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        assertThat(passedActivities(pid)).doesNotContain(EvaluationProcess.TASK_MEMBER_OPINION);
        decide(
                pid,
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(task, "未达预期", Map.of("evaluationResult", "FAIL", "resultReason", "产品实施效果未达预期")));
        assertThat(awaitEnd(pid)).as("004 records the result, no exit").isEqualTo(EvaluationProcess.END_EVALUATED);
        assertThat(evaluations.get(e.id()).thirdParty()).isEqualTo("浙江某评估咨询有限公司");
        assertThat(exits.running(agreementOf(op).id())).isEmpty();
    }

    @Test
    @Enforces({"EVAL-08"})
    void xinchangSemiAnnualSecurityReportIsFiledAndReviewed() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌安全报告公司", XC_CLINICS);
        beijingTime(LocalDateTime.of(2026, 7, 6, 9, 0));
        Evaluation e = evaluationSubmission.start(
                agreementOf(op).id(), Evaluation.Kind.SECURITY, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 4));
        String pid = e.processInstanceId();
        assertThat(awaitNotice(op, "【请提交运营安全情况报告】").body()).contains("运营安全情况报告");
        awaitMessage(pid, EvaluationProcess.MESSAGE_REPORT_FILED);
        evaluationSubmission.fileReport(
                e.id(),
                new EvaluationReport(null, null, null, "半年内未发生安全事件", null, null, null, 0, 1, List.of()),
                operatorOf(op));
        decide(
                pid,
                EvaluationProcess.TASK_REVIEW_SECURITY_REPORT,
                "authority-reviewer",
                Map.of("securityRemarks", "已审阅，请继续做好演练"));
        assertThat(awaitEnd(pid)).isEqualTo(EvaluationProcess.END_SECURITY_REPORT_REVIEWED);
        assertThat(evaluations.get(e.id()).result()).isEqualTo(Evaluation.Result.NOTED);
        assertThat(passedActivities(pid)).doesNotContain("ServiceTask_RecordRevenue", EvaluationProcess.TASK_EVALUATE);
    }

    @Test
    @Enforces({"EVAL-04"})
    void aReportNotFiledIsEscalatedToTheManagerAndTheEvaluationProceedsWithoutIt() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication op = admitted("xianning", "咸宁逾期报告公司", XN_FUND);
        beijingTime(LocalDateTime.of(2027, 1, 5, 9, 0));
        Evaluation e = evaluationSubmission.start(
                agreementOf(op).id(), Evaluation.Kind.ANNUAL, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4));
        String pid = e.processInstanceId();
        fireTimerAt(pid, EvaluationProcess.TIMER_REPORT_OVERDUE);
        Task task = taskOf(pid, EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        assertThat(awaitNotice(Notifications.group("manager"), "【报告逾期未交】咸宁逾期报告公司")
                        .body())
                .contains("评估在没有报告的情况下继续进行");
        assertThat(evaluations.get(e.id()).status()).isEqualTo(Evaluation.Status.REPORT_MISSING);
        assertThat(taskService.getVariable(task.getId(), "reportSummary").toString())
                .contains("逾期未提交报告");
        assertThat(passedActivities(pid)).doesNotContain("ServiceTask_RecordRevenue");
        assertThatThrownBy(() -> evaluationSubmission.fileReport(e.id(), report("1"), operatorOf(op)))
                .hasMessageContaining("不再受理");
        decide(
                pid,
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(task, "未报告", Map.of("evaluationResult", "FAIL", "resultReason", "未按期报告")));
        assertThat(awaitEnd(pid)).isEqualTo(EvaluationProcess.END_EVALUATED);
    }

    @Test
    @Enforces({"SEC-06"})
    void theEvaluatorReadsTheOperatorsDrillsAndAYearWithoutADrillIsAnEvaluatedFinding() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication idle = admitted("xianning", "咸宁演练过期公司", XN_FUND);
        AdmissionApplication drilled = admitted("xianning", "咸宁按期演练评估公司", XN_VISITORS);
        beijingTime(LocalDateTime.of(2027, 1, 5, 9, 0));
        exercises.record(
                new SecurityExercises.ExerciseForm(
                        "xianning", SecurityExercises.Kind.DRILL, LocalDate.of(2025, 12, 20), "上一年度数据泄露应急演练"),
                operatorOf(idle));
        exercises.record(
                new SecurityExercises.ExerciseForm(
                        "xianning", SecurityExercises.Kind.RISK_ASSESSMENT, LocalDate.of(2026, 9, 1), "年度数据安全风险评估"),
                operatorOf(idle));
        exercises.record(
                new SecurityExercises.ExerciseForm(
                        "xianning", SecurityExercises.Kind.DRILL, LocalDate.of(2026, 10, 15), "勒索病毒应急演练，20人参加"),
                operatorOf(drilled));

        // a risk assessment is no drill, and the drill of 2025-12-20 is more than a year before the period's end
        Evaluation e = evaluationSubmission.start(
                agreementOf(idle).id(), Evaluation.Kind.ANNUAL, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4));
        String pid = e.processInstanceId();
        awaitMessage(pid, EvaluationProcess.MESSAGE_REPORT_FILED);
        evaluationSubmission.fileReport(e.id(), report("0"), operatorOf(idle));
        Task task = taskOf(pid, EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        assertThat(taskService.getVariable(task.getId(), "securityExercises"))
                .isEqualTo("2026-09-01 数据安全风险评估：年度数据安全风险评估\n2025-12-20 数据安全应急演练：上一年度数据泄露应急演练");
        assertThat(taskService.getVariable(task.getId(), "drillFinding"))
                .isEqualTo("2026-01-05 至 2027-01-04 的 12 个月内未开展数据安全应急演练（SEC-06）");
        decide(
                pid,
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(task, "符合要求", Map.of("evaluationResult", "PASS")));
        assertThat(awaitEnd(pid)).isEqualTo(EvaluationProcess.END_EVALUATED);
        assertThat(evaluations.get(e.id()).aspects())
                .contains("数据安全应急演练", "2026-01-05 至 2027-01-04 的 12 个月内未开展数据安全应急演练（SEC-06）");

        // a drill within the year: shown, and no finding
        Evaluation ok = evaluationSubmission.start(
                agreementOf(drilled).id(), Evaluation.Kind.ANNUAL, LocalDate.of(2026, 1, 5), LocalDate.of(2027, 1, 4));
        awaitMessage(ok.processInstanceId(), EvaluationProcess.MESSAGE_REPORT_FILED);
        evaluationSubmission.fileReport(ok.id(), report("0"), operatorOf(drilled));
        Task okTask = taskOf(ok.processInstanceId(), EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        assertThat(taskService.getVariable(okTask.getId(), "securityExercises"))
                .isEqualTo("2026-10-15 数据安全应急演练：勒索病毒应急演练，20人参加");
        assertThat(taskService.getVariable(okTask.getId(), "drillFinding")).isEqualTo("评估截止日前一年内已开展数据安全应急演练");
        decide(
                ok.processInstanceId(),
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(okTask, "符合要求", Map.of("evaluationResult", "PASS")));
        assertThat(awaitEnd(ok.processInstanceId())).isEqualTo(EvaluationProcess.END_EVALUATED);
        assertThat(evaluations.get(ok.id()).aspects()).doesNotContain("数据安全应急演练");
    }

    @Test
    @Enforces({"PRC-03"})
    void revenueAboveTheCapIsFlaggedToTheAuthorityAndThePriceAuthority() {
        beijingTime(LocalDateTime.of(2026, 1, 5, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州超收公司", CZ_CASES);
        beijingTime(LocalDateTime.of(2027, 1, 4, 9, 0));
        Evaluation e = annualEvaluationAwaitingReport(op, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 12, 31));
        evaluationSubmission.fileReport(e.id(), report("13000000"), operatorOf(op));
        taskOf(e.processInstanceId(), EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        RevenueLedger.Row row = ledger.ledger(agreementOf(op).id()).get(0);
        assertThat(row.over()).isTrue();
        assertThat(row.flaggedAt()).isNotNull();
        for (String group : List.of("authority-reviewer", "pricing-officer")) {
            assertThat(awaitNotice(Notifications.group(group), "【收入超过最高准许收入】池州超收公司")
                            .body())
                    .contains("收入 13000000", "超出");
        }
    }

    /** The decision with every aspect the task's form offers judged as given. */
    private Map<String, Object> judged(Task task, String finding, Map<String, Object> decision) {
        Map<String, Object> variables = new LinkedHashMap<>(decision);
        for (int i = 1; i <= 4; i++) {
            Object label = taskService.getVariable(task.getId(), "aspectLabel" + i);
            if (label != null && !label.toString().isEmpty()) {
                variables.put("aspectFinding" + i, finding);
            }
        }
        return variables;
    }

    /** The operator applies again in its jurisdiction: the pid of its new admission. */
    private String submission(AdmissionApplication op) {
        var announcement = announcement(op.getJurisdiction(), XC_BUS);
        return submission
                .submit(form(
                        announcement,
                        op.getCreditCode(),
                        op.getCompanyName(),
                        List.of(XC_BUS),
                        List.of(scenario("再次申请的场景", "交通运输", XC_BUS))))
                .getProcessInstanceId();
    }
}
