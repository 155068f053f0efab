package cn.pubdata.approval.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.calendar.CalendarYears;
import cn.pubdata.approval.calendar.ExampleSchedule;
import cn.pubdata.approval.common.Clocks;
import cn.pubdata.approval.evaluation.Evaluation;
import cn.pubdata.approval.evaluation.EvaluationProcess;
import cn.pubdata.approval.evaluation.EvaluationProgress;
import cn.pubdata.approval.evaluation.Evaluations;
import cn.pubdata.approval.exit.ExitCase;
import cn.pubdata.approval.exit.ExitProcess;
import cn.pubdata.approval.exit.ExitProgress;
import cn.pubdata.approval.progress.DueItem;
import cn.pubdata.approval.timeline.Subjects;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lifecycle's own deadlines counted through a year whose holiday schedule is not entered — the evaluation report's
 * due time and the exit's deletion due time — are counted again when the year is entered: the row, the variable the
 * timer waits for, and the timer.
 */
class LifecycleDeadlineRecountTest extends LifecycleTestSupport {

    private static final String JDZ_CASES = "cgj-enforcement-cases";

    @Autowired
    CalendarYears years;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationProgress evaluationProgress;

    @Autowired
    ExitProgress exitProgress;

    @AfterEach
    void forget2027() {
        jdbc.sql("delete from approval.calendar_day where extract(year from day) = 2027")
                .update();
        jdbc.sql("delete from approval.calendar_year where year = 2027").update();
    }

    @Test
    void anEvaluationReportDueInAYearNotEnteredMovesWithItsTimerWhenTheYearIsEntered() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("jingdezhen", "暂定评估期限公司", JDZ_CASES);
        beijingTime(LocalDateTime.of(2027, 2, 3, 10, 0)); // a Wednesday, 2027 not entered
        Evaluation started = annualEvaluationAwaitingReport(op, agreementOf(op).startsOn(), LocalDate.of(2027, 2, 2));
        String pid = started.processInstanceId();
        // 20 working days counted Monday to Friday: 春节 is not known before the schedule
        Date provisional = beijingEndOf(LocalDate.of(2027, 3, 3));
        assertThat(Date.from(evaluations.get(started.id()).reportDue())).isEqualTo(provisional);
        assertThat(runtime.getVariable(pid, "reportDue")).isEqualTo(provisional);
        assertThat(timerDue(pid, EvaluationProcess.TIMER_REPORT_OVERDUE)).isEqualTo(provisional);
        DueItem before = reportDueItem(started.id());
        assertThat(before.dueDay()).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(before.provisional()).isTrue();

        CalendarYears.Entered entered =
                years.enter(ExampleSchedule.YEAR, ExampleSchedule.NOTICE, ExampleSchedule.days());

        assertThat(entered.recounted().other()).isGreaterThanOrEqualTo(1);
        // 4 February, 春节 5–12 February, 15–19, Saturday 20 February (调休上班), 22 February to 5 March, 8–10 March
        Date counted = beijingEndOf(LocalDate.of(2027, 3, 10));
        assertThat(Date.from(evaluations.get(started.id()).reportDue())).isEqualTo(counted);
        assertThat(runtime.getVariable(pid, "reportDue")).isEqualTo(counted);
        assertThat(runtime.getVariable(pid, "reportDueDay")).isEqualTo("2027-03-10");
        assertThat(timerDue(pid, EvaluationProcess.TIMER_REPORT_OVERDUE)).isEqualTo(counted);
        DueItem after = reportDueItem(started.id());
        assertThat(after.dueDay()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(after.provisional()).isFalse();
        assertThat(titles(Subjects.evaluation(started.id()))).containsOnlyOnce("报告期限重新计算");
    }

    @Test
    void anExitsDeletionDueInAYearNotEnteredMovesWithItsTimerWhenTheYearIsEntered() {
        beijingTime(LocalDateTime.of(2026, 11, 2, 9, 0));
        AdmissionApplication op = admitted("jingdezhen", "暂定删除期限公司", JDZ_CASES);
        beijingTime(LocalDateTime.of(2027, 2, 3, 10, 0)); // a Wednesday, 2027 not entered
        ExitCase exit = earlyTerminationAsked(op, "业务调整，申请提前终止授权运营协议", today(), true, "愿意承担相应违约责任");
        String pid = exit.processInstanceId();
        earlyTerminationProposedAndDecided(pid);
        assertThat(awaitNotice(op, "【退出】请删除").body()).contains("请在 2027-02-17 前删除");
        awaitMessage(pid, ExitProcess.MESSAGE_DATA_DELETED);
        // 10 working days counted Monday to Friday from the closing of the permissions
        Date provisional = beijingEndOf(LocalDate.of(2027, 2, 17));
        assertThat(runtime.getVariable(pid, "deletionDueAt")).isEqualTo(provisional);
        assertThat(timerDue(pid, "Boundary_DeletionOverdue")).isEqualTo(provisional);
        assertThat(exitProgress.of(exit.id()).due().get(0).provisional()).isTrue();

        CalendarYears.Entered entered =
                years.enter(ExampleSchedule.YEAR, ExampleSchedule.NOTICE, ExampleSchedule.days());

        assertThat(entered.recounted().other()).isGreaterThanOrEqualTo(1);
        // 4 February, 春节 5–12 February, 15–19, Saturday 20 February (调休上班), 22–24 February
        Date counted = beijingEndOf(LocalDate.of(2027, 2, 24));
        assertThat(runtime.getVariable(pid, "deletionDueAt")).isEqualTo(counted);
        assertThat(runtime.getVariable(pid, "deletionDueDay")).isEqualTo("2027-02-24");
        assertThat(timerDue(pid, "Boundary_DeletionOverdue")).isEqualTo(counted);
        DueItem due = exitProgress.of(exit.id()).due().get(0);
        assertThat(due.step()).isEqualTo("删除平台内留存的数据并提交删除记录");
        assertThat(due.dueDay()).isEqualTo(LocalDate.of(2027, 2, 24));
        assertThat(due.provisional()).isFalse();
        assertThat(titles(Subjects.exit(exit.id()))).containsOnlyOnce("删除期限重新计算");
    }

    private DueItem reportDueItem(long evaluationId) {
        return evaluationProgress.of(evaluationId).due().stream()
                .filter(d -> d.step().startsWith("提交"))
                .findFirst()
                .orElseThrow();
    }

    private Date timerDue(String pid, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(pid)
                .activityId(activityId)
                .timers()
                .singleResult()
                .getDuedate();
    }

    private static Date beijingEndOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(Clocks.BEIJING).toInstant());
    }
}
