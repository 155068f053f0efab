package cn.pubdata.approval.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionProcess;
import cn.pubdata.approval.admission.AdmissionProgress;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.progress.DueItem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deadline counted through a year whose holiday schedule is not entered is provisional where reviewers and
 * operators see it, and entering the year gives it the right date: tasks' due dates, the variables the timers wait for
 * and the timers themselves.
 */
class ProvisionalDeadlineTest extends AdmissionTestSupport {

    private static final String AUTHORITY = "authority-reviewer";

    @Autowired
    CalendarYears years;

    @Autowired
    AdmissionProgress progress;

    @AfterEach
    void forget2027() {
        jdbc.sql("delete from approval.calendar_day where extract(year from day) = 2027")
                .update();
        jdbc.sql("delete from approval.calendar_year where year = 2027").update();
    }

    @Test
    void aReviewersTaskAndASupplementDeadlineDueInAYearNotEnteredGetTheirDatesWhenItIsEntered() {
        beijingTime(LocalDateTime.of(2027, 2, 3, 10, 0)); // a Wednesday, 2027 not entered
        AdmissionApplication waiting = submit("chizhou", "暂定期限审查测试公司", CZ_ENTERPRISES);
        Task check = taskOf(waiting.getProcessInstanceId(), AdmissionProcess.TASK_CHECK_COMPLETENESS, AUTHORITY);
        // 5 working days counted Monday to Friday: 春节 is not known before the schedule
        assertDueOn(check, LocalDate.of(2027, 2, 10));
        assertThat(check.getDescription())
                .startsWith("【期限暂定】本任务期限 2027年2月10日 为暂定：2027 年节假日安排尚未录入")
                .contains("ADM-02");
        DueItem due = progress.of(waiting.getId()).due().get(0);
        assertThat(due.dueDay()).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(due.provisional()).isTrue();
        assertThat(due.provisionalReason()).startsWith("2027 年节假日安排尚未录入");

        AdmissionApplication returned = submit("chizhou", "暂定补正期限测试公司", CZ_ENTERPRISES);
        String pid = returned.getProcessInstanceId();
        decide(
                pid,
                AdmissionProcess.TASK_CHECK_COMPLETENESS,
                AUTHORITY,
                Map.of("completenessDecision", "supplement", "completenessReason", "应急预案未盖章"));
        // 10 working days, Monday to Friday
        Date provisional = beijingEndOf(LocalDate.of(2027, 2, 17));
        assertThat(runtime.getVariable(pid, "supplementDue")).isEqualTo(provisional);
        assertThat(timerOf(pid).getDuedate()).isEqualTo(provisional);
        DueItem supplement = progress.of(returned.getId()).due().get(0);
        assertThat(supplement.step()).isEqualTo("提交补正材料");
        assertThat(supplement.provisional()).isTrue();
        assertThat(progress.of(returned.getId()).operatorAction()).contains("2027-02-17（暂定");

        CalendarYears.Entered entered =
                years.enter(ExampleSchedule.YEAR, ExampleSchedule.NOTICE, ExampleSchedule.days());

        assertThat(entered.workingDays()).isEqualTo(248);
        assertThat(entered.recounted().tasks()).isGreaterThanOrEqualTo(1);
        assertThat(entered.recounted().timers()).isGreaterThanOrEqualTo(1);
        Task recounted = taskService.createTaskQuery().taskId(check.getId()).singleResult();
        // 4 February, then 春节 5–12 February, then 15–18 February
        assertDueOn(recounted, LocalDate.of(2027, 2, 18));
        assertThat(recounted.getDescription()).doesNotContain("期限暂定").startsWith("ADM-02");
        assertThat(taskService.getVariableLocal(check.getId(), ProvisionalDueHints.TASK_VARIABLE))
                .isNull();
        assertThat(progress.of(waiting.getId()).due().get(0).provisional()).isFalse();

        // 4, 15–19 February, Saturday 20 February (调休上班), 22–24 February
        Date counted = beijingEndOf(LocalDate.of(2027, 2, 24));
        assertThat(runtime.getVariable(pid, "supplementDue")).isEqualTo(counted);
        assertThat(timerOf(pid).getDuedate()).isEqualTo(counted);
        assertThat(runtime.getVariable(pid, "supplementDueProvisional")).isNull();
        assertThat(progress.of(returned.getId()).due().get(0).provisional()).isFalse();
        assertThat(progress.of(returned.getId()).operatorAction())
                .contains("2027-02-24（还有")
                .doesNotContain("暂定");
    }

    @Test
    void aDueDateSetByHandStaysWhenTheYearIsEntered() {
        beijingTime(LocalDateTime.of(2027, 2, 3, 10, 0));
        AdmissionApplication application = submit("chizhou", "手工期限测试公司", CZ_ENTERPRISES);
        Task check = taskOf(application.getProcessInstanceId(), AdmissionProcess.TASK_CHECK_COMPLETENESS, AUTHORITY);
        check.setDueDate(beijingEndOf(LocalDate.of(2027, 3, 1)));
        taskService.saveTask(check);

        years.enter(ExampleSchedule.YEAR, ExampleSchedule.NOTICE, ExampleSchedule.days());

        Task after = taskService.createTaskQuery().taskId(check.getId()).singleResult();
        assertDueOn(after, LocalDate.of(2027, 3, 1));
        assertThat(after.getDescription()).doesNotContain("期限暂定");
    }

    @Test
    void aTaskDueInAYearEnteredIsNotProvisional() {
        beijingTime(LocalDateTime.of(2026, 11, 18, 10, 0));
        AdmissionApplication application = submit("chizhou", "已录入年度测试公司", CZ_ENTERPRISES);
        Task check = taskOf(application.getProcessInstanceId(), AdmissionProcess.TASK_CHECK_COMPLETENESS, AUTHORITY);
        assertDueOn(check, LocalDate.of(2026, 11, 25));
        assertThat(check.getDescription()).doesNotContain("期限暂定");
        assertThat(taskService.getVariableLocal(check.getId(), ProvisionalDueHints.TASK_VARIABLE))
                .isNull();
        assertThat(progress.of(application.getId()).due().get(0).provisional()).isFalse();
    }

    private Job timerOf(String pid) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> management
                                .createJobQuery()
                                .processInstanceId(pid)
                                .timers()
                                .count()
                        == 1);
        return management.createJobQuery().processInstanceId(pid).timers().singleResult();
    }

    private static Date beijingEndOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(Clocks.BEIJING).toInstant());
    }
}
