-- When an evaluation opened: its report's due day counts from that day, and counts again from it once the holiday
-- schedule of a year the period ran through is entered. Evaluations opened before this column get the time the
-- timeline recorded their opening.
alter table evaluation add column opened_at timestamptz;
update evaluation e set opened_at = t.at
from timeline_event t
where t.dedupe_key = 'evaluation-opened:' || e.id;
