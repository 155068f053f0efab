-- The operator's lifecycle after admission: the agreement's states and their history, the permissions' history,
-- renewals, evaluations with their reports, rectifications, inspections, exits, the revenue ledger.

-- Every change of the platform permissions (open, suspend, restore, close), with its cause, actor and time.
create table platform_permission_change (
    id             bigserial primary key,
    application_id bigint not null references admission_application (id),
    from_status    varchar(12),
    to_status      varchar(12) not null check (to_status in ('OPEN', 'SUSPENDED', 'CLOSED')),
    cause          text not null,
    actor          varchar(100) not null,
    at             timestamptz not null,
    dedupe_key     varchar(300) not null unique
);
create index platform_permission_change_by_application on platform_permission_change (application_id, at);
insert into platform_permission_change (application_id, from_status, to_status, cause, actor, at, dedupe_key)
select application_id, null, status, '准入：开通平台使用权限（迁移前的记录）', '系统', changed_at, 'migrated:' || id
from platform_permission;

-- The agreement's state (试运营 → 运营中 → 整改中 / 暂停 → 退出中 → 已退出, or 已由新协议接续 at expiry); empty until its
-- permissions are opened. Agreements recorded before this version take the state their permissions imply.
alter table agreement add column state varchar(12)
    check (state in ('TRIAL', 'OPERATING', 'RECTIFYING', 'SUSPENDED', 'EXITING', 'EXITED', 'SUPERSEDED'));
alter table agreement add column state_since timestamptz;
-- The business targets (RECT-09) and the correction period (RECT-06) the agreement states, entered by the authority.
alter table agreement add column business_targets text;
alter table agreement add column rectification_days int check (rectification_days > 0);
-- The version of the jurisdiction's profile that governs the agreement's term (renewal, evaluation cadence).
alter table agreement add column profile_version int;
update agreement a set state = case p.status when 'OPEN' then 'OPERATING' when 'SUSPENDED' then 'SUSPENDED' else 'EXITED' end,
    state_since = p.changed_at
from platform_permission p where p.application_id = a.application_id;

create table agreement_state_change (
    id             bigserial primary key,
    agreement_id   bigint not null references agreement (id),
    from_state     varchar(12),
    to_state       varchar(12) not null,
    cause_subject  varchar(40) not null,
    cause          text not null,
    actor          varchar(100) not null,
    at             timestamptz not null,
    dedupe_key     varchar(300) not null unique
);
create index agreement_state_change_by_agreement on agreement_state_change (agreement_id, at);
insert into agreement_state_change (agreement_id, from_state, to_state, cause_subject, cause, actor, at, dedupe_key)
select id, null, state, 'ADM-' || application_id, '迁移前已开通平台使用权限', '系统', state_since, 'migrated:' || id
from agreement where state is not null;

-- ADM-19/ADM-20: a renewal application (001: reviewed, then re-signed) and what it changed.
create table agreement_renewal (
    id               bigserial primary key,
    agreement_id     bigint not null references agreement (id),
    applied_by       varchar(100) not null,
    applied_at       timestamptz not null,
    reason           text not null,
    status           varchar(12) not null check (status in ('IN_REVIEW', 'APPROVED', 'REFUSED', 'RESIGNED')),
    decision_reason  text,
    new_agreement_no varchar(60),
    old_ends_on      date not null,
    new_ends_on      date,
    decided_at       timestamptz
);
create unique index one_open_renewal_per_agreement on agreement_renewal (agreement_id) where status in ('IN_REVIEW', 'APPROVED');

-- The agreement-term flow of each agreement (授权运营期: trial end, evaluations, reports, renewal, expiry).
alter table agreement add column term_process_instance_id varchar(64);

-- 年度评估 and the semi-annual security report (EVAL-01 … EVAL-08): the operator's report and the authority's result.
create table evaluation (
    id                  bigserial primary key,
    agreement_id        bigint not null references agreement (id),
    jurisdiction        varchar(40) not null,
    credit_code         varchar(18) not null,
    company_name        varchar(200) not null,
    kind                varchar(10) not null check (kind in ('ANNUAL', 'SECURITY')),
    period_from         date not null,
    period_to           date not null,
    profile_version     int not null,
    status              varchar(16) not null
        check (status in ('AWAITING_REPORT', 'REPORT_FILED', 'REPORT_MISSING', 'CONCLUDED')),
    report_due          timestamptz not null,
    data_demand         text,
    data_use            text,
    benefits            text,
    security            text,
    revenue_yuan        numeric(16, 2) check (revenue_yuan >= 0),
    scenario_count      int check (scenario_count >= 0),
    product_count       int check (product_count >= 0),
    incident_count      int check (incident_count >= 0),
    drill_count         int check (drill_count >= 0),
    filed_by            varchar(100),
    filed_at            timestamptz,
    escalated_at        timestamptz,
    mode                varchar(12) check (mode in ('AUTHORITY', 'MEMBERS', 'THIRD_PARTY')),
    third_party         varchar(200),
    aspects             text,
    result              varchar(10) check (result in ('PASS', 'FAIL', 'RECTIFY', 'NOTED')),
    result_reason       text,
    concluded_by        varchar(100),
    concluded_at        timestamptz,
    process_instance_id varchar(64),
    unique (agreement_id, kind, period_from)
);
create index evaluation_by_operator on evaluation (credit_code, period_from);
create table evaluation_document (
    evaluation_id bigint not null references evaluation (id),
    document_id   bigint not null references document (id),
    primary key (evaluation_id, document_id)
);

-- 限期整改 (RECT-01 … RECT-09): the order with its problems and evidence, the plan, the report, the re-assessment.
create table rectification (
    id                  bigserial primary key,
    agreement_id        bigint not null references agreement (id),
    jurisdiction        varchar(40) not null,
    credit_code         varchar(18) not null,
    company_name        varchar(200) not null,
    trigger             varchar(16) not null check (trigger in ('BREACH', 'EVALUATION', 'TARGETS_MISSED', 'INSPECTION')),
    problems            text not null,
    evidence            text,
    ordered_by          varchar(100) not null,
    ordered_at          timestamptz not null,
    deadline            date not null,
    deadline_basis      text not null,
    suspended           boolean not null default false,
    profile_version     int not null,
    evaluation_id       bigint references evaluation (id),
    plan                text,
    plan_filed_at       timestamptz,
    report              text,
    report_filed_at     timestamptz,
    outcome             varchar(10) check (outcome in ('PASS', 'RECTIFY', 'FAIL', 'MISSED')),
    outcome_reason      text,
    assessed_by         varchar(100),
    status              varchar(10) not null check (status in ('OPEN', 'PASSED', 'FAILED')),
    closed_at           timestamptz,
    process_instance_id varchar(64)
);
create unique index one_open_rectification_per_agreement on rectification (agreement_id) where status = 'OPEN';
create index rectification_by_operator on rectification (credit_code, ordered_at);
create table rectification_document (
    rectification_id bigint not null references rectification (id),
    document_id      bigint not null references document (id),
    kind             varchar(10) not null check (kind in ('EVIDENCE', 'PLAN', 'REPORT')),
    primary key (rectification_id, document_id)
);

-- RECT-11: inspections by the authority and the departments, with their findings, per operator.
create table inspection (
    id               bigserial primary key,
    agreement_id     bigint not null references agreement (id),
    jurisdiction     varchar(40) not null,
    credit_code      varchar(18) not null,
    inspected_on     date not null,
    areas            text not null,
    findings         text not null,
    departments      text not null,
    inspected_by     varchar(100) not null,
    recorded_at      timestamptz not null,
    rectification_id bigint references rectification (id)
);
create index inspection_by_operator on inspection (credit_code, inspected_on);

-- 退出 (EXIT-01 … EXIT-12).
create table exit_case (
    id                    bigserial primary key,
    agreement_id          bigint not null references agreement (id),
    jurisdiction          varchar(40) not null,
    credit_code           varchar(18) not null,
    company_name          varchar(200) not null,
    trigger               varchar(20) not null check (trigger in
        ('EXPIRY', 'EARLY_TERMINATION', 'BREACH', 'TARGETS_MISSED', 'VIOLATION', 'EVALUATION_FAILED',
         'RECTIFICATION_FAILED', 'SECURITY_INCIDENT')),
    reason                text not null,
    evidence              text,
    source_subject        varchar(40),
    requested_by          varchar(100) not null,
    started_at            timestamptz not null,
    exit_date             date not null,
    liability_accepted    boolean,
    liability_statement   text,
    profile_version       int not null,
    previous_state        varchar(12),
    status                varchar(16) not null check (status in ('IN_PROGRESS', 'NOT_TERMINATED', 'EXITED')),
    proposal              text,
    decision              text,
    decided_by            varchar(100),
    plan_due              date,
    plan                  text,
    plan_filed_at         timestamptz,
    plan_late             boolean,
    permissions_closed_at timestamptz,
    products_delisted     int,
    deleted_by            varchar(100),
    deleted_at            timestamptz,
    deletion_note         text,
    deletion_document_id  bigint references document (id),
    deletion_sha256       char(64),
    deletion_confirmed_by varchar(100),
    deletion_confirmed_at timestamptz,
    log_kind              varchar(40),
    logs_kept_until       date,
    logs_released_at      timestamptz,
    handed_over_at        timestamptz,
    handover_note         text,
    closed_at             timestamptz,
    process_instance_id   varchar(64)
);
create unique index one_exit_per_agreement on exit_case (agreement_id) where status <> 'NOT_TERMINATED';
create index exit_by_operator on exit_case (credit_code, started_at);
create table exit_document (
    exit_id     bigint not null references exit_case (id),
    document_id bigint not null references document (id),
    kind        varchar(10) not null check (kind in ('EVIDENCE', 'PLAN', 'DELETION', 'HANDOVER')),
    primary key (exit_id, document_id)
);

-- The revenue ledger: what the operator reported per period (in its annual report) and each cap the price authority set.
create table revenue_report (
    id            bigserial primary key,
    agreement_id  bigint not null references agreement (id),
    period_from   date not null,
    period_to     date not null,
    revenue_yuan  numeric(16, 2) not null check (revenue_yuan >= 0),
    evaluation_id bigint references evaluation (id),
    reported_at   timestamptz not null,
    flagged_at    timestamptz,
    unique (agreement_id, period_from, period_to)
);
create table revenue_cap_change (
    id                  bigserial primary key,
    agreement_id        bigint not null references agreement (id),
    max_allowed_revenue numeric(16, 2) not null check (max_allowed_revenue >= 0),
    basis               text not null,
    effective_from      date not null,
    set_by              varchar(100) not null,
    set_at              timestamptz not null,
    dedupe_key          varchar(300) not null unique
);

-- Products and data-use requests ended because their operator exits (closed as ENDED with the reason).
alter table product drop constraint product_status;
alter table product add constraint product_status
    check (status in ('IN_REVIEW', 'LISTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'DELISTED', 'ENDED'));
alter table data_use_request drop constraint data_use_request_status;
alter table data_use_request add constraint data_use_request_status
    check (status in ('IN_REVIEW', 'APPROVED', 'REFUSED', 'WITHDRAWN', 'ENDED'));
