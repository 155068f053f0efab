package cn.pubdata.approval.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.calendar.WorkingDayCalendar;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.datause.DataUseForm;
import cn.pubdata.approval.datause.DataUseLine;
import cn.pubdata.approval.datause.DataUseProcess;
import cn.pubdata.approval.datause.DataUseRequest;
import cn.pubdata.approval.datause.DataUseStatus;
import cn.pubdata.approval.datause.DataUseSubmission;
import cn.pubdata.approval.datause.DataUses;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.lifecycle.LifecycleTestSupport;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.permissions.DataAccessGrants;
import cn.pubdata.approval.permissions.DataAccessGrants.DataAccessGrant;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioProcess;
import cn.pubdata.approval.task.LineAnswers;
import cn.pubdata.approval.term.TermProcess;
import cn.pubdata.approval.timeline.Subjects;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cross-flow tests of appeal.bpmn with data-use-request.bpmn: an upheld appeal (003) or objection (004) re-runs the
 * contested review, by message while the refused instance still waits, as a new linked instance once it has ended.
 */
class DataUseAppealProcessTest extends LifecycleTestSupport {

    private static final String AUTHORITY = "authority-reviewer";

    @Autowired
    AppealSubmission appealSubmission;

    @Autowired
    Appeals appeals;

    @Autowired
    DataUseSubmission dataUseSubmission;

    @Autowired
    DataUses dataUses;

    @Autowired
    DataAccessGrants grants;

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    @Enforces({"APL-01", "APL-02"})
    void anUpheldAppealReopensTheRefusedRequestStillWaitingInItsAppealPeriod() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("xianning", "咸宁数据需求申诉公司", XN_VISITORS);
        Actor actor = operatorOf(operator);
        Scenario scenario = approvedScenario(operator, "景区客流预警", XN_VISITORS);
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "节假日客流预警", today(), today().plusMonths(2), List.of(1)), actor);
        String pid = request.getProcessInstanceId();

        // APL-01: nothing to appeal while the request is in review
        assertThatThrownBy(() -> appealSubmission.fileAgainstDataUse(request.getId(), "理由", actor))
                .hasMessageContaining("只能对未获批准的数据需求申请申诉");
        decide(
                pid,
                DataUseProcess.TASK_IRS_REVIEW,
                AUTHORITY,
                Map.of("irsDecision", "refuse", "irsReason", "使用目的与场景不符"));
        // the refused request waits out its appeal period (003), 15 working days
        awaitMessage(pid, DataUseProcess.MESSAGE_APPEAL_UPHELD);
        assertThat(dataUses.get(request.getId()).getStatus()).isEqualTo(DataUseStatus.REFUSED);
        assertThat(awaitNotice(operator, "【数据需求申请未获批准】").body()).contains("使用目的与场景不符");
        Job period = management.createJobQuery().processInstanceId(pid).timers().singleResult();
        assertThat(beijingDay(period.getDuedate())).isEqualTo(calendar.dueDay(today(), 15));

        // another operator finds nothing to appeal
        assertThatThrownBy(() -> appealSubmission.fileAgainstDataUse(
                        request.getId(), "理由", Actor.operator("op-other", otherThan(operator.getCreditCode()))))
                .hasMessageContaining("不存在");
        Appeal appeal = appealSubmission.fileAgainstDataUse(request.getId(), "节假日客流预警正是场景批准的用途", actor);
        assertThat(appeal.kind()).isEqualTo(Appeal.Kind.DATA_USE_REFUSAL);
        assertThat(appeal.contestedSubject()).isEqualTo(Subjects.dataUse(request.getId()));
        assertThat(appeal.contestedDecision())
                .contains(Subjects.dataUse(request.getId()), "景区客流预警", "未获批准", "IRS技术审核不通过：使用目的与场景不符");
        assertThatThrownBy(() -> appealSubmission.fileAgainstDataUse(request.getId(), "再次申诉", actor))
                .hasMessageContaining("同一决定不能再次申诉");
        assertThat(onlyNotice(Notifications.group(AUTHORITY), "【申诉】咸宁数据需求申诉公司").body())
                .contains("未获批准", "节假日客流预警正是场景批准的用途", "处理申诉");
        onlyNotice(Notifications.operator(operator.getCreditCode()), "【申诉已登记】咸宁数据需求申诉公司");
        Task decideTask = taskOf(appeal.processInstanceId(), AppealProcess.TASK_DECIDE, AUTHORITY);
        assertThat(decideTask.getName()).isEqualTo("处理申诉");
        assertThat(formKey(decideTask)).isEqualTo("appeal-decision");

        decide(
                appeal.processInstanceId(),
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "uphold", "appealReason", "用途在场景批准范围内，应重新审核"));
        assertThat(awaitEnd(appeal.processInstanceId())).isEqualTo(AppealProcess.END_UPHELD);

        // APL-02: the same instance does the IRS review (and the provider's) again, with fresh due dates
        Task irsAgain = taskOf(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY);
        assertDueOn(irsAgain, calendar.dueDay(today(), 5));
        DataUseRequest reopened = dataUses.get(request.getId());
        assertThat(reopened.getStatus()).isEqualTo(DataUseStatus.IN_REVIEW);
        assertThat(reopened.getOutcomeReason()).isNull();
        assertThat(dataUses.lines(request.getId()))
                .extracting(DataUseLine::state)
                .containsExactly("待提供单位审核");
        assertThat(dataUses.reviewedAgainFrom(request.getId())).isEmpty();
        assertThat(management.createJobQuery().processInstanceId(pid).timers().count())
                .as("the appeal period's timer is gone with the wait")
                .isZero();
        Appeal upheld = appeals.get(appeal.id());
        assertThat(upheld.status()).isEqualTo(Appeal.Status.UPHELD);
        assertThat(upheld.rerunSubject()).isEqualTo(Subjects.dataUse(request.getId()));
        assertThat(onlyNotice(Notifications.operator(operator.getCreditCode()), "【申诉成立】咸宁数据需求申诉公司")
                        .body())
                .contains("用途在场景批准范围内", "原数据需求申请已重新进入IRS技术审核和数据提供单位审核");
        assertThat(titles(Subjects.dataUse(request.getId())))
                .containsSubsequence("数据需求申请结束：未获批准", "运营机构申诉", "申诉成立，重新审核");

        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        consentAll(pid, "provider-xn-wlj");
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_ACCESS_GRANTED);
        assertThat(passedActivities(pid))
                .containsSubsequence(
                        "ServiceTask_CloseRefusedByAuthority",
                        "Catch_AppealUpheld",
                        DataUseProcess.TASK_IRS_REVIEW,
                        "ServiceTask_GrantAccess");
        assertThat(dataUses.get(request.getId()).getStatus()).isEqualTo(DataUseStatus.APPROVED);
        assertThat(grants.ofRequest(request.getId()))
                .extracting(DataAccessGrant::resourceCode)
                .containsExactly(XN_VISITORS);
        assertThat(timeline.of(Subjects.appeal(appeal.id())))
                .extracting(e -> e.title())
                .containsSubsequence("提出申诉", "申诉已登记", "申诉成立");
    }

    @Test
    @Enforces({"APL-01", "APL-02"})
    void afterTheAppealPeriodAnUpheldAppealStartsANewRequestLinkedToTheRefusedOne() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("xianning", "咸宁期满申诉公司", XN_VISITORS);
        Actor actor = operatorOf(operator);
        Scenario scenario = approvedScenario(operator, "文旅消费分析", XN_VISITORS);
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "文旅消费月度分析", today(), today().plusMonths(6), List.of(1)), actor);
        String pid = request.getProcessInstanceId();
        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "refuse", "irsReason", "申请期限过长"));
        awaitMessage(pid, DataUseProcess.MESSAGE_APPEAL_UPHELD);
        fireTimerAt(pid, "Catch_AppealPeriodEnded");
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_REFUSED_BY_AUTHORITY);

        Appeal appeal = appealSubmission.fileAgainstDataUse(request.getId(), "期限在协议和场景批准的期限内", actor);
        decide(
                appeal.processInstanceId(),
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "uphold", "appealReason", "期限符合场景批准的期限"));
        assertThat(awaitEnd(appeal.processInstanceId())).isEqualTo(AppealProcess.END_UPHELD);

        // APL-02: the refused instance has ended, so a new request, linked to it, goes to the same review
        DataUseRequest again = dataUses.reviewedAgainFrom(request.getId()).orElseThrow();
        assertThat(again.getAppealOf()).isEqualTo(request.getId());
        assertThat(again.getStatus()).isEqualTo(DataUseStatus.IN_REVIEW);
        assertThat(again.getProcessInstanceId()).isNotEqualTo(pid);
        assertThat(again.getPurpose()).isEqualTo("文旅消费月度分析");
        assertThat(again.getPeriodTo()).isEqualTo(request.getPeriodTo());
        assertThat(dataUses.lines(again.getId()))
                .extracting(DataUseLine::resourceCode)
                .containsExactly(XN_VISITORS);
        assertThat(dataUses.get(request.getId()).getStatus())
                .as("the refused request stays as it was decided")
                .isEqualTo(DataUseStatus.REFUSED);
        assertDueOn(
                taskOf(again.getProcessInstanceId(), DataUseProcess.TASK_IRS_REVIEW, AUTHORITY),
                calendar.dueDay(today(), 5));
        assertThat(appeals.get(appeal.id()).rerunSubject()).isEqualTo(Subjects.dataUse(again.getId()));
        assertThat(onlyNotice(Notifications.operator(operator.getCreditCode()), "【申诉成立】咸宁期满申诉公司")
                        .body())
                .contains("被申诉的数据需求已作为新的数据需求申请重新审核", Subjects.dataUse(again.getId()));
        assertThat(titles(Subjects.dataUse(again.getId()))).contains("申诉成立，重新审核");

        decide(
                again.getProcessInstanceId(),
                DataUseProcess.TASK_IRS_REVIEW,
                AUTHORITY,
                Map.of("irsDecision", "approve"));
        consentAll(again.getProcessInstanceId(), "provider-xn-wlj");
        assertThat(awaitEnd(again.getProcessInstanceId())).isEqualTo(DataUseProcess.END_ACCESS_GRANTED);
        assertThat(grants.ofRequest(again.getId()))
                .extracting(DataAccessGrant::resourceCode)
                .containsExactly(XN_VISITORS);
    }

    @Test
    @Enforces({"APL-01", "APL-02"})
    void aRequestNoProviderConsentedToEndsAtOnceAndAnUpheldAppealStartsANewRequest() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("xianning", "咸宁无同意申诉公司", XN_VISITORS);
        Actor actor = operatorOf(operator);
        Scenario scenario = approvedScenario(operator, "景区停车引导", XN_VISITORS);
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "停车引导", today(), today().plusMonths(1), List.of(1)), actor);
        String pid = request.getProcessInstanceId();
        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        Task visitors = taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, "provider-xn-wlj");
        decisions.decide(
                visitors.getId(),
                "reviewer-provider-xn-wlj",
                Set.of("provider-xn-wlj"),
                LineAnswers.answered(taskService, visitors, "no", "客流数据暂不开放"));
        // no appeal period on this path: the instance ends at once
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_NO_LINE_CONSENTED);

        Appeal appeal = appealSubmission.fileAgainstDataUse(request.getId(), "停车引导只用统计结果", actor);
        assertThat(appeal.contestedDecision()).contains("均未获数据提供单位");
        decide(
                appeal.processInstanceId(),
                AppealProcess.TASK_DECIDE,
                AUTHORITY,
                Map.of("appealDecision", "uphold", "appealReason", "统计结果不涉及个人信息"));
        assertThat(awaitEnd(appeal.processInstanceId())).isEqualTo(AppealProcess.END_UPHELD);
        DataUseRequest again = dataUses.reviewedAgainFrom(request.getId()).orElseThrow();
        assertThat(again.getStatus()).isEqualTo(DataUseStatus.IN_REVIEW);
        assertThat(dataUses.lines(again.getId())).extracting(DataUseLine::state).containsExactly("待提供单位审核");
        assertDueOn(
                taskOf(again.getProcessInstanceId(), DataUseProcess.TASK_PROVIDER_REVIEW, "provider-xn-wlj"),
                calendar.dueDay(today(), 5));
    }

    @Test
    @Enforces({"APL-04"})
    void xinchangAnOperatorObjectsToAProvidersRefusalOfALineAndTheLineIsReviewedAgain() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("xinchang", "新昌供需异议公司", XC_CLINICS, XC_BUS);
        Actor actor = operatorOf(operator);
        Scenario scenario = approvedScenario(operator, "城乡就医出行分析", XC_CLINICS, XC_BUS);
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "就医出行规划", today(), today().plusMonths(2), List.of(1, 2)), actor);
        String pid = request.getProcessInstanceId();
        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        consentAll(pid, "provider-xc-wjj");
        Task bus = taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, "provider-xc-jtj");
        decisions.decide(
                bus.getId(),
                "reviewer-provider-xc-jtj",
                Set.of("provider-xc-jtj"),
                LineAnswers.answered(taskService, bus, "no", "公交客流数据正在治理"));
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_ACCESS_GRANTED);

        // APL-04: only a provider's refusal of a line, once; 004 provides objections, not appeals
        assertThatThrownBy(() -> appealSubmission.objectToLine(request.getId(), 1, "理由", actor))
                .hasMessageContaining("只能对数据提供单位不同意的数据需求提出异议");
        assertThatThrownBy(() -> appealSubmission.fileAgainstDataUse(request.getId(), "理由", actor))
                .hasMessageContaining("未规定数据需求申请的申诉");
        assertThatThrownBy(() -> appealSubmission.objectToLine(request.getId(), 2, " ", actor))
                .hasMessageContaining("请写明异议的事实和理由");
        Appeal objection = appealSubmission.objectToLine(request.getId(), 2, "公交客流数据已于上月治理完毕", actor);
        assertThat(objection.kind()).isEqualTo(Appeal.Kind.SUPPLY_OBJECTION);
        assertThat(objection.word()).isEqualTo("异议");
        assertThat(objection.contestedDecision()).contains("不同意数据需求申请", "第 2 项「公交客流信息」", "公交客流数据正在治理");
        assertThatThrownBy(() -> appealSubmission.objectToLine(request.getId(), 2, "再次异议", actor))
                .hasMessageContaining("同一决定不能再次提出异议");

        // the authority handles it in the appeal flow, in the objection's own words
        assertThat(onlyNotice(Notifications.group(AUTHORITY), "【异议】新昌供需异议公司").body())
                .contains("提出异议", "处理异议")
                .doesNotContain("申诉");
        assertThat(onlyNotice(Notifications.operator(operator.getCreditCode()), "【异议已登记】新昌供需异议公司")
                        .body())
                .contains("贵单位的异议已由数据主管部门登记");
        Task handle = taskOf(objection.processInstanceId(), AppealProcess.TASK_DECIDE_OBJECTION, AUTHORITY);
        assertThat(handle.getName()).isEqualTo("处理异议");
        assertThat(formKey(handle)).isEqualTo("objection-decision");
        assertDueOn(handle, calendar.dueDay(today(), 15));
        decide(
                objection.processInstanceId(),
                AppealProcess.TASK_DECIDE_OBJECTION,
                AUTHORITY,
                Map.of("appealDecision", "uphold", "appealReason", "数据已治理完毕，应重新审核"));
        assertThat(awaitEnd(objection.processInstanceId())).isEqualTo(AppealProcess.END_UPHELD);

        DataUseRequest again = dataUses.reviewedAgainFrom(request.getId()).orElseThrow();
        assertThat(dataUses.lines(again.getId()))
                .extracting(DataUseLine::lineNo, DataUseLine::resourceCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, XC_BUS));
        assertThat(appeals.get(objection.id()).statusLabel()).isEqualTo("异议成立，重新办理");
        assertThat(onlyNotice(Notifications.operator(operator.getCreditCode()), "【异议成立】新昌供需异议公司")
                        .body())
                .contains("被异议的数据需求已作为新的数据需求申请重新审核")
                .doesNotContain("申诉");
        assertThat(timeline.of(Subjects.appeal(objection.id())))
                .extracting(e -> e.title())
                .containsSubsequence("提出异议", "异议已登记", "异议成立");
        decide(
                again.getProcessInstanceId(),
                DataUseProcess.TASK_IRS_REVIEW,
                AUTHORITY,
                Map.of("irsDecision", "approve"));
        consentAll(again.getProcessInstanceId(), "provider-xc-jtj");
        assertThat(awaitEnd(again.getProcessInstanceId())).isEqualTo(DataUseProcess.END_ACCESS_GRANTED);
        assertThat(grants.ofRequest(again.getId()))
                .extracting(DataAccessGrant::resourceCode)
                .containsExactly(XC_BUS);
    }

    @Test
    @Enforces({"APL-04"})
    void aDismissedObjectionLeavesTheRefusalStanding() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("xinchang", "新昌异议驳回公司", XC_CLINICS, XC_BUS);
        Actor actor = operatorOf(operator);
        Scenario scenario = approvedScenario(operator, "公交线网优化", XC_BUS);
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "线网优化", today(), today().plusMonths(2), List.of(1)), actor);
        String pid = request.getProcessInstanceId();
        decide(pid, DataUseProcess.TASK_IRS_REVIEW, AUTHORITY, Map.of("irsDecision", "approve"));
        Task bus = taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, "provider-xc-jtj");
        decisions.decide(
                bus.getId(),
                "reviewer-provider-xc-jtj",
                Set.of("provider-xc-jtj"),
                LineAnswers.answered(taskService, bus, "no", "涉及个人出行轨迹"));
        assertThat(awaitEnd(pid)).isEqualTo(DataUseProcess.END_NO_LINE_CONSENTED);
        assertThat(endEventsOf(pid)).doesNotContain("EndEvent_RefusedByAuthority");

        Appeal objection = appealSubmission.objectToLine(request.getId(), 1, "已脱敏", actor);
        decide(
                objection.processInstanceId(),
                AppealProcess.TASK_DECIDE_OBJECTION,
                AUTHORITY,
                Map.of("appealDecision", "dismiss", "appealReason", "脱敏后仍可识别个人出行轨迹"));
        assertThat(awaitEnd(objection.processInstanceId())).isEqualTo(AppealProcess.END_DISMISSED);
        assertThat(appeals.get(objection.id()).statusLabel()).isEqualTo("异议不成立，维持原决定");
        assertThat(dataUses.reviewedAgainFrom(request.getId())).isEmpty();
        assertThat(onlyNotice(Notifications.operator(operator.getCreditCode()), "【异议不成立】新昌异议驳回公司")
                        .body())
                .contains("脱敏后仍可识别个人出行轨迹");
    }

    /** A scenario of the operator's jurisdiction over the resources, through its whole review with every unit consenting. */
    @Test
    void theOperatorsExitEndsARefusedRequestWaitingOutItsAppealPeriodAndTheRefusalStands() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("xianning", "咸宁申诉期退出公司", XN_VISITORS);
        Scenario scenario = approvedScenario(operator, "景区客流统计", XN_VISITORS);
        DataUseRequest request = dataUseSubmission.submit(
                new DataUseForm(scenario.getId(), "客流统计", today(), today().plusMonths(2), List.of(1)),
                operatorOf(operator));
        String pid = request.getProcessInstanceId();
        decide(
                pid,
                DataUseProcess.TASK_IRS_REVIEW,
                AUTHORITY,
                Map.of("irsDecision", "refuse", "irsReason", "使用目的与场景不符"));
        awaitMessage(pid, DataUseProcess.MESSAGE_APPEAL_UPHELD);

        fireTimerAt(termOf(operator), TermProcess.TIMER_EXPIRY); // 咸宁 has no renewal: the operator exits at expiry
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_EndedByExit");
        assertThat(dataUses.get(request.getId()).getStatus())
                .as("the refusal stands; only its appeal period ends")
                .isEqualTo(DataUseStatus.REFUSED);
        assertThat(titles(Subjects.dataUse(request.getId()))).contains("申诉期结束：运营机构退出");
        assertThat(noticesOf(operator)).noneMatch(n -> n.title().startsWith("【数据需求申请已终止"));
        ExitCase exit = exits.ofAgreement(agreementOf(operator).id()).get(0);
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> titles(Subjects.exit(exit.id())).stream().anyMatch(t -> t.startsWith("终止运行中的审核 1 项")));
    }

    private Scenario approvedScenario(AdmissionApplication operator, String name, String... resources) {
        Scenario scenario = scenarioSubmission.submit(
                new ScenarioForm(
                        operator.getJurisdiction(),
                        null,
                        name,
                        "城市治理",
                        Purpose.INDUSTRY,
                        "建设内容：" + name,
                        "风险评估：个人隐私和公共安全保障措施",
                        "数据在平台内加工，原始数据不出域",
                        Arrays.stream(resources)
                                .map(code -> new ScenarioForm.LineInput(
                                        code,
                                        "主要字段（脱敏）",
                                        ScenarioLine.Usage.STATISTICS,
                                        ScenarioLine.Frequency.MONTHLY,
                                        today(),
                                        today().plusMonths(6)))
                                .toList()),
                operatorOf(operator));
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, AUTHORITY, Map.of("preCheckDecision", "approve"));
        for (String group : catalogResources.providerGroups(List.of(resources))) {
            Task task = taskOf(pid, ScenarioProcess.TASK_PROVIDER_REVIEW, group);
            decisions.decide(
                    task.getId(), "reviewer-" + group, Set.of(group), LineAnswers.consentAll(taskService, task));
        }
        if (profiles.of(operator.getJurisdiction()).networkSecurityReview()) {
            for (String member : profiles.of(operator.getJurisdiction()).coordinationGroups()) {
                decide(pid, ScenarioProcess.TASK_NETWORK_SECURITY_REVIEW, member, Map.of("reviewOpinion", "approve"));
            }
        }
        decide(pid, ScenarioProcess.TASK_DECIDE, AUTHORITY, Map.of("scenarioDecision", "approve"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Approved");
        return scenarios.get(scenario.getId());
    }

    private void consentAll(String pid, String provider) {
        Task task = taskOf(pid, DataUseProcess.TASK_PROVIDER_REVIEW, provider);
        decisions.decide(
                task.getId(), "reviewer-" + provider, Set.of(provider), LineAnswers.consentAll(taskService, task));
    }

    private String formKey(Task task) {
        return taskService
                .createTaskQuery()
                .taskId(task.getId())
                .initializeFormKeys()
                .singleResult()
                .getOperatonFormRef()
                .getKey();
    }

    private static LocalDate beijingDay(java.util.Date date) {
        return date.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    private static String otherThan(String creditCode) {
        return CREDIT_CODES.stream()
                .filter(c -> !c.equals(creditCode))
                .findFirst()
                .orElseThrow();
    }
}
