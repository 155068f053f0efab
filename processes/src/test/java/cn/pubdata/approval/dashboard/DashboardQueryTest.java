package cn.pubdata.approval.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.pubdata.approval.admission.AdmissionApplication;
import cn.pubdata.approval.admission.AdmissionProcess;
import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.dashboard.Dashboards.FlowState;
import cn.pubdata.approval.dashboard.Dashboards.LeadTime;
import cn.pubdata.approval.dashboard.Dashboards.Summary;
import cn.pubdata.approval.dashboard.Dashboards.UnitTasks;
import cn.pubdata.approval.timeline.Subjects;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboards' queries on the real PostgreSQL and the engine's own tables, walked by a real admission: the case
 * counts, the open tasks per unit turning due soon and overdue as the clock moves, the lead time of a completed step,
 * throughput, and the lists a chart drills down to. Other tests share the database, so each figure is compared before
 * and after.
 */
class DashboardQueryTest extends AdmissionTestSupport {

    private static final String AUTHORITY = "authority-reviewer";

    @Autowired
    Dashboards dashboards;

    @Test
    void aRealAdmissionMovesTheFiguresAndTheListsBehindThem() {
        beijingTime(LocalDateTime.of(2026, 10, 12, 9, 0)); // a Monday; 形式审查 is due in 5 working days (10-19)
        DashboardFilter chizhou = new DashboardFilter(
                "admission", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), Set.of("chizhou"));
        Summary before = dashboards.summary(chizhou);

        AdmissionApplication application = submit("chizhou", "池州看板测试公司", CZ_ENTERPRISES, CZ_CASES);
        String pid = application.getProcessInstanceId();
        awaitTask(pid, AdmissionProcess.TASK_CHECK_COMPLETENESS);
        String subject = Subjects.admission(application.getId());

        Summary submitted = dashboards.summary(chizhou);
        assertThat(count(submitted, "IN_REVIEW") - count(before, "IN_REVIEW")).isEqualTo(1);
        assertThat(submitted.applications())
                .filteredOn(s -> s.status().equals("IN_REVIEW"))
                .extracting(FlowState::flowLabel, FlowState::statusLabel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("运营机构准入", "审查中"));
        assertThat(unit(submitted).open() - unit(before).open()).isEqualTo(1);
        assertThat(submitted.throughput()).anySatisfy(m -> assertThat(m.month()).isEqualTo("2026-10"));
        assertThat(dashboards.cases(chizhou, "IN_REVIEW")).anySatisfy(c -> {
            assertThat(c.subject()).isEqualTo(subject);
            assertThat(c.companyName()).isEqualTo("池州看板测试公司");
            assertThat(c.processInstanceId()).isEqualTo(pid);
        });
        assertThat(dashboards.tasks(chizhou, AUTHORITY, "dueSoon"))
                .noneSatisfy(t -> assertThat(t.subject()).isEqualTo(subject));

        beijingTime(LocalDateTime.of(2026, 10, 15, 9, 0)); // Thursday: Friday and Monday left
        UnitTasks soon = unit(dashboards.summary(chizhou));
        assertThat(dashboards.tasks(chizhou, AUTHORITY, "dueSoon")).anySatisfy(t -> {
            assertThat(t.subject()).isEqualTo(subject);
            assertThat(t.unit()).isEqualTo("数据主管部门（审核岗）");
            assertThat(t.dueSoon()).isTrue();
        });
        assertThat(soon.dueSoon()).isPositive();

        beijingTime(LocalDateTime.of(2026, 10, 20, 9, 0)); // Tuesday: overdue
        Summary late = dashboards.summary(chizhou);
        assertThat(late.openTasks().get(0).overdue())
                .as("overdue units head the list")
                .isGreaterThanOrEqualTo(unit(late).overdue());
        assertThat(dashboards.tasks(chizhou, AUTHORITY, "overdue")).anySatisfy(t -> {
            assertThat(t.subject()).isEqualTo(subject);
            assertThat(t.overdue()).isTrue();
            assertThat(t.processInstanceId()).isEqualTo(pid);
        });

        long stepsBefore = step(late).count();
        passCompleteness(pid, false);
        LeadTime check = step(dashboards.summary(chizhou));
        assertThat(check.count()).isEqualTo(stepsBefore + 1);
        assertThat(check.stepLabel()).isEqualTo("形式审查");
        assertThat(check.p90Hours()).isGreaterThanOrEqualTo(check.medianHours());

        assertThat(dashboards
                        .summary(new DashboardFilter(
                                "admission", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), Set.of("xinchang")))
                        .applications())
                .as("another jurisdiction's manager does not see it")
                .noneSatisfy(s -> assertThat(s.count()).isNegative());
        assertThat(dashboards.cases(
                        new DashboardFilter(
                                "admission", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), Set.of("xinchang")),
                        null))
                .noneSatisfy(c -> assertThat(c.subject()).isEqualTo(subject));
    }

    private static long count(Summary s, String status) {
        return s.applications().stream()
                .filter(f -> f.status().equals(status))
                .mapToLong(FlowState::count)
                .sum();
    }

    private static UnitTasks unit(Summary s) {
        return s.openTasks().stream()
                .filter(u -> u.group().equals(AUTHORITY))
                .findFirst()
                .orElse(new UnitTasks(AUTHORITY, "", 0, 0, 0));
    }

    private static LeadTime step(Summary s) {
        return s.leadTimesPerStep().stream()
                .filter(l -> AdmissionProcess.TASK_CHECK_COMPLETENESS.equals(l.step()))
                .findFirst()
                .orElse(new LeadTime("admission", "", AdmissionProcess.TASK_CHECK_COMPLETENESS, "形式审查", 0, 0, 0));
    }
}
