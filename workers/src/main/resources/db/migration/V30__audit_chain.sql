-- The timeline becomes the audit log (存证溯源): every entry names who (name and unit), when, what and why, and holds
-- the hash of the entry before it. seq numbers the chain without gaps; the head row is locked by each append, so that
-- concurrent appends form one chain, and it remembers the last entry, so that removing the newest entries is seen too.
alter table timeline_event add column actor_unit varchar(200);
alter table timeline_event add column seq bigint;
alter table timeline_event add column prev_hash char(64);
alter table timeline_event add column hash char(64);

create table audit_chain_head (
    id   int primary key check (id = 1),
    seq  bigint not null,
    hash char(64) not null
);

-- The canonical form hashed, exactly as AuditChain writes it: each field as <characters>:<value>, "~" for none, joined
-- by "|"; the time as microseconds since the epoch.
create function audit_field(v text) returns text language sql immutable as
$$ select case when v is null then '~' else length(v)::text || ':' || v end $$;

create function audit_entry_hash(seq bigint, subject text, at timestamptz, title text, detail text, actor text,
                                 actor_unit text, dedupe_key text, prev_hash text) returns char(64)
    language sql immutable set search_path from current as
$$ select encode(sha256(convert_to(
       audit_field(seq::text) || '|' || audit_field(subject) || '|'
       || audit_field(trunc(extract(epoch from at) * 1000000)::bigint::text) || '|'
       || audit_field(title) || '|' || audit_field(detail) || '|' || audit_field(actor) || '|'
       || audit_field(actor_unit) || '|' || audit_field(dedupe_key) || '|' || audit_field(prev_hash), 'UTF8')), 'hex') $$;

-- Entries written before the chain are sealed in their order of writing; the first entry's predecessor is 64 zeros.
do $$
declare
    e record;
    n bigint := 0;
    prev char(64) := repeat('0', 64);
begin
    for e in select * from timeline_event order by id loop
        n := n + 1;
        update timeline_event
           set seq = n, prev_hash = prev,
               hash = audit_entry_hash(n, e.subject, e.at, e.title, e.detail, e.actor, e.actor_unit, e.dedupe_key, prev)
         where id = e.id
        returning hash into prev;
    end loop;
    insert into audit_chain_head (id, seq, hash) values (1, n, prev);
end $$;

alter table timeline_event alter column seq set not null;
alter table timeline_event alter column prev_hash set not null;
alter table timeline_event alter column hash set not null;
create unique index timeline_event_seq on timeline_event (seq);
