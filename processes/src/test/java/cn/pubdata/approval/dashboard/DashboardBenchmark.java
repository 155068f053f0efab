package cn.pubdata.approval.dashboard;

import cn.pubdata.approval.admission.AdmissionTestSupport;
import cn.pubdata.approval.admission.Announcement;
import cn.pubdata.approval.timeline.Timeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of the test suite (its name does not end in Test): generates 1,000,000 applications, 10,000,000 audit
 * events, 3,000,000 completed and 100,000 open engine tasks (with their process instances, jurisdictions and candidate
 * groups, from which the triggers fill the read model of open tasks) in the embedded PostgreSQL, then calls every dashboard query
 * 30 times per filter and prints the 95th percentile. Run it with
 * {@code ./mvnw -B verify -pl processes -am -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the
 * figures are printed and kept in processes/target/dashboard-benchmark.txt.
 */
class DashboardBenchmark extends AdmissionTestSupport {

    private static final int APPLICATIONS = Integer.getInteger("bench.applications", 1_000_000);
    private static final int AUDIT_EVENTS = Integer.getInteger("bench.events", 10_000_000);
    private static final int TASKS_DONE = Integer.getInteger("bench.tasks", 3_000_000);
    private static final int TASKS_OPEN = Integer.getInteger("bench.open", 100_000);
    private static final int RUNS = 30;

    @Autowired
    Dashboards dashboards;

    @Autowired
    Timeline timeline;

    @Test
    void everyDashboardQueryOnAMillionApplications() throws Exception {
        beijingTime(LocalDateTime.of(2026, 11, 16, 10, 0));
        Announcement a = announcement("jingdezhen", "fgw-enterprise-credit");
        long started = System.nanoTime();
        generate(a.getId());
        long generated = (System.nanoTime() - started) / 1_000_000_000L;
        String summaryRows = jdbc.sql("select (select count(*) from approval.dashboard_submitted_day) || ' / '"
                        + " || (select count(*) from approval.dashboard_closed_day) || ' / '"
                        + " || (select count(*) from approval.dashboard_step_day) || ' / '"
                        + " || (select count(*) from approval.dashboard_open_task)")
                .query(String.class)
                .single();

        LocalDate to = LocalDate.of(2026, 11, 16);
        Map<String, DashboardFilter> filters = new LinkedHashMap<>();
        filters.put("all, 12 months", new DashboardFilter(null, to.minusMonths(12), to, null));
        filters.put(
                "admission, one jurisdiction, 12 months",
                new DashboardFilter("admission", to.minusMonths(12), to, Set.of("chizhou")));
        filters.put("all, 1 month", new DashboardFilter(null, to.minusMonths(1), to, null));
        Map<String, java.util.function.Function<DashboardFilter, Object>> endpoints = new LinkedHashMap<>();
        endpoints.put("summary (all charts)", dashboards::summary);
        endpoints.put("applications per flow and state", dashboards::applications);
        endpoints.put("open tasks per unit", dashboards::openTasks);
        endpoints.put("lead time per step", dashboards::leadTimesPerStep);
        endpoints.put("lead time per flow", dashboards::leadTimesPerFlow);
        endpoints.put("outcomes per month", dashboards::outcomes);
        endpoints.put("throughput", dashboards::throughput);
        endpoints.put("cases (drill-down)", f -> dashboards.cases(f, "ADMITTED"));
        endpoints.put("tasks (drill-down, overdue)", f -> dashboards.tasks(f, "authority-reviewer", "overdue"));
        endpoints.put("tasks (drill-down, due soon)", f -> dashboards.tasks(f, "authority-reviewer", "dueSoon"));
        endpoints.put("tasks (drill-down, all open, every unit)", f -> dashboards.tasks(f, null, null));
        endpoints.put("timeline of one application", f -> timeline.of("ADM-" + (APPLICATIONS / 2)));

        List<String> lines = new ArrayList<>();
        lines.add("Dashboard benchmark: " + APPLICATIONS + " applications, " + AUDIT_EVENTS + " audit events, "
                + TASKS_DONE
                + " completed and " + TASKS_OPEN + " open tasks (generated in " + generated
                + " s, summary tables and the open tasks' read model kept by the triggers meanwhile); summary rows"
                + " (submitted / closed / steps / open tasks): " + summaryRows + "; p95 of " + RUNS + " calls:");
        for (var endpoint : endpoints.entrySet()) {
            for (var filter : filters.entrySet()) {
                DashboardFilter f = filter.getValue();
                Object answer = endpoint.getValue().apply(f);
                lines.add(String.format(
                        "  %-40s %-40s p95 %5d ms  (%s rows)",
                        endpoint.getKey(),
                        filter.getKey(),
                        p95(() -> endpoint.getValue().apply(f)),
                        answer instanceof List<?> rows ? rows.size() : "-"));
            }
        }
        String report = String.join("\n", lines);
        System.out.println(report);
        Files.writeString(Path.of("target/dashboard-benchmark.txt"), report + "\n");
    }

    private long p95(Supplier<Object> call) {
        call.get(); // warm the plan and the cache
        long[] ms = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000L;
        }
        java.util.Arrays.sort(ms);
        return ms[(int) Math.ceil(RUNS * 0.95) - 1];
    }

    private void generate(long announcementId) {
        String procDef = jdbc.sql(
                        "select id_ from act_re_procdef where key_ = 'admission' order by version_ desc limit 1")
                .query(String.class)
                .single();
        jdbc.sql("""
                insert into approval.admission_application
                    (announcement_id, jurisdiction, credit_code, company_name, legal_representative, principal,
                     business_lead, security_lead, contact_name, contact_phone, contact_email, status, submitted_at,
                     closed_at)
                select :a, (array['jingdezhen','chizhou','xianning','xinchang','yangxin'])[1 + i % 5],
                       'B' || lpad(i::text, 17, '0'), '基准测试公司' || i, '甲', '乙', '丙', '丁', '戊', '13800000000',
                       'bench@example.cn',
                       (array['IN_REVIEW','ADMITTED','REJECTED','WITHDRAWN','EXPIRED'])[1 + (i / 7) % 5],
                       timestamptz '2024-11-16 00:00+08' + (i % 730) * interval '1 day' + (i % 600) * interval '1 minute',
                       case when (i / 7) % 5 = 0 then null
                            else timestamptz '2024-11-16 00:00+08' + (i % 730 + 20) * interval '1 day' end
                from generate_series(1, :n) i""").param("a", announcementId).param("n", APPLICATIONS).update();
        long head = jdbc.sql("select seq from approval.audit_chain_head")
                .query(Long.class)
                .single();
        jdbc.sql("""
                insert into approval.timeline_event (subject, at, title, detail, actor, seq, prev_hash, hash)
                select 'ADM-' || (i % :apps), timestamptz '2024-11-16 00:00+08' + (i % 730) * interval '1 day',
                       '审查意见', '基准测试', '审核岗 数据局', :head + i, md5(i::text) || md5((i + 1)::text),
                       md5((i + 1)::text) || md5(i::text)
                from generate_series(1, :n) i""")
                .param("apps", APPLICATIONS)
                .param("head", head)
                .param("n", AUDIT_EVENTS)
                .update();
        // the variables first: the trigger that keeps the steps' summary reads each task's jurisdiction from them
        jdbc.sql("""
                insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, proc_inst_id_, execution_id_, name_,
                                            var_type_, text_, rev_, state_)
                select 'bench-v-' || i, 'admission', :def, 'bench-pi-' || i, 'bench-pi-' || i, 'jurisdiction', 'string',
                       (array['jingdezhen','chizhou','xianning','xinchang','yangxin'])[1 + i % 5], 0, 'CREATED'
                from generate_series(0, :apps - 1) i""").param("def", procDef).param("apps", APPLICATIONS).update();
        jdbc.sql("""
                insert into act_hi_taskinst (id_, proc_def_key_, proc_def_id_, proc_inst_id_, task_def_key_, name_,
                                             start_time_, end_time_, duration_, priority_, tenant_id_)
                select 'bench-' || i, 'admission', :def, 'bench-pi-' || (i % :apps),
                       (array['UserTask_CheckCompleteness','UserTask_CoordinationReview','UserTask_Decide'])[1 + i % 3],
                       (array['形式审查','协调机制成员单位审查','作出准入决定'])[1 + i % 3],
                       timestamptz '2024-11-16 00:00+08' + (i % 730) * interval '1 day',
                       timestamptz '2024-11-16 00:00+08' + (i % 730) * interval '1 day' + (i % 240) * interval '1 hour',
                       (i % 240) * 3600000, 50, null
                from generate_series(1, :n) i""")
                .param("def", procDef)
                .param("apps", APPLICATIONS)
                .param("n", TASKS_DONE)
                .update();
        // the open tasks as the engine keeps them (a process instance with its jurisdiction, a task and its candidate
        // group): the triggers fill the dashboards' read model from them as they do in production
        jdbc.sql("""
                insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_,
                                              act_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_,
                                              suspension_state_, cached_ent_state_, sequence_counter_, proc_def_key_)
                select 'bench-ru-' || i, 1, 'bench-ru-' || i, 'bench-ru-' || i, 'ADM-' || i, :def,
                       'UserTask_CheckCompleteness', true, false, true, false, 1, 0, 1, 'admission'
                from generate_series(1, :n) i""").param("def", procDef).param("n", TASKS_OPEN).update();
        jdbc.sql("""
                insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, text_,
                                             var_scope_, sequence_counter_, is_concurrent_local_)
                select 'bench-rv-' || i, 1, 'string', 'jurisdiction', 'bench-ru-' || i, 'bench-ru-' || i, :def,
                       (array['jingdezhen','chizhou','xianning','xinchang','yangxin'])[1 + i % 5], 'bench-ru-' || i, 1,
                       false
                from generate_series(1, :n) i""").param("def", procDef).param("n", TASKS_OPEN).update();
        jdbc.sql("""
                insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_,
                                         priority_, create_time_, due_date_, suspension_state_)
                select 'bench-t-' || i, 1, 'bench-ru-' || i, 'bench-ru-' || i, :def, '形式审查',
                       'UserTask_CheckCompleteness', 50, timestamptz '2026-10-01 00:00+08',
                       timestamptz '2026-11-01 00:00+08' + (i % 40) * interval '1 day', 1
                from generate_series(1, :n) i""").param("def", procDef).param("n", TASKS_OPEN).update();
        // the group changes every 40 tasks (the due dates' cycle), so that every unit of every jurisdiction has tasks
        // overdue, due soon and later
        jdbc.sql("""
                insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
                select 'bench-l-' || i, 1,
                       (array['authority-reviewer','provider-jdz-fgw','security-cac','expert'])[1 + (i / 40) % 4],
                       'candidate', 'bench-t-' || i
                from generate_series(1, :n) i""").param("n", TASKS_OPEN).update();
        for (String table : List.of(
                "approval.admission_application",
                "approval.timeline_event",
                "act_hi_taskinst",
                "act_hi_varinst",
                "act_ru_task",
                "act_ru_identitylink",
                "act_ru_execution",
                "act_ru_variable",
                "approval.dashboard_open_task",
                "approval.dashboard_submitted_day",
                "approval.dashboard_closed_day",
                "approval.dashboard_step_day")) {
            jdbc.sql("analyze " + table).update();
        }
    }
}
