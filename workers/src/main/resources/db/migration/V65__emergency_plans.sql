-- SEC-08 一授权一预案: each agreement is governed by one emergency plan. The plan filed with the admission application
-- governs until the authority accepts an updated one; every updated plan the operator files is kept with its review,
-- so the agreement's plan history is these rows in the order they began to govern.
create table emergency_plan (
    id                  bigserial primary key,
    agreement_id        bigint not null references agreement (id),
    document_id         bigint not null references document (id),
    changes             text not null,
    status              varchar(12) not null check (status in ('IN_REVIEW', 'GOVERNING', 'SUPERSEDED', 'RETURNED')),
    filed_by            varchar(100) not null,
    filed_at            timestamptz not null,
    process_instance_id varchar(64),
    review_note         text,
    decided_by          varchar(200),
    decided_at          timestamptz,
    governs_from        timestamptz,
    governs_until       timestamptz
);

create unique index emergency_plan_one_governing on emergency_plan (agreement_id) where status = 'GOVERNING';
create unique index emergency_plan_one_in_review on emergency_plan (agreement_id) where status = 'IN_REVIEW';
