-- Imports: the caller's own ids on employers and postings (graduates have theirs since app tokens), so a file
-- from the career office's system upserts by them; and the runs of large imports, done by a BullMQ job.
alter table employers add column external_id text;
create unique index employers_tenant_external_id on employers (tenant_id, external_id) where external_id is not null;
alter table job_postings add column external_id text;
create unique index job_postings_tenant_external_id on job_postings (tenant_id, external_id) where external_id is not null;

-- The file is kept only until its job has read it (cleared when the run ends); the report lists counts and the
-- failing rows' columns with the reason.
create table import_runs (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  kind text not null check (kind in ('graduates', 'employers', 'postings', 'outcomes')),
  status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'rejected', 'failed')),
  dry_run boolean not null default false,
  options jsonb not null default '{}',
  file bytea,
  file_bytes integer not null default 0,
  progress integer not null default 0 check (progress between 0 and 100),
  report jsonb,
  failure_reason text,
  requested_by text not null,
  requested_role text not null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index import_runs_tenant_created on import_runs (tenant_id, created_at);
