package cn.pubdata.approval.emergencyplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.catalog.Agreement;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.timeline.Subjects;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of emergency-plan.bpmn, named after the path it walks. */
class EmergencyPlanProcessTest extends LifecycleTestSupport {

    private static final String AUTHORITY = "authority-reviewer";

    @Autowired
    EmergencyPlanSubmission submission;

    @Autowired
    EmergencyPlans plans;

    @Test
    @Enforces({"SEC-08"})
    void anAcceptedPlanGovernsTheAgreementFromThenOnAndThePlanItReplacesStaysInTheHistory() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌预案更新公司", XC_CLINICS);
        Agreement agreement = agreement(op);
        // ADM-11 SEC-08: the plan filed with the admission governs the agreement from its signing
        EmergencyPlan admissionPlan = plans.governing(agreement.id()).orElseThrow();
        assertThat(admissionPlan.fromAdmission()).isTrue();
        assertThat(admissionPlan.changes()).isEqualTo("随准入申请提交的应急预案（ADM-11）");

        beijingTime(LocalDateTime.of(2026, 11, 18, 10, 0));
        assertThatThrownBy(() -> submission.file(
                        new EmergencyPlanForm(agreement.id(), planDocument(op, "预案.pdf"), "修订"), authority()))
                .hasMessageContaining("由运营机构提交");
        assertThatThrownBy(() -> submission.file(new EmergencyPlanForm(agreement.id(), null, " "), operatorOf(op)))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(Problem.FieldError::field)
                                .containsExactly("changes", "documentId"));
        EmergencyPlan filed = submission.file(
                new EmergencyPlanForm(agreement.id(), planDocument(op, "应急预案（2026年修订）.pdf"), "增加个人信息泄露专项处置流程"),
                operatorOf(op));
        assertThat(filed.status()).isEqualTo(EmergencyPlan.Status.IN_REVIEW);
        assertThatThrownBy(() -> submission.file(
                        new EmergencyPlanForm(agreement.id(), planDocument(op, "又一版.pdf"), "再次修订"), operatorOf(op)))
                .hasMessageContaining("已有更新的应急预案在审查中");
        // until the review ends, the admission's plan still governs
        assertThat(plans.governing(agreement.id()).orElseThrow().fromAdmission())
                .isTrue();

        String pid = filed.processInstanceId();
        // SEC-08: the authority and the security members review it in two parallel tasks, 10 working days each; any
        // security member of 新昌's profile may take theirs
        Task review = taskOf(pid, EmergencyPlanProcess.TASK_AUTHORITY_REVIEW, AUTHORITY);
        assertDueOn(review, LocalDate.of(2026, 12, 2));
        assertThat(taskService.getVariable(review.getId(), "governingPlan"))
                .isEqualTo(admissionPlan.fileName() + "（文件编号 " + admissionPlan.documentId() + "）");
        assertThat(taskService.getVariable(review.getId(), "planChanges")).isEqualTo("增加个人信息泄露专项处置流程");
        assertThat(taskService.getVariable(review.getId(), "agreementNo")).isEqualTo(agreement.agreementNo());
        for (String group : profiles.of("xinchang").coordinationGroups()) {
            assertDueOn(
                    taskOf(pid, EmergencyPlanProcess.TASK_SECURITY_MEMBERS_REVIEW, group), LocalDate.of(2026, 12, 2));
        }
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(pid)
                        .taskDefinitionKey(EmergencyPlanProcess.TASK_AUTHORITY_REVIEW)
                        .taskCandidateGroup("security-police")
                        .count())
                .as("the authority's review is the authority's own")
                .isZero();
        assertThatThrownBy(() -> decide(
                        pid, EmergencyPlanProcess.TASK_AUTHORITY_REVIEW, AUTHORITY, Map.of("planDecision", "accept")))
                .hasMessageContaining("请填写审查意见");
        decide(
                pid,
                EmergencyPlanProcess.TASK_AUTHORITY_REVIEW,
                AUTHORITY,
                Map.of("planDecision", "accept", "planReviewNote", "处置流程完整，同意施行"));
        // one acceptance is not enough: the plan in force still governs until the security members accept too
        assertThat(plans.get(filed.id()).status()).isEqualTo(EmergencyPlan.Status.IN_REVIEW);
        assertThat(plans.governing(agreement.id()).orElseThrow().fromAdmission())
                .isTrue();
        decide(
                pid,
                EmergencyPlanProcess.TASK_SECURITY_MEMBERS_REVIEW,
                "security-cac",
                Map.of("planDecision", "accept", "planReviewNote", "经网信、公安审查，同意施行"));
        assertThat(awaitEnd(pid)).isEqualTo(EmergencyPlanProcess.END_PLAN_ACCEPTED);

        EmergencyPlan governing = plans.governing(agreement.id()).orElseThrow();
        assertThat(governing.id()).isEqualTo(filed.id());
        assertThat(governing.fileName()).isEqualTo("应急预案（2026年修订）.pdf");
        assertThat(governing.governsFrom()).isNotNull();
        assertThat(plans.history(agreement.id()))
                .extracting(p -> p.fileName() + " " + p.status())
                .containsExactly(admissionPlan.fileName() + " SUPERSEDED", "应急预案（2026年修订）.pdf GOVERNING");
        assertThat(plans.history(agreement.id()).get(0).governsUntil()).isEqualTo(governing.governsFrom());
        assertThat(awaitNotice(op, "【应急预案已更新】协议 " + agreement.agreementNo()).body())
                .contains("应急预案（2026年修订）.pdf", "自即日起作为协议", "数据主管部门（通过）：处置流程完整，同意施行", "安全成员单位（通过）：经网信、公安审查，同意施行");
        assertThat(titles(Subjects.emergencyPlan(filed.id())))
                .containsSubsequence("提交更新的应急预案", "数据主管部门审查通过", "安全成员单位审查通过", "应急预案审查通过，自即日起施行", "新预案施行，已告知运营机构");

        // a later accepted update supersedes this one in turn: one plan governs at a time
        beijingTime(LocalDateTime.of(2026, 12, 7, 10, 0));
        EmergencyPlan next = submission.file(
                new EmergencyPlanForm(agreement.id(), planDocument(op, "应急预案（第三版）.pdf"), "更新联络人"), operatorOf(op));
        decide(
                next.processInstanceId(),
                EmergencyPlanProcess.TASK_SECURITY_MEMBERS_REVIEW,
                "security-police",
                Map.of("planDecision", "accept", "planReviewNote", "联络机制可行"));
        decide(
                next.processInstanceId(),
                EmergencyPlanProcess.TASK_AUTHORITY_REVIEW,
                AUTHORITY,
                Map.of("planDecision", "accept", "planReviewNote", "同意"));
        assertThat(awaitEnd(next.processInstanceId())).isEqualTo(EmergencyPlanProcess.END_PLAN_ACCEPTED);
        assertThat(plans.history(agreement.id()))
                .extracting(p -> p.fileName() + " " + p.status())
                .containsExactly(
                        admissionPlan.fileName() + " SUPERSEDED",
                        "应急预案（2026年修订）.pdf SUPERSEDED",
                        "应急预案（第三版）.pdf GOVERNING");
        assertThat(plans.get(filed.id()).governsUntil())
                .isEqualTo(plans.get(next.id()).governsFrom());
    }

    @Test
    @Enforces({"SEC-08"})
    void aReturnedPlanNeverGovernsTheOldPlanStillDoesAndTheOperatorIsToldWhy() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("xinchang", "新昌预案退回公司", XC_BUS);
        Agreement agreement = agreement(op);
        EmergencyPlan admissionPlan = plans.governing(agreement.id()).orElseThrow();
        // another operator's agreement is not the caller's to update
        assertThatThrownBy(() -> submission.file(
                        new EmergencyPlanForm(agreement.id(), planDocument(op, "预案.pdf"), "修订"),
                        Actor.operator("op-other", "91330624MA2D000000")))
                .hasMessageContaining("没有找到贵单位的这份授权运营协议");
        EmergencyPlan filed = submission.file(
                new EmergencyPlanForm(agreement.id(), planDocument(op, "应急预案（简版）.pdf"), "删去演练安排"), operatorOf(op));
        String pid = filed.processInstanceId();
        // SEC-08: the authority accepts, the security members return it: both must agree, so it is returned
        decide(
                pid,
                EmergencyPlanProcess.TASK_AUTHORITY_REVIEW,
                AUTHORITY,
                Map.of("planDecision", "accept", "planReviewNote", "原则同意"));
        decide(
                pid,
                EmergencyPlanProcess.TASK_SECURITY_MEMBERS_REVIEW,
                "security-police",
                Map.of("planDecision", "return", "planReviewNote", "缺少恢复环节和演练安排，请补充"));
        assertThat(awaitEnd(pid)).isEqualTo(EmergencyPlanProcess.END_PLAN_RETURNED);

        assertThat(plans.get(filed.id()).status()).isEqualTo(EmergencyPlan.Status.RETURNED);
        assertThat(plans.get(filed.id()).governsFrom()).isNull();
        EmergencyPlan governing = plans.governing(agreement.id()).orElseThrow();
        assertThat(governing.fromAdmission()).isTrue();
        assertThat(governing.documentId()).isEqualTo(admissionPlan.documentId());
        assertThat(plans.history(agreement.id()))
                .extracting(p -> p.fileName() + " " + p.status())
                .containsExactly(admissionPlan.fileName() + " GOVERNING", "应急预案（简版）.pdf RETURNED");
        assertThat(awaitNotice(op, "【应急预案被退回】协议 " + agreement.agreementNo()).body())
                .contains("仍适用原应急预案", "数据主管部门（通过）：原则同意", "安全成员单位（退回）：缺少恢复环节和演练安排，请补充");
        assertThat(titles(Subjects.emergencyPlan(filed.id())))
                .containsSubsequence("提交更新的应急预案", "应急预案审查未通过，退回运营机构", "预案退回，已告知运营机构");
        // once returned, the operator may file again; this time the authority returns it and the security members
        // accept: returned again
        EmergencyPlan again = submission.file(
                new EmergencyPlanForm(agreement.id(), planDocument(op, "应急预案（补充版）.pdf"), "补充恢复环节"), operatorOf(op));
        assertThat(again.status()).isEqualTo(EmergencyPlan.Status.IN_REVIEW);
        decide(
                again.processInstanceId(),
                EmergencyPlanProcess.TASK_AUTHORITY_REVIEW,
                AUTHORITY,
                Map.of("planDecision", "return", "planReviewNote", "演练频次不足"));
        decide(
                again.processInstanceId(),
                EmergencyPlanProcess.TASK_SECURITY_MEMBERS_REVIEW,
                "security-cac",
                Map.of("planDecision", "accept", "planReviewNote", "同意"));
        assertThat(awaitEnd(again.processInstanceId())).isEqualTo(EmergencyPlanProcess.END_PLAN_RETURNED);
        assertThat(plans.get(again.id()).status()).isEqualTo(EmergencyPlan.Status.RETURNED);
        assertThat(plans.governing(agreement.id()).orElseThrow().fromAdmission())
                .isTrue();
    }

    private long planDocument(AdmissionApplication op, String name) {
        byte[] pdf = ("%PDF-1.4\n% " + name + " " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return documents.store(op.getCreditCode(), name, pdf).id();
    }
}
