package cn.pubdata.approval.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the summary of completed steps ({@code dashboard_step_day}, V75) current from the engine's task history. The
 * engine creates its tables after Flyway has run, so the trigger on {@code act_hi_taskinst} is installed here once the
 * application is up: the first node to start creates it and fills the summary from the history in the same
 * transaction (creating a trigger locks the table against writes, so no completed task is missed or counted twice).
 * History cleanup deletes are not subtracted: the managers' figures outlive the engine's history.
 */
@Component
class DashboardStepHistory {

    private static final Logger log = LoggerFactory.getLogger(DashboardStepHistory.class);

    private static final String TASK_ROWS = """
            select (r.end_time_::timestamptz at time zone 'Asia/Shanghai')::date as day, r.proc_def_key_ as flow,
                   r.task_def_key_ as step,
                   coalesce((select v.text_ from act_hi_varinst v
                             where v.proc_inst_id_ = r.proc_inst_id_ and v.name_ = 'jurisdiction'
                             order by (v.execution_id_ = v.proc_inst_id_) desc limit 1), '') as jurisdiction,
                   approval.duration_bucket(r.duration_ / 1000.0) as bucket, min(r.name_) as name, sum(r.d) as n
            from (%s) r
            where r.end_time_ is not null and r.proc_def_key_ is not null and r.task_def_key_ is not null
            group by 1, 2, 3, 4, 5 having sum(r.d) <> 0 order by 1, 2, 3, 4, 5""";

    private static final String FUNCTION = """
            create or replace function approval.dashboard_step_changed() returns trigger language plpgsql as $f$
            begin
                execute format($q$
                    insert into approval.dashboard_step_day as s (day, flow, step, jurisdiction, duration_bucket, name, n)
                    %%s
                    on conflict (day, flow, step, jurisdiction, duration_bucket)
                    do update set n = s.n + excluded.n, name = least(s.name, excluded.name)$q$,
                    format($r$%s$r$, case tg_op
                        when 'INSERT' then 'select proc_inst_id_, proc_def_key_, task_def_key_, name_, end_time_, duration_, 1 as d from new_rows'
                        else 'select proc_inst_id_, proc_def_key_, task_def_key_, name_, end_time_, duration_, 1 as d from new_rows'
                             || ' union all select proc_inst_id_, proc_def_key_, task_def_key_, name_, end_time_, duration_, -1 from old_rows'
                        end));
                return null;
            end
            $f$""".formatted(TASK_ROWS);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DashboardStepHistory(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        transactions.executeWithoutResult(status -> {
            if (!jdbc.sql("select to_regclass('act_hi_taskinst') is not null")
                    .query(Boolean.class)
                    .single()) {
                return; // a node without the engine's tables: the node that has them installs it
            }
            jdbc.sql("select pg_advisory_xact_lock(hashtext('dashboard_step_history'))")
                    .query()
                    .listOfRows();
            jdbc.sql(FUNCTION).update();
            boolean installed = jdbc.sql(
                            "select exists (select 1 from pg_trigger where tgname = 'act_hi_taskinst_dashboard_inserted')")
                    .query(Boolean.class)
                    .single();
            if (installed) {
                return;
            }
            jdbc.sql("create trigger act_hi_taskinst_dashboard_inserted after insert on act_hi_taskinst"
                            + " referencing new table as new_rows for each statement"
                            + " execute function approval.dashboard_step_changed()")
                    .update();
            jdbc.sql("create trigger act_hi_taskinst_dashboard_updated after update on act_hi_taskinst"
                            + " referencing old table as old_rows new table as new_rows for each statement"
                            + " execute function approval.dashboard_step_changed()")
                    .update();
            jdbc.sql("delete from approval.dashboard_step_day").update();
            int rows = jdbc.sql("insert into approval.dashboard_step_day (day, flow, step, jurisdiction,"
                            + " duration_bucket, name, n) "
                            + TASK_ROWS.formatted("select proc_inst_id_, proc_def_key_, task_def_key_, name_,"
                                    + " end_time_, duration_, 1 as d from act_hi_taskinst"))
                    .update();
            log.info("Dashboard summary of completed steps installed: {} rows from the task history", rows);
        });
    }
}
