-- Official notices (受理, 补正, decisions, rectification, exit) with their document numbers (文号): one sequence per
-- jurisdiction and year, each number given once. A notice is keyed like the in-app notice it goes with, so a repeated
-- delivery of the same external task finds its notice and number and allocates none.
create table document_number_sequence (
    jurisdiction varchar(40) not null,
    year         int not null,
    last_number  int not null default 0,
    primary key (jurisdiction, year)
);

create table official_notice (
    id              bigserial primary key,
    dedupe_key      varchar(300) not null unique,
    jurisdiction    varchar(40) not null,
    year            int not null,
    number          int not null check (number > 0),
    document_number varchar(40) not null unique,
    kind            varchar(20) not null
        check (kind in ('ACCEPTANCE', 'SUPPLEMENT', 'DECISION', 'RECTIFICATION', 'EXIT')),
    subject         varchar(40) not null,
    credit_code     varchar(18) not null,
    addressee       varchar(200) not null,
    title           varchar(300) not null,
    body            text not null,
    issuer          varchar(100) not null,
    issued_at       timestamptz not null,
    unique (jurisdiction, year, number)
);
create index official_notice_by_subject on official_notice (subject);
create index official_notice_by_company on official_notice (credit_code, issued_at desc);
