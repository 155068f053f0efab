-- Policy profiles as versioned data: version 1 of each jurisdiction is policy/profiles.yaml as released; every edit by
-- the authority adds a version with the whole profile, who changed what and why. A version never changes.
create table policy_profile_version (
    jurisdiction varchar(40) not null,
    version      int not null check (version > 0),
    settings     text not null,
    changed      text,
    reason       text not null,
    changed_by   varchar(100) not null,
    changed_at   timestamptz not null,
    primary key (jurisdiction, version)
);
