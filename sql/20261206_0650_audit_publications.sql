-- Publishing an audit is a step of its own: a career office or auditor publishes a completed run, and only
-- published runs reach the public summary. Each publication is a link of the tenant's audit chain: it shares
-- the `seq` numbering and the predecessor hash with audit_reports (one chain over both tables, written under
-- the same per-tenant advisory lock), and its body names the report it publishes by hash.
create table audit_publications (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  run_id uuid not null unique references audit_runs(id) on delete cascade,
  report_id uuid not null references audit_reports(id) on delete cascade,
  seq integer not null check (seq >= 1),
  body text not null,
  sha256 text not null,
  prev_sha256 text,
  published_by text not null,
  published_role text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, seq)
);
create index audit_publications_tenant_seq on audit_publications (tenant_id, seq desc);
