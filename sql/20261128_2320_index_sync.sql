-- Lets every serving process keep its in-memory posting index in step with the database: each write
-- to job_postings bumps the tenant's counter (one row to check per request), and deletions leave a
-- tombstone so a process that missed them can drop the rows. Triggers catch every code path.

-- No foreign keys here: the trigger also fires while a tenant's rows are being cascade-deleted.
create table tenant_postings_version (
  tenant_id uuid primary key,
  version bigint not null default 0
);

create table posting_tombstones (
  posting_id uuid primary key,
  tenant_id uuid not null,
  deleted_at timestamptz not null default clock_timestamp()
);
create index posting_tombstones_tenant_time on posting_tombstones (tenant_id, deleted_at);

create or replace function bole_bump_postings_version() returns trigger language plpgsql as $$
declare
  t uuid := coalesce(new.tenant_id, old.tenant_id);
begin
  if tg_op = 'DELETE' then
    insert into posting_tombstones (posting_id, tenant_id) values (old.id, old.tenant_id)
      on conflict (posting_id) do update set deleted_at = clock_timestamp();
  end if;
  insert into tenant_postings_version (tenant_id, version) values (t, 1)
    on conflict (tenant_id) do update set version = tenant_postings_version.version + 1;
  return null;
end $$;

create trigger job_postings_version after insert or update or delete on job_postings
  for each row execute function bole_bump_postings_version();

create index job_postings_tenant_updated on job_postings (tenant_id, updated_at);

-- Tags a graduate deleted (canonical skill ids or tag:<label>): never inferred or scored again.
alter table graduates add column suppressed_tags jsonb not null default '[]'::jsonb;
