package cn.pubdata.approval.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.common.Actor;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.common.Enforces;
import cn.pubdata.approval.common.Problem;
import cn.pubdata.approval.notification.Notice;
import cn.pubdata.approval.notification.Notifications;
import cn.pubdata.approval.scenario.Purpose;
import cn.pubdata.approval.scenario.Scenario;
import cn.pubdata.approval.scenario.ScenarioForm;
import cn.pubdata.approval.scenario.ScenarioLine;
import cn.pubdata.approval.scenario.ScenarioProcess;
import cn.pubdata.approval.scenario.ScenarioSubmission;
import cn.pubdata.approval.scenario.Scenarios;
import cn.pubdata.approval.task.LineAnswers;
import cn.pubdata.approval.timeline.TimelineEntry;
import cn.pubdata.approval.worker.ExternalTaskHandler;
import cn.pubdata.approval.worker.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of data-quality-issue.bpmn, named after the path it walks; timers are fired by moving the clock. */
class QualityIssueProcessTest extends AdmissionTestSupport {

    private static final String AUTHORITY = "authority-reviewer";
    private static final String PROVIDER = "provider-cz-scj";

    @Autowired
    ScenarioSubmission scenarioSubmission;

    @Autowired
    Scenarios scenarios;

    @Autowired
    QualityIssueSubmission issueSubmission;

    @Autowired
    QualityIssues issues;

    @Autowired
    QualityIssueProgress progress;

    @Autowired
    Notifications notifications;

    @Autowired
    List<ExternalTaskHandler> handlers;

    @Test
    @Enforces({"CAT-06"})
    void answeredInTimeTheOperatorIsToldAndSeesTheAnswer() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("chizhou", "池州数据质量测试公司", CZ_ENTERPRISES, CZ_CASES);
        beijingTime(LocalDateTime.of(2026, 11, 16, 9, 0)); // a Monday
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario(actor, "普惠金融企业画像", CZ_ENTERPRISES, CZ_CASES);

        QualityIssue issue =
                issueSubmission.raise(new QualityIssueForm(scenario.getId(), 1, "2025年以后注册的企业缺少注册资本字段"), actor);
        String pid = issue.getProcessInstanceId();
        // CAT-06: 5 working days in 池州, counted from the day after it was raised; reminded at 09:00 the working day
        // before
        assertThat(issue.getDueAt()).isEqualTo(beijing(LocalDateTime.of(2026, 11, 23, 23, 59, 59)));
        assertThat(issue.getRemindAt()).isEqualTo(beijing(LocalDateTime.of(2026, 11, 20, 9, 0)));
        assertThat(issue.getProviderGroup()).isEqualTo(PROVIDER);
        Task task = taskOf(pid, QualityIssueProcess.TASK_ANSWER_ISSUE, PROVIDER);
        assertDueOn(task, LocalDate.of(2026, 11, 23));
        assertThat(taskService.getVariable(task.getId(), "dueDay")).isEqualTo("2026年11月23日（收到后 5 个工作日内处理完善并反馈，CAT-06）");
        assertThat(notice(Notifications.group(PROVIDER), "【数据质量问题】企业登记注册信息（DQI-" + issue.getId() + "）")
                        .body())
                .contains("请于 2026年11月23日（含）前处理完善并反馈（5 个工作日内，CAT-06）", "缺少注册资本字段", "普惠金融企业画像");
        QualityIssueProgress.Progress open = progress.of(issue.getId());
        assertThat(open.statusLabel()).isEqualTo("待数据提供单位处理");
        assertThat(open.due().dueDay()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(open.due().workingDaysLeft()).isEqualTo(5);
        assertThat(open.operatorAction()).contains("市市场监督管理局", "2026-11-23", "还有 5 个工作日");

        beijingTime(LocalDateTime.of(2026, 11, 18, 15, 0));
        assertThatThrownBy(() -> decide(
                        pid, QualityIssueProcess.TASK_ANSWER_ISSUE, PROVIDER, Map.of("qualityResolution", "FIXED")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("请填写处理情况和答复");
        decide(
                pid,
                QualityIssueProcess.TASK_ANSWER_ISSUE,
                PROVIDER,
                Map.of("qualityResolution", "FIXED", "qualityAnswer", "已补录注册资本字段，11月18日起同步更新"));
        assertThat(awaitEnd(pid)).isEqualTo(QualityIssueProcess.END_ANSWERED);

        QualityIssue answered = issues.get(issue.getId());
        assertThat(answered.getStatus()).isEqualTo(QualityIssueStatus.ANSWERED);
        assertThat(answered.getResolution()).isEqualTo(QualityResolution.FIXED);
        assertThat(answered.getAnsweredBy()).isEqualTo("reviewer-" + PROVIDER);
        assertThat(answered.getAnsweredAt()).isEqualTo(beijing(LocalDateTime.of(2026, 11, 18, 15, 0)));
        assertThat(answered.answeredLate()).isFalse();
        assertThat(answered.getRemindedAt()).isNull();
        assertThat(answered.getEscalatedAt()).isNull();
        assertThat(management.createJobQuery().processInstanceId(pid).count())
                .as("no timer left once answered")
                .isZero();
        Notice told =
                notice(Notifications.operator(operator.getCreditCode()), "【已答复】数据质量问题 DQI-" + issue.getId() + "：已处理完善");
        assertThat(told.body())
                .contains("市市场监督管理局 已于 2026年11月18日 15:00 答复", "已补录注册资本字段", "缺少注册资本字段")
                .doesNotContain("超过处理期限");
        QualityIssueProgress.Progress done = progress.of(issue.getId());
        assertThat(done.answer()).isEqualTo("已补录注册资本字段，11月18日起同步更新");
        assertThat(done.resolution()).isEqualTo("已处理完善");
        assertThat(done.workingDaysLate()).isZero();
        assertThat(done.operatorAction()).contains("已补录注册资本字段");
        assertThat(done.timeline())
                .extracting(TimelineEntry::title)
                .containsSubsequence("提出数据质量问题", "已送达数据提供单位：市市场监督管理局", "数据提供单位答复：已处理完善");
    }

    @Test
    @Enforces({"CAT-06"})
    void remindedTheWorkingDayBeforeAndEscalatedAtTheDueDateOnceEachThenAnsweredLate() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication operator = admitted("chizhou", "池州逾期测试公司", CZ_ENTERPRISES, CZ_FUND);
        beijingTime(LocalDateTime.of(2026, 11, 16, 9, 0));
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario(actor, "公积金贷款辅助", CZ_FUND, CZ_ENTERPRISES);
        QualityIssue issue =
                issueSubmission.raise(new QualityIssueForm(scenario.getId(), 2, "部分企业统一社会信用代码与登记不一致"), actor);
        String pid = issue.getProcessInstanceId();
        String subject = "DQI-" + issue.getId();
        taskOf(pid, QualityIssueProcess.TASK_ANSWER_ISSUE, PROVIDER);

        // the working day before the due day (a Friday, the due day being Monday 23 November), at 09:00
        fireTimer(pid, QualityIssueProcess.TIMER_REMINDER);
        assertThat(ClockUtil.getCurrentTime().toInstant()).isAfter(beijing(LocalDateTime.of(2026, 11, 20, 9, 0)));
        String reminder = "【即将到期】数据质量问题 " + subject + " 须于 2026年11月23日 前反馈";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> issues.get(issue.getId()).getRemindedAt() != null);
        assertThat(notice(Notifications.group(PROVIDER), reminder).body())
                .contains("还剩 1 个工作日", "逾期未反馈的，将上报数据主管部门（CAT-06）", "部分企业统一社会信用代码与登记不一致");
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count())
                .as("the task stays open")
                .isEqualTo(1);
        assertThat(issues.get(issue.getId()).getEscalatedAt()).isNull();
        assertThat(escalations(subject)).isZero();

        // the due time passes unanswered: escalated to the authority and its heads, the task still open
        fireTimer(pid, QualityIssueProcess.TIMER_DUE_DATE_PASSED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> issues.get(issue.getId()).getEscalatedAt() != null);
        String escalation = "【逾期上报】数据质量问题 " + subject + " 未在 5 个工作日内反馈";
        await().atMost(Duration.ofSeconds(30)).until(() -> escalations(subject) == 2);
        for (String group : List.of(AUTHORITY, "manager")) {
            assertThat(notice(Notifications.group(group), escalation).body())
                    .contains("市市场监督管理局 未在 2026年11月23日 前对数据质量问题 " + subject + " 作出反馈");
        }
        QualityIssue escalated = issues.get(issue.getId());
        assertThat(escalated.getStatus()).isEqualTo(QualityIssueStatus.ESCALATED);
        assertThat(escalated.getEscalatedAt()).isAfter(escalated.getDueAt());
        assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isEqualTo(1);
        assertThat(progress.of(issue.getId()).operatorAction()).contains("已上报数据主管部门督办");
        assertThat(progress.of(issue.getId()).due().workingDaysLeft())
                .as("one working day overdue")
                .isEqualTo(-1);

        // delivered twice (a lock expired, a worker crashed): still one reminder, one escalation, the first times kept
        Instant remindedAt = escalated.getRemindedAt();
        Instant escalatedAt = escalated.getEscalatedAt();
        deliverAgain(pid, "ServiceTask_Remind", issue.getId(), "REMIND");
        deliverAgain(pid, "ServiceTask_Escalate", issue.getId(), "ESCALATE");
        assertThat(count(
                        "select count(*) from approval.notice where recipient = ? and title = ?",
                        Notifications.group(PROVIDER),
                        reminder))
                .isEqualTo(1);
        assertThat(escalations(subject)).isEqualTo(2);
        assertThat(issues.get(issue.getId()).getRemindedAt()).isEqualTo(remindedAt);
        assertThat(issues.get(issue.getId()).getEscalatedAt()).isEqualTo(escalatedAt);

        beijingTime(LocalDateTime.of(2026, 11, 25, 10, 0)); // two working days after the due day
        decide(
                pid,
                QualityIssueProcess.TASK_ANSWER_ISSUE,
                PROVIDER,
                Map.of("qualityResolution", "EXPLAINED", "qualityAnswer", "经核实为历史迁移差异，已出具说明"));
        assertThat(awaitEnd(pid)).isEqualTo(QualityIssueProcess.END_ANSWERED);
        QualityIssue late = issues.get(issue.getId());
        assertThat(late.getStatus()).isEqualTo(QualityIssueStatus.ANSWERED);
        assertThat(late.answeredLate()).isTrue();
        assertThat(issues.workingDaysLate(late)).isEqualTo(2);
        assertThat(notice(Notifications.operator(operator.getCreditCode()), "【已答复】数据质量问题 " + subject + "：经核实数据无误，已说明情况")
                        .body())
                .contains("（超过处理期限 2 个工作日）", "经核实为历史迁移差异");
        assertThat(progress.of(issue.getId()).timeline())
                .extracting(TimelineEntry::title)
                .containsSubsequence(
                        "已提醒数据提供单位：2026年11月23日 到期", "逾期未反馈，已上报数据主管部门", "数据提供单位答复：经核实数据无误，已说明情况（逾期 2 个工作日）");
    }

    @Test
    void anIssueOnALineOutsideTheApprovedListOrAnotherOperatorsScenarioIsRefused() {
        AdmissionApplication operator = admitted("chizhou", "池州越界问题公司", CZ_CASES);
        Actor actor = Actor.operator("op-test", operator.getCreditCode());
        Scenario scenario = approvedScenario(actor, "城管案件热力", CZ_CASES);
        int before = count("select count(*) from approval.data_quality_issue");
        assertThatThrownBy(() -> issueSubmission.raise(new QualityIssueForm(scenario.getId(), 2, "第二项缺数据"), actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors())
                                .extracting(e -> e.field() + " " + e.message())
                                .containsExactly("lineNo 场景「城管案件热力」获批准的数据需求清单中没有第 2 项"));
        assertThatThrownBy(() -> issueSubmission.raise(new QualityIssueForm(scenario.getId(), 1, " "), actor))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.errors()).extracting(e -> e.field()).containsExactly("description"));
        String other = CREDIT_CODES.stream()
                .filter(c -> !c.equals(operator.getCreditCode()))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> issueSubmission.raise(
                        new QualityIssueForm(scenario.getId(), 1, "他人的场景"), Actor.operator("op-other", other)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        assertThat(count("select count(*) from approval.data_quality_issue"))
                .as("nothing written")
                .isEqualTo(before);
    }

    private int escalations(String subject) {
        return count(
                "select count(*) from approval.notice where recipient in ('group:authority-reviewer', 'group:manager') and title like ?",
                "【逾期上报】数据质量问题 " + subject + " %");
    }

    /** The same external task delivered once more, as after an expired lock: the handler runs again on its key. */
    private void deliverAgain(String pid, String activityId, long issueId, String template) {
        ExternalTaskHandler handler = handlers.stream()
                .filter(h -> h.topic().equals("data-quality-notify"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> vars = new HashMap<>();
        vars.put("issueId", issueId);
        vars.put("noticeTemplate", template);
        handler.handle(new WorkItem(
                UUID.randomUUID().toString(),
                "data-quality-notify",
                pid,
                "DQI-" + issueId,
                activityId,
                history.createHistoricActivityInstanceQuery()
                        .processInstanceId(pid)
                        .activityId(activityId)
                        .orderByHistoricActivityInstanceStartTime()
                        .desc()
                        .list()
                        .get(0)
                        .getId(),
                vars));
    }

    /** Moves the engine clock just past one of the instance's timers and fires it, as the job executor would. */
    private void fireTimer(String pid, String timerId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> management
                                .createJobQuery()
                                .processInstanceId(pid)
                                .timers()
                                .activityId(timerId)
                                .count()
                        == 1);
        Job timer = management
                .createJobQuery()
                .processInstanceId(pid)
                .timers()
                .activityId(timerId)
                .singleResult();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());
    }

    private Scenario approvedScenario(Actor actor, String name, String... resources) {
        Scenario scenario = scenarioSubmission.submit(
                new ScenarioForm(
                        "chizhou",
                        null,
                        name,
                        "普惠金融",
                        Purpose.INDUSTRY,
                        "建设内容：" + name,
                        "风险评估：个人隐私和公共安全保障措施",
                        "数据在平台内加工，原始数据不出域",
                        Arrays.stream(resources)
                                .map(code -> new ScenarioForm.LineInput(
                                        code,
                                        "主要字段（脱敏）",
                                        ScenarioLine.Usage.QUERY,
                                        ScenarioLine.Frequency.DAILY,
                                        today(),
                                        today().plusMonths(6)))
                                .toList()),
                actor);
        String pid = scenario.getProcessInstanceId();
        decide(pid, ScenarioProcess.TASK_PRE_CHECK, AUTHORITY, Map.of("preCheckDecision", "approve"));
        for (String group : scenarios.providerGroups(scenario.getId())) {
            Task task = taskOf(pid, ScenarioProcess.TASK_PROVIDER_REVIEW, group);
            decisions.decide(
                    task.getId(), "reviewer-" + group, Set.of(group), LineAnswers.consentAll(taskService, task));
        }
        decide(pid, ScenarioProcess.TASK_DECIDE, AUTHORITY, Map.of("scenarioDecision", "approve"));
        assertThat(awaitEnd(pid)).isEqualTo("EndEvent_Approved");
        return scenarios.get(scenario.getId());
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

    private static Instant beijing(LocalDateTime time) {
        return time.atZone(Clocks.BEIJING).toInstant();
    }
}
