-- Security incidents (SEC-04, SEC-13) on the risk report, the operator's security file, drills and risk assessments
-- (SEC-06).

-- SEC-04: the full report follows the first report by its due day; the assessment may start an exit or a rectification
-- and refer the case to 网信 and 公安.
alter table risk_report add column full_report_due date;
alter table risk_report add column full_report text;
alter table risk_report add column full_report_filed_at timestamptz;
alter table risk_report add column referred boolean not null default false;
alter table risk_report add column exit_id bigint;
alter table risk_report add column rectification_id bigint;

-- SEC-13: what is recorded on an operator's file: referrals to the competent departments and their handling.
create table operator_security_record (
    id           bigserial primary key,
    jurisdiction varchar(40) not null,
    credit_code  varchar(18) not null,
    kind         varchar(20) not null check (kind in ('REFERRAL', 'DEPARTMENT_HANDLING')),
    subject      varchar(40) not null,
    summary      text not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz not null,
    dedupe_key   varchar(300) not null unique
);
create index operator_security_record_by_operator on operator_security_record (credit_code, recorded_at);

-- SEC-06: the operator's emergency drills and data-security risk assessments with their dates.
create table security_exercise (
    id           bigserial primary key,
    jurisdiction varchar(40) not null,
    credit_code  varchar(18) not null,
    kind         varchar(20) not null check (kind in ('DRILL', 'RISK_ASSESSMENT')),
    held_on      date not null,
    summary      text not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz not null
);
create index security_exercise_by_operator on security_exercise (credit_code, jurisdiction, held_on);
