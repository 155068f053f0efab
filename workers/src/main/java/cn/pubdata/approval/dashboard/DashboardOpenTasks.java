package cn.pubdata.approval.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the read model of open tasks ({@code dashboard_open_task}, V80) current from the engine's runtime tables, so
 * that the dashboards never aggregate them per request. The engine creates its tables after Flyway has run, so the
 * triggers are installed here once the application is up, as {@link DashboardStepHistory} installs its own: under an
 * advisory lock (two nodes may start at once), the functions replaced on every start, the triggers created only where
 * missing, and then the model filled from the open tasks in the same transaction (creating a trigger locks its table
 * against writes, so no change is missed or counted twice).
 *
 * <p>The triggers are deferred to the commit: the engine flushes a new task before its candidate links and the process
 * instance's variables of the same transaction, so each change only names the task to refresh, and at the commit the
 * task's rows are rebuilt from what the engine then holds. Two transactions refreshing the same task take turns on the
 * task's row (the lock the engine's own update of the task takes).
 */
@Component
class DashboardOpenTasks {

    private static final Logger log = LoggerFactory.getLogger(DashboardOpenTasks.class);

    /** An open task per candidate group, as the dashboards counted them from the engine's tables before. */
    private static final String OPEN_TASKS = """
            select t.id_, coalesce(l.group_id_, ''), t.name_, d.key_,
                   (select v.text_ from act_ru_variable v
                    where v.proc_inst_id_ = t.proc_inst_id_ and v.execution_id_ = t.proc_inst_id_
                      and v.name_ = 'jurisdiction' limit 1),
                   e.business_key_, t.proc_inst_id_, t.due_date_
            from act_ru_task t
            left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
            join act_re_procdef d on d.id_ = t.proc_def_id_
            left join act_ru_execution e on e.id_ = t.proc_inst_id_
            where t.suspension_state_ = 1""";

    private static final String COLUMNS =
            "approval.dashboard_open_task (task_id, grp, name, flow, jurisdiction, business_key, process_instance_id, due)";

    private static final String REFRESH = """
            create or replace function approval.dashboard_open_task_refresh(task varchar) returns void
            language plpgsql as $f$
            begin
                -- two commits refreshing one task take turns (the second then reads what the first committed); a row lock,
                -- as an advisory lock per task would fill the lock table in a transaction that changes many tasks
                perform 1 from act_ru_task where id_ = task for no key update;
                delete from approval.dashboard_open_task where task_id = task;
                insert into %s
                %s and t.id_ = task;
            end
            $f$""".formatted(COLUMNS, OPEN_TASKS);

    private static final String CHANGED = """
            create or replace function approval.dashboard_open_task_changed() returns trigger language plpgsql as $f$
            declare
                changed record;
                task varchar;
            begin
                if tg_op = 'DELETE' then changed := old; else changed := new; end if;
                if tg_table_name = 'act_ru_task' then
                    perform approval.dashboard_open_task_refresh(changed.id_);
                elsif tg_table_name = 'act_ru_identitylink' then
                    if changed.task_id_ is not null then
                        perform approval.dashboard_open_task_refresh(changed.task_id_);
                    end if;
                else -- the process instance's jurisdiction or business key: each of its tasks
                    for task in select id_ from act_ru_task where proc_inst_id_ = changed.proc_inst_id_
                                union select task_id from approval.dashboard_open_task
                                      where process_instance_id = changed.proc_inst_id_
                                order by 1 loop
                        perform approval.dashboard_open_task_refresh(task);
                    end loop;
                end if;
                return null;
            end
            $f$""";

    private static final String DEFERRED =
            " deferrable initially deferred for each row %s execute function approval.dashboard_open_task_changed()";

    private static final Map<String, String> TRIGGERS = new LinkedHashMap<>();

    static {
        TRIGGERS.put(
                "act_ru_task_dashboard_open_task",
                "after insert or delete or update of due_date_, name_, suspension_state_, proc_def_id_ on act_ru_task"
                        + DEFERRED.formatted(""));
        TRIGGERS.put(
                "act_ru_identitylink_dashboard_open_task",
                "after insert or delete or update of group_id_, type_, task_id_ on act_ru_identitylink"
                        + DEFERRED.formatted(""));
        TRIGGERS.put(
                "act_ru_variable_dashboard_jurisdiction_set",
                "after insert or update of text_ on act_ru_variable"
                        + DEFERRED.formatted(
                                "when (new.name_ = 'jurisdiction' and new.execution_id_ = new.proc_inst_id_)"));
        TRIGGERS.put(
                "act_ru_variable_dashboard_jurisdiction_deleted",
                "after delete on act_ru_variable"
                        + DEFERRED.formatted(
                                "when (old.name_ = 'jurisdiction' and old.execution_id_ = old.proc_inst_id_)"));
        TRIGGERS.put(
                "act_ru_execution_dashboard_business_key",
                "after update of business_key_ on act_ru_execution"
                        + DEFERRED.formatted(
                                "when (new.id_ = new.proc_inst_id_ and new.business_key_ is distinct from old.business_key_)"));
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DashboardOpenTasks(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        transactions.executeWithoutResult(status -> {
            if (!jdbc.sql("select to_regclass('act_ru_task') is not null")
                    .query(Boolean.class)
                    .single()) {
                return; // a node without the engine's tables: the node that has them installs it
            }
            jdbc.sql("select pg_advisory_xact_lock(hashtext('dashboard_open_tasks'))")
                    .query()
                    .listOfRows();
            jdbc.sql(REFRESH).update();
            jdbc.sql(CHANGED).update();
            List<String> present = jdbc.sql("select tgname from pg_trigger where tgname in (:names)")
                    .param("names", List.copyOf(TRIGGERS.keySet()))
                    .query(String.class)
                    .list();
            if (present.size() == TRIGGERS.size()) {
                return;
            }
            TRIGGERS.forEach((name, definition) -> {
                if (!present.contains(name)) {
                    jdbc.sql("create constraint trigger " + name + " " + definition)
                            .update();
                }
            });
            jdbc.sql("delete from approval.dashboard_open_task").update();
            int rows = jdbc.sql("insert into " + COLUMNS + " " + OPEN_TASKS).update();
            log.info("Dashboard read model of open tasks installed: {} rows from the engine's open tasks", rows);
        });
    }
}
