-- Developer onboarding (开发利用主体入驻, DEV-01 … DEV-10): the operator's partner rules and their consent by the
-- authority, provider units' recommendations, developers' applications with their staff, and the developer's platform
-- access, recorded as its permission.

-- DEV-01, DEV-02: an operator's partner conditions and onboarding/exit rules; in force once the authority consents.
create table developer_rules (
    id                  bigserial primary key,
    jurisdiction        varchar(40) not null,
    credit_code         varchar(18) not null,
    company_name        varchar(200) not null,
    partner_conditions  text not null,
    management_rules    text not null,
    submitted_by        varchar(100) not null,
    submitted_at        timestamptz not null,
    status              varchar(12) not null check (status in ('SUBMITTED', 'CONSENTED', 'REFUSED')),
    decision_note       text,
    decided_by          varchar(100),
    decided_at          timestamptz,
    process_instance_id varchar(64)
);
create index developer_rules_by_operator on developer_rules (credit_code, jurisdiction, id);

-- DEV-10: a data-provider unit recommends a partner to an operator.
create table developer_recommendation (
    id                    bigserial primary key,
    jurisdiction          varchar(40) not null,
    operator_credit_code  varchar(18) not null,
    developer_credit_code varchar(18) not null,
    developer_name        varchar(200) not null,
    reason                text not null,
    provider_group        varchar(60) not null,
    recommended_by        varchar(100) not null,
    recommended_at        timestamptz not null
);
create index developer_recommendation_by_pair on developer_recommendation (operator_credit_code, developer_credit_code);

-- A developer company's application to join an operator's platform (DEV-04, DEV-05, DEV-06).
create table developer_application (
    id                    bigserial primary key,
    rules_id              bigint not null references developer_rules (id),
    jurisdiction          varchar(40) not null,
    operator_credit_code  varchar(18) not null,
    operator_name         varchar(200) not null,
    developer_credit_code varchar(18) not null,
    developer_name        varchar(200) not null,
    capability            text not null,
    no_incident_declared  boolean not null check (no_incident_declared),
    submitted_by          varchar(100) not null,
    submitted_at          timestamptz not null,
    status                varchar(16) not null
        check (status in ('IN_REVIEW', 'REFUSED', 'APPROVED', 'SIGNED', 'ACCESS_OPEN', 'ENDED')),
    decision_reason       text,
    decided_by            varchar(100),
    decided_at            timestamptz,
    agreement_no          varchar(100),
    agreement_signed_on   date,
    agreement_ends_on     date,
    staff_filed_at        timestamptz,
    ended_reason          text,
    process_instance_id   varchar(64)
);
create index developer_application_by_operator on developer_application (operator_credit_code, submitted_at);
create index developer_application_by_developer on developer_application (developer_credit_code, submitted_at);
-- one application in progress or with access per developer and operator
create unique index developer_application_one_active on developer_application (operator_credit_code, developer_credit_code)
    where status not in ('REFUSED', 'ENDED');

-- DEV-08: each staff member, authenticated, filed and bound by a confidentiality agreement before any access.
create table developer_staff (
    id                        bigserial primary key,
    application_id            bigint not null references developer_application (id),
    position                  int not null,
    name                      varchar(100) not null,
    id_number_tail            varchar(4) not null,
    duty                      varchar(200) not null,
    identity_verified_at      timestamptz,
    confidentiality_signed_on date,
    filed_by                  varchar(100),
    unique (application_id, position)
);

-- DEV-09: the developer's platform access, to sampled and desensitised data only; closed when its access ends.
create table developer_permission (
    id                    bigserial primary key,
    application_id        bigint not null unique references developer_application (id),
    jurisdiction          varchar(40) not null,
    operator_credit_code  varchar(18) not null,
    developer_credit_code varchar(18) not null,
    data_scope            varchar(30) not null check (data_scope = 'SAMPLED_DESENSITISED'),
    opened_at             timestamptz not null,
    closed_at             timestamptz,
    close_reason          text
);
