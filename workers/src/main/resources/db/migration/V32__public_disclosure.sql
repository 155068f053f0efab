-- The public disclosure site: each publicity notice with its period, so that anyone can object to it by the notice
-- (the public cannot know an application's id), and a receipt number to follow an objection by.
create table publicity_notice (
    id             bigserial primary key,
    application_id bigint not null unique references admission_application (id),
    jurisdiction   varchar(40) not null,
    company_name   varchar(200) not null,
    title          varchar(200) not null,
    content        text not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null
);
create index publicity_notice_by_jurisdiction on publicity_notice (jurisdiction, starts_at desc);

alter table objection add column receipt_no varchar(30);
update objection set receipt_no = 'YY' || to_char(filed_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(id::text, 6, '0');
alter table objection alter column receipt_no set not null;
create unique index objection_receipt_no on objection (receipt_no);

-- an objection may carry one document (evidence), uploaded with it
alter table objection add column document_id bigint references document (id);
