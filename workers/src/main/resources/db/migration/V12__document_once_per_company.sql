-- A company's same file (same SHA-256) is stored once: uploading it again answers the first copy.
-- Copies stored before this rule are merged into their first copy: an application that listed two copies keeps one
-- row (its emergency plan first), then every reference points to the first copy and the other copies go.
create temporary table document_first on commit drop as
select id, min(id) over (partition by owner, sha256) as first_id
from document;

delete from application_document ad
using (
    select ad2.admission_application_id, ad2.document_id,
           row_number() over (
               partition by ad2.admission_application_id, f.first_id
               order by (ad2.kind = 'EMERGENCY_PLAN') desc, ad2.document_id) as n
    from application_document ad2
    join document_first f on f.id = ad2.document_id
) ranked
where ranked.n > 1
  and ad.admission_application_id = ranked.admission_application_id
  and ad.document_id = ranked.document_id;

update application_document ad
set document_id = f.first_id
from document_first f
where ad.document_id = f.id
  and f.id <> f.first_id;

delete from document d
using document_first f
where d.id = f.id
  and f.id <> f.first_id;

create unique index document_owner_sha256 on document (owner, sha256);
