-- The catalog per jurisdiction, and what scenarios (一场景一审核) and products (数据产品和服务审核) need.

-- Every provider unit and every resource belongs to one jurisdiction; the first batch is 景德镇's (seed 002, annex 1).
alter table provider_unit add column jurisdiction varchar(40) not null default 'jingdezhen';
alter table provider_unit alter column jurisdiction drop default;

alter table catalog_resource add column jurisdiction varchar(40) not null default 'jingdezhen';
alter table catalog_resource alter column jurisdiction drop default;
-- 分级: 1 (lowest sensitivity) to 4; the annex states no grade, so the first batch starts at 2 until a provider regrades it
alter table catalog_resource add column grade int not null default 2 check (grade between 1 and 4);
-- 省回流数据 (CAT-15): data the province returned on demand; using it needs the provincial authority's consent (SCN-09)
alter table catalog_resource add column province_returned boolean not null default false;
alter table catalog_resource add column description text;
alter table catalog_resource add column updated_at timestamptz not null default now();

-- Every change an authority makes to the catalog, with who, when and why (the catalog's timeline).
create table catalog_change (
    id            bigserial primary key,
    resource_code varchar(60) not null references catalog_resource (code),
    at            timestamptz not null,
    actor         varchar(100) not null,
    what          varchar(200) not null,
    reason        text
);
create index catalog_change_by_resource on catalog_change (resource_code, at);

-- First-batch products the seeds name (CAT-16): 景德镇 annex 2 (14 products in 6 domains) and 咸宁's first batch.
create table reference_product (
    id           serial primary key,
    jurisdiction varchar(40) not null,
    domain       varchar(60) not null,
    name         varchar(200) not null,
    source       varchar(200) not null,
    unique (jurisdiction, name)
);
insert into reference_product (jurisdiction, domain, name, source) values
('jingdezhen', '金融服务', '个人信用画像', '景德镇实施方案附件2'),
('jingdezhen', '金融服务', '企业信贷辅助评估产品', '景德镇实施方案附件2'),
('jingdezhen', '金融服务', '普惠金融服务', '景德镇实施方案附件2'),
('jingdezhen', '交通运输', '货运路线优化服务', '景德镇实施方案附件2'),
('jingdezhen', '交通运输', '出行便民查询服务', '景德镇实施方案附件2'),
('jingdezhen', '交通运输', '充电桩选址服务', '景德镇实施方案附件2'),
('jingdezhen', '医疗健康', '医疗救助对象识别服务', '景德镇实施方案附件2'),
('jingdezhen', '医疗健康', '医疗服务质量监管服务', '景德镇实施方案附件2'),
('jingdezhen', '城市治理', '市政管护监测服务', '景德镇实施方案附件2'),
('jingdezhen', '城市治理', '小区管理辅助服务', '景德镇实施方案附件2'),
('jingdezhen', '城市治理', '房地产开发智能化分析服务', '景德镇实施方案附件2'),
('jingdezhen', '文化旅游', '瓷都游定制服务产品', '景德镇实施方案附件2'),
('jingdezhen', '文化旅游', '民宿酒店引流服务', '景德镇实施方案附件2'),
('jingdezhen', '产业运行', '陶瓷设计共享服务', '景德镇实施方案附件2'),
('xianning', '住房公积金', '住房公积金信贷', '咸宁实施方案三（二）首批数据产品和服务'),
('xianning', '金融', '健康商业保险核保理赔', '咸宁实施方案三（二）首批数据产品和服务'),
('xianning', '卫生医疗', '医疗领域网络获客渠道综合价值分析数据集', '咸宁实施方案三（二）首批数据产品和服务'),
('xianning', '交通运输', '智慧停车动静态数据集', '咸宁实施方案三（二）首批数据产品和服务'),
('xianning', '金融', '金融业务风险分析预警模型', '咸宁实施方案三（二）首批数据产品和服务'),
('xianning', '文化旅游', '文旅数据集', '咸宁实施方案三（二）首批数据产品和服务');

-- Timelines of every kind of subject (ADM-1, SCN-3, PRD-7 …), not only of admission applications.
alter table timeline_event add column subject varchar(40);
update timeline_event set subject = 'ADM-' || application_id;
alter table timeline_event alter column subject set not null;
drop index timeline_by_application;
alter table timeline_event drop column application_id;
create index timeline_by_subject on timeline_event (subject, at);

-- Review opinions of every flow, by subject; an opinion may judge each criterion of the announcement (ADM-07).
alter table review_opinion add column subject varchar(40);
update review_opinion set subject = 'ADM-' || application_id;
alter table review_opinion alter column subject set not null;
alter table review_opinion drop column application_id;
create index review_opinion_by_subject on review_opinion (subject);
create table review_criterion (
    task_id      varchar(64) not null references review_opinion (task_id),
    criterion_no int not null,
    criterion    text not null,
    met          boolean not null,
    note         text,
    primary key (task_id, criterion_no)
);

-- ADM-07: an announcement lists its review criteria one by one.
create table announcement_criterion (
    announcement_id bigint not null references announcement (id),
    criterion_no    int not null,
    criterion       text not null,
    primary key (announcement_id, criterion_no)
);
insert into announcement_criterion (announcement_id, criterion_no, criterion)
select id, 1, criteria from announcement;
alter table announcement drop column criteria;

-- CAT-03: a requested resource enters the granted scope only with its provider's consent.
alter table application_resource add column consent varchar(10) not null default 'PENDING'
    check (consent in ('PENDING', 'CONSENTED', 'REFUSED'));
update application_resource r set consent = 'CONSENTED'
from admission_application a where a.id = r.admission_application_id and a.status = 'ADMITTED';

-- 一场景一审核: one scenario, one demand list, one review (SCN-01 … SCN-12).
create table scenario (
    id                       bigserial primary key,
    jurisdiction             varchar(40) not null,
    credit_code              varchar(18) not null,
    company_name             varchar(200) not null,
    agreement_id             bigint references agreement (id),
    admission_application_id bigint references admission_application (id),
    submitted_by             varchar(100) not null,
    submitter_role           varchar(12) not null check (submitter_role in ('OPERATOR', 'PARTNER', 'PROVIDER')),
    proposer_group           varchar(60),
    name                     varchar(200) not null,
    domain                   varchar(60) not null,
    purpose                  varchar(16) not null check (purpose in ('PUBLIC_WELFARE', 'INDUSTRY')),
    construction_plan        text not null,
    risk_assessment          text not null,
    security_measures        text not null,
    status                   varchar(20) not null,
    outcome_reason           text,
    process_instance_id      varchar(64),
    submitted_at             timestamptz not null,
    closed_at                timestamptz,
    published_at             timestamptz,
    version                  int not null default 0
);
create index scenario_by_operator on scenario (credit_code, submitted_at);

create table scenario_line (
    scenario_id      bigint not null references scenario (id),
    line_no          int not null,
    resource_code    varchar(60) not null references catalog_resource (code),
    fields           text not null,
    usage            varchar(20) not null,
    frequency        varchar(12) not null,
    period_from      date not null,
    period_to        date not null,
    provider_consent varchar(10) not null default 'PENDING' check (provider_consent in ('PENDING', 'CONSENTED', 'REFUSED')),
    provider_reason  text,
    province_consent varchar(10) check (province_consent in ('PENDING', 'CONSENTED', 'REFUSED')),
    province_reason  text,
    suspended_reason text,
    primary key (scenario_id, line_no)
);
create index scenario_line_by_resource on scenario_line (resource_code);

-- 数据需求申请 (SCN-08): the actual data use under an approved scenario.
create table data_use_request (
    id                  bigserial primary key,
    scenario_id         bigint not null references scenario (id),
    jurisdiction        varchar(40) not null,
    credit_code         varchar(18) not null,
    requested_by        varchar(100) not null,
    purpose             text not null,
    period_from         date not null,
    period_to           date not null,
    status              varchar(20) not null,
    outcome_reason      text,
    process_instance_id varchar(64),
    submitted_at        timestamptz not null,
    closed_at           timestamptz,
    version             int not null default 0
);
create table data_use_line (
    request_id       bigint not null references data_use_request (id),
    line_no          int not null,
    resource_code    varchar(60) not null references catalog_resource (code),
    provider_consent varchar(10) not null default 'PENDING' check (provider_consent in ('PENDING', 'CONSENTED', 'REFUSED')),
    provider_reason  text,
    province_consent varchar(10) check (province_consent in ('PENDING', 'CONSENTED', 'REFUSED')),
    primary key (request_id, line_no)
);
-- Data access actually granted on the platform; revoked when a resource is prohibited or the operator leaves.
create table data_access_grant (
    id            bigserial primary key,
    request_id    bigint not null references data_use_request (id),
    resource_code varchar(60) not null references catalog_resource (code),
    credit_code   varchar(18) not null,
    granted_at    timestamptz not null,
    revoked_at    timestamptz,
    revoke_reason text,
    unique (request_id, resource_code)
);

-- CAT-06: a data-quality issue raised against a demand line, answered by its provider within the profile's period.
create table data_quality_issue (
    id                  bigserial primary key,
    scenario_id         bigint not null references scenario (id),
    line_no             int not null,
    resource_code       varchar(60) not null references catalog_resource (code),
    provider_group      varchar(60) not null,
    credit_code         varchar(18) not null,
    description         text not null,
    raised_by           varchar(100) not null,
    raised_at           timestamptz not null,
    due_at              timestamptz not null,
    reminded_at         timestamptz,
    escalated_at        timestamptz,
    answer              text,
    answered_by         varchar(100),
    answered_at         timestamptz,
    process_instance_id varchar(64)
);

-- SCN-10: a risk the operator finds while handling data requests, reported to the authority at once.
create table risk_report (
    id                  bigserial primary key,
    jurisdiction        varchar(40) not null,
    credit_code         varchar(18) not null,
    scenario_id         bigint references scenario (id),
    description         text not null,
    measures            text not null,
    found_on            date not null,
    reported_by         varchar(100) not null,
    reported_at         timestamptz not null,
    assessment          text,
    assessed_by         varchar(100),
    assessed_at         timestamptz,
    process_instance_id varchar(64)
);

-- 数据产品和服务 (PRD-01 … PRD-10) and their prices (PRC-01 … PRC-08).
create table product (
    id                     bigserial primary key,
    scenario_id            bigint not null references scenario (id),
    jurisdiction           varchar(40) not null,
    credit_code            varchar(18) not null,
    company_name           varchar(200) not null,
    submitted_by           varchar(100) not null,
    name                   varchar(200) not null,
    kind                   varchar(12) not null check (kind in ('DATASET', 'API', 'MODEL', 'REPORT', 'APPLICATION')),
    description            text not null,
    development_plan       text not null,
    ai_based               boolean not null,
    ai_assessment          text,
    purpose                varchar(16) not null check (purpose in ('PUBLIC_WELFARE', 'INDUSTRY')),
    fee_yuan               numeric(14, 2) not null check (fee_yuan >= 0),
    fee_unit               varchar(20) not null,
    expected_yearly_volume bigint not null check (expected_yearly_volume > 0),
    compliance_review      text not null,
    compliance_reviewer    varchar(60) not null,
    filing_no              varchar(60),
    registration_no        varchar(60),
    registration_platform  varchar(200),
    status                 varchar(20) not null,
    outcome_reason         text,
    process_instance_id    varchar(64),
    submitted_at           timestamptz not null,
    listed_at              timestamptz,
    closed_at              timestamptz,
    version                int not null default 0
);
create index product_by_operator on product (credit_code, submitted_at);
create table product_resource (
    product_id    bigint not null references product (id),
    resource_code varchar(60) not null references catalog_resource (code),
    primary key (product_id, resource_code)
);
create index product_resource_by_resource on product_resource (resource_code);
create table product_cost_item (
    product_id  bigint not null references product (id),
    item_no     int not null,
    item        varchar(24) not null,
    amount_yuan numeric(14, 2) not null check (amount_yuan >= 0),
    note        varchar(200),
    primary key (product_id, item_no)
);

-- PRC-03/PRC-04: the price authority's ceiling per product category for one operator, within its maximum allowed revenue.
create table price_ceiling (
    jurisdiction varchar(40) not null,
    credit_code  varchar(18) not null,
    category     varchar(12) not null,
    ceiling_yuan numeric(14, 2) not null check (ceiling_yuan >= 0),
    basis        text not null,
    set_by       varchar(100) not null,
    set_at       timestamptz not null,
    primary key (jurisdiction, credit_code, category)
);
