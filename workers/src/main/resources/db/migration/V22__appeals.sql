-- Appeals (申诉, APL-01, APL-02): a developer appeals to the authority against a recorded decision; one appeal per
-- decision. An upheld appeal re-runs the contested step in a new instance linked to the original.
create table appeal (
    id                  bigserial primary key,
    contested_subject   varchar(40) not null unique,
    contested_kind      varchar(20) not null check (contested_kind in ('DEVELOPER_REFUSAL')),
    contested_decision  text not null,
    jurisdiction        varchar(40) not null,
    appellant_code      varchar(18) not null,
    appellant_name      varchar(200) not null,
    grounds             text not null,
    filed_by            varchar(100) not null,
    filed_at            timestamptz not null,
    status              varchar(12) not null check (status in ('REGISTERED', 'UPHELD', 'DISMISSED')),
    material_requested  text,
    material            text,
    decision_reason     text,
    decided_by          varchar(100),
    decided_at          timestamptz,
    rerun_subject       varchar(40),
    process_instance_id varchar(64)
);
create index appeal_by_appellant on appeal (appellant_code, filed_at);

alter table developer_application add column appeal_of bigint references developer_application (id);
