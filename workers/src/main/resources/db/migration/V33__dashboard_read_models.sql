-- Read models of the managers' dashboards: every case of every flow in one shape, and outcomes per month. The engine's
-- own tables (open tasks, task history) are read by the dashboard queries directly; they are created after Flyway runs.
create view dashboard_case as
select 'admission'::varchar(30) as flow, id, 'ADM-' || id as subject, jurisdiction, company_name, status,
       process_instance_id, submitted_at, closed_at
from admission_application
union all
select 'scenario', id, 'SCN-' || id, jurisdiction, company_name, status, process_instance_id, submitted_at, closed_at
from scenario
union all
select 'product', id, 'PRD-' || id, jurisdiction, company_name, status, process_instance_id, submitted_at, closed_at
from product
union all
select 'data-use-request', d.id, 'DUR-' || d.id, d.jurisdiction, s.company_name, d.status, d.process_instance_id,
       d.submitted_at, d.closed_at
from data_use_request d join scenario s on s.id = d.scenario_id
union all
select 'exit', id, 'EXT-' || id, jurisdiction, company_name, status, process_instance_id, started_at, closed_at
from exit_case;

-- admitted, rejected (not admitted, 补正 missed, objection upheld), withdrawn, and operators that exited, per month
create view dashboard_outcome as
select jurisdiction, closed_at as at,
       case status when 'ADMITTED' then 'ADMITTED' when 'WITHDRAWN' then 'WITHDRAWN' else 'REJECTED' end as outcome
from admission_application
where closed_at is not null and status <> 'IN_REVIEW'
union all
select jurisdiction, closed_at, 'EXITED' from exit_case where status = 'EXITED' and closed_at is not null;

create index admission_by_submitted on admission_application (submitted_at);
create index admission_by_closed on admission_application (closed_at) where closed_at is not null;
create index scenario_by_submitted on scenario (submitted_at);
create index product_by_submitted on product (submitted_at);
create index data_use_by_submitted on data_use_request (submitted_at);
