-- Read model of the engine's open tasks for the managers' dashboards: one row per open task and candidate group ('' for
-- a task with no candidate group), as the dashboards count them, with what the charts and the drill-down show. Kept
-- current by triggers on the engine's runtime tables, which the application installs once the engine has created them
-- (DashboardOpenTasks); "due soon" and "overdue" depend on today, so they are classified at query time on the indexes.
-- Tasks of a suspended process instance are not open for the dashboards and are left out.
create table dashboard_open_task (
    task_id             varchar(64)  not null,
    grp                 varchar(255) not null,
    name                varchar(255),
    flow                varchar(255) not null,
    jurisdiction        text,
    business_key        varchar(255),
    process_instance_id varchar(64),
    -- the engine's own type (timestamp without time zone), so that comparisons with the clock are the engine's
    due                 timestamp
);

create index dashboard_open_task_by_group on dashboard_open_task (grp, due);
create index dashboard_open_task_by_jurisdiction on dashboard_open_task (jurisdiction, grp, due);
create index dashboard_open_task_by_due on dashboard_open_task (due);
create index dashboard_open_task_by_task on dashboard_open_task (task_id);
create index dashboard_open_task_by_instance on dashboard_open_task (process_instance_id);
