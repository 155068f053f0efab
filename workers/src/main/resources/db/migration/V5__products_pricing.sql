-- 数据产品和服务审核 and its prices: what V4's product tables lacked for the flow.

-- Who submitted (the operator, or its partner on its behalf), what the product hands out, and each step's record.
alter table product add column submitter_role varchar(12) not null default 'OPERATOR'
    check (submitter_role in ('OPERATOR', 'PARTNER'));
alter table product alter column submitter_role drop default;
alter table product add column deliverable text not null default '';
alter table product alter column deliverable drop default;
alter table product add column filed_at timestamptz;
alter table product add column registered_at timestamptz;
alter table product add column delisted_at timestamptz;
alter table product add column delisting_reason text;
alter table product add constraint product_status
    check (status in ('IN_REVIEW', 'LISTED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'DELISTED'));
create index product_by_scenario on product (scenario_id);

-- Every ceiling the price authority sets or changes, with its basis, who and when (price_ceiling keeps the current one).
create table price_ceiling_change (
    id           bigserial primary key,
    jurisdiction varchar(40) not null,
    credit_code  varchar(18) not null,
    category     varchar(12) not null,
    ceiling_yuan numeric(14, 2) not null check (ceiling_yuan >= 0),
    basis        text not null,
    set_by       varchar(100) not null,
    set_at       timestamptz not null
);
create index price_ceiling_change_by_operator on price_ceiling_change (jurisdiction, credit_code, category, set_at);
