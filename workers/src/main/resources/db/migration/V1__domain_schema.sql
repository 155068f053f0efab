-- Domain tables of the approval system. The engine keeps its own tables in schema public;
-- everything here lives in schema approval so that Flyway and the engine never compete.

create table calendar_day (
    day  date primary key,
    kind varchar(4) not null check (kind in ('REST', 'WORK')),
    note varchar(200) not null
);

create table calendar_year (
    year         int primary key,
    notice       varchar(200) not null,
    entered_at   timestamptz not null default now()
);

create table provider_unit (
    code     varchar(40) primary key,
    name     varchar(100) not null,
    group_id varchar(60) not null unique
);

create table catalog_resource (
    code           varchar(60) primary key,
    provider_code  varchar(40) not null references provider_unit (code),
    name           varchar(200) not null,
    open_condition varchar(12) not null check (open_condition in ('OPEN', 'CONDITIONAL', 'PROHIBITED'))
);

create table announcement (
    id                 bigserial primary key,
    jurisdiction       varchar(40) not null,
    title              varchar(200) not null,
    authorization_mode varchar(12) not null check (authorization_mode in ('WHOLE', 'DOMAIN', 'INDIVIDUAL')),
    scope              text not null,
    conditions         text not null,
    criteria           text not null,
    opens_on           date not null,
    deadline           date not null,
    published_at       timestamptz not null
);

create table announcement_resource (
    announcement_id bigint not null references announcement (id),
    resource_code   varchar(60) not null references catalog_resource (code),
    primary key (announcement_id, resource_code)
);

create table document (
    id           bigserial primary key,
    owner        varchar(40) not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    sha256       char(64) not null,
    content      bytea not null,
    uploaded_at  timestamptz not null
);

create table admission_application (
    id                  bigserial primary key,
    announcement_id     bigint not null references announcement (id),
    jurisdiction        varchar(40) not null,
    credit_code         varchar(18) not null,
    company_name        varchar(200) not null,
    legal_representative varchar(60) not null,
    principal           varchar(60) not null,
    business_lead       varchar(60) not null,
    security_lead       varchar(60) not null,
    contact_name        varchar(60) not null,
    contact_phone       varchar(30) not null,
    contact_email       varchar(200) not null,
    status              varchar(20) not null,
    outcome_reason      text,
    process_instance_id varchar(64),
    submitted_at        timestamptz not null,
    closed_at           timestamptz,
    version             int not null default 0
);
create unique index one_open_application_per_announcement
    on admission_application (announcement_id, credit_code) where status = 'IN_REVIEW';

create table application_plan_section (
    admission_application_id bigint not null references admission_application (id),
    section_no               int not null check (section_no between 1 and 8),
    content                  text not null,
    primary key (admission_application_id, section_no)
);

create table application_resource (
    admission_application_id bigint not null references admission_application (id),
    resource_code            varchar(60) not null references catalog_resource (code),
    primary key (admission_application_id, resource_code)
);

create table application_document (
    admission_application_id bigint not null references admission_application (id),
    document_id              bigint not null references document (id),
    kind                     varchar(20) not null check (kind in ('EMERGENCY_PLAN', 'QUALIFICATION', 'ANNEX')),
    primary key (admission_application_id, document_id)
);

create table timeline_event (
    id             bigserial primary key,
    application_id bigint not null references admission_application (id),
    at             timestamptz not null,
    title          varchar(200) not null,
    detail         text,
    actor          varchar(100),
    dedupe_key     varchar(200) unique
);
create index timeline_by_application on timeline_event (application_id, at);

create table objection (
    id             bigserial primary key,
    application_id bigint not null references admission_application (id),
    filed_at       timestamptz not null,
    filer_name     varchar(100) not null,
    filer_contact  varchar(200) not null,
    content        text not null
);

create table review_opinion (
    id             bigserial primary key,
    application_id bigint not null references admission_application (id),
    task_id        varchar(64) not null unique,
    step           varchar(60) not null,
    group_id       varchar(60),
    reviewer       varchar(100),
    decision       varchar(20) not null,
    reason         text,
    decided_at     timestamptz not null
);

create table notice (
    id          bigserial primary key,
    recipient   varchar(100) not null,
    dedupe_key  varchar(300) not null unique,
    title       varchar(200) not null,
    body        text not null,
    email_to    varchar(200),
    emailed_at  timestamptz,
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index notice_by_recipient on notice (recipient, created_at);

create table authorized_operator (
    jurisdiction  varchar(40) not null,
    credit_code   varchar(18) not null,
    company_name  varchar(200) not null,
    status        varchar(12) not null check (status in ('AUTHORIZED', 'SUSPENDED', 'EXITED')),
    since         timestamptz not null,
    primary key (jurisdiction, credit_code)
);

create table agreement (
    id             bigserial primary key,
    application_id bigint not null unique references admission_application (id),
    agreement_no   varchar(60) not null,
    jurisdiction   varchar(40) not null,
    credit_code    varchar(18) not null,
    scope          text not null,
    signed_on      date not null,
    trial_months   int not null,
    term_months    int not null,
    starts_on      date not null,
    ends_on        date not null,
    filing_no      varchar(60),
    recorded_at    timestamptz not null
);

create table platform_permission (
    id             bigserial primary key,
    application_id bigint not null unique references admission_application (id),
    jurisdiction   varchar(40) not null,
    credit_code    varchar(18) not null,
    status         varchar(12) not null check (status in ('OPEN', 'SUSPENDED', 'CLOSED')),
    changed_at     timestamptz not null
);

create table revenue_cap (
    id                  bigserial primary key,
    agreement_id        bigint not null unique references agreement (id),
    max_allowed_revenue numeric(16, 2) not null check (max_allowed_revenue >= 0),
    basis               text not null,
    period_start        date not null,
    period_end          date not null,
    recorded_at         timestamptz not null
);

create table disclosure_entry (
    id           bigserial primary key,
    dedupe_key   varchar(200) not null unique,
    jurisdiction varchar(40) not null,
    kind         varchar(30) not null,
    title        varchar(200) not null,
    content      text not null,
    published_at timestamptz not null
);
