-- SEC-08: the authority and the security members each review an updated emergency plan; both must accept it. One
-- opinion per reviewer and plan; the plan's review_note then carries both opinions.
create table emergency_plan_review (
    plan_id     bigint not null references emergency_plan (id),
    reviewer    varchar(20) not null check (reviewer in ('AUTHORITY', 'SECURITY_MEMBERS')),
    accepts     boolean not null,
    note        text not null,
    reviewed_by varchar(100) not null,
    reviewed_at timestamptz not null,
    primary key (plan_id, reviewer)
);
