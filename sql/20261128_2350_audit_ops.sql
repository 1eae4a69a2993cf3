-- Audit operations: which scheduled cron tick produced which run, the alerts an audit raises, and every
-- webhook delivery attempt for an alert.

-- One row per (tenant, cron tick) that produced a run: the primary key makes a tick run at most once,
-- whether it came from the BullMQ job scheduler or from the catch-up check at worker start.
create table audit_schedule_runs (
  tenant_id uuid not null references tenants(id) on delete cascade,
  tick_at timestamptz not null,
  run_id uuid not null references audit_runs(id) on delete cascade,
  origin text not null check (origin in ('scheduler', 'catch-up')),
  created_at timestamptz not null default now(),
  primary key (tenant_id, tick_at)
);

-- Alerts raised by a completed audit. Aggregates only (grouping, group label, figures): never a person.
create table audit_alerts (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  run_id uuid not null references audit_runs(id) on delete cascade,
  kind text not null check (kind in ('adverse_impact', 'exposure_disparity')),
  grouping text not null,
  group_label text not null,
  metric text not null,
  figures jsonb not null,
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  note text,
  status_by text,
  status_at timestamptz,
  created_at timestamptz not null default now(),
  -- Re-evaluating a run (a retried job) finds the same alerts and adds none.
  unique (run_id, kind, grouping, group_label, metric)
);
create index audit_alerts_tenant_created on audit_alerts (tenant_id, created_at desc);
create index audit_alerts_tenant_unresolved on audit_alerts (tenant_id) where status <> 'resolved';

-- Every attempt to call the tenant's webhook for an alert: HTTP status or the network error.
create table alert_deliveries (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  alert_id uuid not null references audit_alerts(id) on delete cascade,
  attempt integer not null check (attempt >= 1),
  url text not null,
  status_code integer,
  error text,
  duration_ms integer not null,
  created_at timestamptz not null default now()
);
create index alert_deliveries_alert on alert_deliveries (alert_id, created_at);
