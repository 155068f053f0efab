-- What the data-use requests, data-quality issues and risk reports of V4 need beside their tables.
-- Nothing has written these tables before this version, so new not-null columns need no default.

-- 数据需求申请: who asked (the operator or its partner on its behalf), and the provincial authority's reason per line.
-- A request's line is the scenario's demand line of the same number.
alter table data_use_request add column requester_role varchar(12) not null
    check (requester_role in ('OPERATOR', 'PARTNER'));
alter table data_use_request add constraint data_use_request_status
    check (status in ('IN_REVIEW', 'APPROVED', 'REFUSED', 'WITHDRAWN'));
create index data_use_request_by_operator on data_use_request (credit_code, submitted_at);
create index data_use_request_by_scenario on data_use_request (scenario_id);
alter table data_use_line add column province_reason text;

-- Access on the platform, looked up by operator and revoked by resource.
create index data_access_grant_by_operator on data_access_grant (credit_code, granted_at);
create index data_access_grant_by_resource on data_access_grant (resource_code) where revoked_at is null;

-- Data-quality issues: the jurisdiction whose profile sets the period, when the reminder is due, where the issue
-- stands, and how the provider resolved it.
alter table data_quality_issue add column jurisdiction varchar(40) not null;
alter table data_quality_issue add column remind_at timestamptz not null;
alter table data_quality_issue add column status varchar(12) not null
    check (status in ('OPEN', 'ESCALATED', 'ANSWERED'));
alter table data_quality_issue add column resolution varchar(12)
    check (resolution in ('FIXED', 'EXPLAINED'));
create index data_quality_issue_by_operator on data_quality_issue (credit_code, raised_at);
create index data_quality_issue_by_provider on data_quality_issue (provider_group, raised_at);

-- Risk reports: the reporting company's name (a report need not name a scenario), where a report stands, the
-- assessment's outcome and the departments the authority assessed it with.
alter table risk_report add column company_name varchar(200) not null;
alter table risk_report add column status varchar(12) not null check (status in ('REPORTED', 'CLOSED'));
alter table risk_report add column assessment_outcome varchar(12);
alter table risk_report add column departments text;
alter table risk_report add column closed_at timestamptz;
create index risk_report_by_operator on risk_report (credit_code, reported_at);
