-- Each operator's disclosure plan (DSC-01, DSC-06): what it discloses, how often and through which channel, per
-- agreement; and each disclosure it made under an item. The public site lists them and marks an item overdue when its
-- next disclosure (the last one, or the agreement's start, plus the frequency) has passed.
create table disclosure_plan_item (
    id               bigserial primary key,
    agreement_id     bigint not null references agreement (id),
    item             varchar(200) not null,
    frequency_months int not null check (frequency_months between 1 and 12),
    channel          varchar(200) not null,
    filed_at         timestamptz not null,
    unique (agreement_id, item)
);

create table plan_disclosure (
    id           bigserial primary key,
    plan_item_id bigint not null references disclosure_plan_item (id),
    disclosed_on date not null,
    content      text not null,
    filed_at     timestamptz not null
);
create index plan_disclosure_by_item on plan_disclosure (plan_item_id, disclosed_on desc);
