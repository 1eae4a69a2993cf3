-- Audits: requested runs, the outbox that relays them to the queue, and the hash-chained reports.

create table audit_runs (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  source text not null check (source in ('impressions', 'upload')),
  status text not null check (status in ('queued', 'running', 'completed', 'failed')),
  -- Window, k, attributes, suppression floor: what the report was asked for.
  params jsonb not null,
  progress integer not null default 0 check (progress between 0 and 100),
  failure_reason text,
  requested_by text not null,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index audit_runs_tenant_created on audit_runs (tenant_id, created_at desc);

-- Transactional outbox: written with the run, relayed to the queue once (job id = run id).
create table audit_outbox (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  job_name text not null,
  job_id text not null unique,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  relayed_at timestamptz,
  relay_attempts integer not null default 0,
  last_error text
);
create index audit_outbox_pending on audit_outbox (created_at) where relayed_at is null;

-- One report per completed run. `body` is the canonical JSON text (sorted keys) that `sha256` hashes;
-- it embeds the predecessor's hash (per tenant, in `seq` order), so editing any report breaks the chain.
create table audit_reports (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  run_id uuid not null unique references audit_runs(id) on delete cascade,
  seq integer not null check (seq >= 1),
  body text not null,
  sha256 text not null,
  prev_sha256 text,
  created_at timestamptz not null default now(),
  unique (tenant_id, seq)
);

-- The audit walks candidate lists in (list_id, rank) order, page by page, for one tenant.
create index impressions_tenant_kind_list on impressions (tenant_id, list_kind, list_id, rank);
