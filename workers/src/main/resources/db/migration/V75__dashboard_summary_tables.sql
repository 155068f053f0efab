-- Summary tables of the managers' dashboards, kept current by statement-level triggers in the transaction that changes a
-- case: the dashboards sum a few thousand rows per year instead of aggregating a million cases per request. Days are
-- Beijing dates, as the dashboards' periods are. Durations are kept as a histogram on a logarithmic scale (bucket
-- round(100 * ln(1 + minutes))), so a median or 90th percentile is within 1 % of the exact one while counts stay exact.

-- cases per day of submission (started_at for an exit), flow, jurisdiction and current state
create table dashboard_submitted_day (
    day          date        not null,
    flow         varchar(30) not null,
    jurisdiction text        not null,
    status       text        not null,
    n            bigint      not null,
    primary key (day, flow, jurisdiction, status)
);

-- closed cases per day of closing, flow, jurisdiction, final state and lead time (submitted to closed)
create table dashboard_closed_day (
    day          date        not null,
    flow         varchar(30) not null,
    jurisdiction text        not null,
    status       text        not null,
    lead_bucket  integer     not null,
    n            bigint      not null,
    primary key (day, flow, jurisdiction, status, lead_bucket)
);

-- completed user tasks per day of completion, flow, step, jurisdiction and duration; filled from the engine's task
-- history by a trigger the application installs once the engine has created its tables (DashboardStepHistory)
create table dashboard_step_day (
    day             date         not null,
    flow            varchar(255) not null,
    step            varchar(255) not null,
    jurisdiction    text         not null,
    duration_bucket integer      not null,
    name            varchar(255),
    n               bigint       not null,
    primary key (day, flow, step, jurisdiction, duration_bucket)
);

create function duration_bucket(seconds double precision) returns integer
    language sql immutable as
$$ select round(100 * ln(1 + greatest(seconds, 0) / 60.0))::integer $$;

-- tg_argv: the flow's name, the column of its start; rows whose state, jurisdiction, start or end change move between
-- summary rows (the old one less one, the new one plus one), so an update of any other column changes nothing
create function dashboard_case_changed() returns trigger
    language plpgsql as
$$
declare
    started text := tg_argv[1];
    changed text;
begin
    changed := case tg_op
        when 'INSERT' then format('select jurisdiction, %1$I as started, status, closed_at, 1 as d from new_rows', started)
        when 'DELETE' then format('select jurisdiction, %1$I as started, status, closed_at, -1 as d from old_rows', started)
        else format('select jurisdiction, %1$I as started, status, closed_at, 1 as d from new_rows'
                    ' union all select jurisdiction, %1$I, status, closed_at, -1 from old_rows', started)
        end;
    execute format($q$
        insert into approval.dashboard_submitted_day as s (day, flow, jurisdiction, status, n)
        select (started at time zone 'Asia/Shanghai')::date, %1$L, jurisdiction, status, sum(d)
        from (%2$s) r where started is not null
        group by 1, 3, 4 having sum(d) <> 0 order by 1, 3, 4
        on conflict (day, flow, jurisdiction, status) do update set n = s.n + excluded.n$q$, tg_argv[0], changed);
    execute format($q$
        insert into approval.dashboard_closed_day as s (day, flow, jurisdiction, status, lead_bucket, n)
        select (closed_at at time zone 'Asia/Shanghai')::date, %1$L, jurisdiction, status,
               approval.duration_bucket(extract(epoch from closed_at - started)), sum(d)
        from (%2$s) r where closed_at is not null and started is not null
        group by 1, 3, 4, 5 having sum(d) <> 0 order by 1, 3, 4, 5
        on conflict (day, flow, jurisdiction, status, lead_bucket) do update set n = s.n + excluded.n$q$,
        tg_argv[0], changed);
    return null;
end
$$;

create procedure dashboard_case_triggers(tab text, flow text, started text)
    language plpgsql as
$$
begin
    execute format('create trigger %1$s_dashboard_inserted after insert on approval.%1$I referencing new table as new_rows'
                   ' for each statement execute function approval.dashboard_case_changed(%2$L, %3$L)', tab, flow, started);
    execute format('create trigger %1$s_dashboard_updated after update on approval.%1$I'
                   ' referencing old table as old_rows new table as new_rows'
                   ' for each statement execute function approval.dashboard_case_changed(%2$L, %3$L)', tab, flow, started);
    execute format('create trigger %1$s_dashboard_deleted after delete on approval.%1$I referencing old table as old_rows'
                   ' for each statement execute function approval.dashboard_case_changed(%2$L, %3$L)', tab, flow, started);
end
$$;

call dashboard_case_triggers('admission_application', 'admission', 'submitted_at');
call dashboard_case_triggers('scenario', 'scenario', 'submitted_at');
call dashboard_case_triggers('product', 'product', 'submitted_at');
call dashboard_case_triggers('data_use_request', 'data-use-request', 'submitted_at');
call dashboard_case_triggers('exit_case', 'exit', 'started_at');
drop procedure dashboard_case_triggers;

-- the cases already there
insert into dashboard_submitted_day (day, flow, jurisdiction, status, n)
select (submitted_at at time zone 'Asia/Shanghai')::date, flow, jurisdiction, status, count(*)
from dashboard_case where submitted_at is not null
group by 1, 2, 3, 4;

insert into dashboard_closed_day (day, flow, jurisdiction, status, lead_bucket, n)
select (closed_at at time zone 'Asia/Shanghai')::date, flow, jurisdiction, status,
       duration_bucket(extract(epoch from closed_at - submitted_at)), count(*)
from dashboard_case where closed_at is not null and submitted_at is not null
group by 1, 2, 3, 4, 5;
