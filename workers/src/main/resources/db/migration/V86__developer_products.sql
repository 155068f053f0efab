-- 003 (咸宁): an admitted developer of an operator may submit a data product under one of the operator's scenarios;
-- the operator does the product's out-of-domain compliance review (出域合规审核, PRD-02) as a step that passes or
-- refuses with a reason, and the developer may appeal a refusal (APL-01). An upheld appeal after the refused review
-- has ended re-runs it as a new product review linked to the refused one.
alter table product add column developer_credit_code varchar(18);
alter table product add column developer_name varchar(200);
alter table product add column operator_review_passed boolean;
alter table product add column operator_review_reason text;
alter table product add column operator_reviewed_by varchar(100);
alter table product add column operator_reviewed_at timestamptz;
alter table product add column appeal_of bigint references product (id);
create index product_by_developer on product (developer_credit_code) where developer_credit_code is not null;

alter table appeal drop constraint appeal_contested_kind_check;
alter table appeal add constraint appeal_contested_kind_check
    check (contested_kind in ('DEVELOPER_REFUSAL', 'DATA_USE_REFUSAL', 'SUPPLY_OBJECTION', 'PRODUCT_REFUSAL'));
