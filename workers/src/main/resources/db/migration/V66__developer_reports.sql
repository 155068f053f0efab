-- DEV-07: the operator's periodic report on its developers to the authority is a third kind of evaluation record (a
-- report and the authority's review), started at the profile's cadence like the semi-annual security report.
alter table evaluation drop constraint evaluation_kind_check;
alter table evaluation add constraint evaluation_kind_check check (kind in ('ANNUAL', 'SECURITY', 'DEVELOPERS'));
