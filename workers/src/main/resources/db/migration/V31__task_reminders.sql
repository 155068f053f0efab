-- Reminders before a reviewer's due date and the escalation when it passes: one row per task and threshold, written in
-- the transaction that sends the notices, so that restarts and several engine nodes remind exactly once.
create table task_reminder (
    task_id             varchar(64) not null,
    threshold           varchar(20) not null check (threshold in ('DUE_SOON', 'OVERDUE')),
    task_name           varchar(255),
    subject             varchar(40),
    jurisdiction        varchar(40),
    candidate_groups    varchar(500),
    process_instance_id varchar(64),
    due_at              timestamptz not null,
    sent_at             timestamptz not null,
    primary key (task_id, threshold)
);
create index task_reminder_overdue on task_reminder (threshold, sent_at);
