package cn.pubdata.approval.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.agreement.AgreementState;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.engine.JsonObjectVariables;
import cn.pubdata.approval.evaluation.Evaluation;
import cn.pubdata.approval.evaluation.EvaluationProcess;
import cn.pubdata.approval.evaluation.EvaluationReport;
import cn.pubdata.approval.evaluation.EvaluationSubmission;
import cn.pubdata.approval.evaluation.Evaluations;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitProcess;
import cn.pubdata.approval.exit.ExitTrigger;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.permissions.PlatformPermissions;
import cn.pubdata.approval.product.Product;
import cn.pubdata.approval.product.ProductStatus;
import cn.pubdata.approval.rectification.Rectification;
import cn.pubdata.approval.rectification.RectificationProcess;
import cn.pubdata.approval.rectification.RectificationSubmission;
import cn.pubdata.approval.rectification.RectificationTrigger;
import cn.pubdata.approval.rectification.Rectifications;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioStatus;
import cn.pubdata.approval.term.TermProcess;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** The flows talking to each other by messages, over years of engine time, and a timer that outlives a restart. */
class LifecycleCrossFlowTest extends LifecycleTestSupport {

    @Autowired
    EvaluationSubmission evaluationSubmission;

    @Autowired
    Evaluations evaluations;

    @Autowired
    RectificationSubmission rectificationSubmission;

    @Autowired
    Rectifications rectifications;

    @Autowired
    DataSource dataSource;

    @Test
    @Enforces({"EVAL-05", "RECT-04", "EXIT-05", "EXIT-08"})
    void chizhouEvaluationRectifyThenRectificationFailsThenExitEndsTheRunningReviewAndDelistsTheProduct() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州全周期公司", CZ_CASES);
        long agreementId = agreementOf(op).id();
        String term = states.termProcessOf(agreementId).orElseThrow();
        Scenario approved = approvedScenario(op, CZ_CASES);
        Product product = listedProduct(op, approved, CZ_CASES);

        // the term starts the year's evaluation at the start of the next year (EVAL-01)
        fireTimerAt(term, TermProcess.TIMER_NEXT_EVALUATION);
        Evaluation evaluation = evaluations.ofAgreement(agreementId).get(0);
        awaitMessage(evaluation.processInstanceId(), EvaluationProcess.MESSAGE_REPORT_FILED);
        evaluationSubmission.fileReport(
                evaluation.id(),
                new EvaluationReport(
                        "需求 10 项", "使用 3 项", "服务 20 家", "无事件", new BigDecimal("1000"), 1, 1, 0, 1, List.of()),
                operatorOf(op));
        Task evaluate = taskOf(evaluation.processInstanceId(), EvaluationProcess.TASK_EVALUATE, "authority-reviewer");
        decide(
                evaluation.processInstanceId(),
                EvaluationProcess.TASK_EVALUATE,
                "authority-reviewer",
                judged(evaluate, "一般", Map.of("evaluationResult", "RECTIFY", "resultReason", "公益服务不足")));
        assertThat(awaitEnd(evaluation.processInstanceId())).isEqualTo(EvaluationProcess.END_RECTIFICATION_ORDERED);

        // EVAL-05 → RECT-01: the rectification; a scenario review submitted meanwhile still runs (001 does not suspend)
        Rectification r = rectifications.open(agreementId).orElseThrow();
        assertThat(r.trigger()).isEqualTo(RectificationTrigger.EVALUATION);
        Scenario inReview = scenarioInReview(op, CZ_CASES);
        awaitMessage(r.processInstanceId(), RectificationProcess.MESSAGE_PLAN_FILED);
        rectificationSubmission.filePlan(r.id(), "整改方案", List.of(), operatorOf(op));
        rectificationSubmission.fileReport(r.id(), "整改报告", List.of(), operatorOf(op));
        // RECT-04: the re-assessment orders rectification again: no second round, exit
        decide(
                r.processInstanceId(),
                RectificationProcess.TASK_REASSESS,
                "authority-reviewer",
                Map.of("reassessment", "RECTIFY", "reassessmentReason", "公益服务仍不足"));
        assertThat(awaitEnd(r.processInstanceId())).isEqualTo(RectificationProcess.END_FAILED);

        ExitCase exit = exits.running(agreementId).orElseThrow();
        assertThat(exit.trigger()).isEqualTo(ExitTrigger.RECTIFICATION_FAILED);
        decide(
                exit.processInstanceId(),
                ExitProcess.TASK_DECIDE,
                "authority-reviewer",
                Map.of("terminationDecision", "terminate", "terminationReason", "限期整改未完成"));
        // the exit ends the term, closes the permissions, ends the running review, delists the product
        assertThat(awaitEnd(term)).isEqualTo(TermProcess.END_ENDED_BY_EXIT);
        awaitMessage(exit.processInstanceId(), ExitProcess.MESSAGE_DATA_DELETED);
        assertThat(permissionOf(op)).isEqualTo(PlatformPermissions.Status.CLOSED);
        await().atMost(WAIT).until(() -> scenarios.get(inReview.getId()).getStatus() == ScenarioStatus.ENDED);
        assertThat(awaitEnd(inReview.getProcessInstanceId())).isEqualTo("EndEvent_EndedByExit");
        assertThat(products.get(product.getId()).getStatus()).isEqualTo(ProductStatus.DELISTED);
        assertThat(stateOf(op)).isEqualTo(AgreementState.EXITING);
        assertThat(states.history(agreementId))
                .extracting(c -> c.to())
                .containsExactly(AgreementState.OPERATING, AgreementState.RECTIFYING, AgreementState.EXITING);
        assertThat(awaitNotice(op, "【场景已终止】").body()).contains("运营机构退出授权运营");
    }

    /**
     * A timer set before a restart still fires after it. What "restart" means here: the running engine creates the
     * term's renewal reminder; then a second process engine is built from nothing on the same database — no memory
     * shared with the first, as the application after a restart — and, once the clock has moved past the reminder's
     * day, reads the job from the database and fires it. The application's workers then send the reminder.
     */
    @Test
    @Enforces({"ADM-19"})
    void aTimerSetBeforeARestartFiresAfterIt() {
        beijingTime(LocalDateTime.of(2026, 3, 2, 9, 0));
        AdmissionApplication op = admitted("chizhou", "池州重启公司", CZ_FUND);
        String term = states.termProcessOf(agreementOf(op).id()).orElseThrow();
        Job reminder = management
                .createJobQuery()
                .processInstanceId(term)
                .activityId(TermProcess.TIMER_RENEWAL_NOTICE)
                .singleResult();

        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("restarted-" + System.nanoTime());
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new JsonObjectVariables());
        ProcessEngine restarted = configuration.buildProcessEngine();
        try {
            ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + 1000));
            Job fromDatabase = restarted
                    .getManagementService()
                    .createJobQuery()
                    .jobId(reminder.getId())
                    .singleResult();
            assertThat(fromDatabase.getDuedate()).isEqualTo(reminder.getDuedate());
            restarted.getManagementService().executeJob(fromDatabase.getId());
        } finally {
            restarted.close();
        }
        assertThat(awaitNotice(op, "【协议即将期满】").body()).contains(agreementOf(op).endsOn() + " 期满");
        assertThat(management.createJobQuery().jobId(reminder.getId()).count()).isZero();
        assertThat(awaitNotice(Notifications.group("authority-reviewer"), "【协议即将期满】池州重启公司"))
                .isNotNull();
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
}
