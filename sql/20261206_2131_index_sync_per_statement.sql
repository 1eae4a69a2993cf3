-- The index-sync triggers (20261128_2320, 20261206_0823) ran once per row: a 500-row import batch
-- called a function 500 times and updated its tenant's counter row 500 times in one transaction (each
-- update a new version of the same row). The serving indexes only compare the counter for equality, so
-- one bump per statement and tenant is enough; the change marks and tombstones stay one per row, written
-- by one statement. A statement that touched no row bumps nothing.

drop trigger job_postings_version on job_postings;

create or replace function bole_postings_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into posting_tombstones (posting_id, tenant_id) select id, tenant_id from old_rows
      on conflict (posting_id) do update set deleted_at = clock_timestamp();
    insert into tenant_postings_version (tenant_id, version) select distinct tenant_id, 1 from old_rows
      on conflict (tenant_id) do update set version = tenant_postings_version.version + 1;
  else
    insert into tenant_postings_version (tenant_id, version) select distinct tenant_id, 1 from new_rows
      on conflict (tenant_id) do update set version = tenant_postings_version.version + 1;
  end if;
  return null;
end $$;

create trigger job_postings_version_insert after insert on job_postings
  referencing new table as new_rows for each statement execute function bole_postings_changed();
create trigger job_postings_version_update after update on job_postings
  referencing new table as new_rows for each statement execute function bole_postings_changed();
create trigger job_postings_version_delete after delete on job_postings
  referencing old table as old_rows for each statement execute function bole_postings_changed();

drop trigger graduates_index_version on graduates;

create or replace function bole_graduates_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into graduate_index_changes (graduate_id, tenant_id, deleted) select id, tenant_id, true from old_rows
      on conflict (graduate_id) do update set changed_at = clock_timestamp(), deleted = true;
    insert into tenant_graduates_version (tenant_id, version) select distinct tenant_id, 1 from old_rows
      on conflict (tenant_id) do update set version = tenant_graduates_version.version + 1;
  else
    insert into graduate_index_changes (graduate_id, tenant_id, deleted) select id, tenant_id, false from new_rows
      on conflict (graduate_id) do update
        set changed_at = clock_timestamp(), deleted = graduate_index_changes.deleted;
    insert into tenant_graduates_version (tenant_id, version) select distinct tenant_id, 1 from new_rows
      on conflict (tenant_id) do update set version = tenant_graduates_version.version + 1;
  end if;
  return null;
end $$;

create trigger graduates_index_version_insert after insert on graduates
  referencing new table as new_rows for each statement execute function bole_graduates_changed();
create trigger graduates_index_version_update after update on graduates
  referencing new table as new_rows for each statement execute function bole_graduates_changed();
create trigger graduates_index_version_delete after delete on graduates
  referencing old table as old_rows for each statement execute function bole_graduates_changed();
