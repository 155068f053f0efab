-- Appeals against a refused data-use request (003, APL-01) and supply-and-demand objections against a provider's
-- refusal of a data-use line (004, APL-04) go through the same appeal flow. An upheld one re-runs the contested review:
-- in the refused request's own instance while it still waits, otherwise in a new request linked to the refused one.
alter table appeal drop constraint appeal_contested_kind_check;
alter table appeal add constraint appeal_contested_kind_check
    check (contested_kind in ('DEVELOPER_REFUSAL', 'DATA_USE_REFUSAL', 'SUPPLY_OBJECTION'));

alter table data_use_request add column appeal_of bigint references data_use_request (id);
