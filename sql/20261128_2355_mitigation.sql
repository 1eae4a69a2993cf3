-- Fairness-aware re-ranking (issue 6 part 3): one row per candidate list the post-processing step
-- re-ordered. Ids and hybrid scores only, never a demographic value: the audit joins the CONSENTED
-- demographics in force when it runs, so a withdrawn consent also leaves the before/after figures.
create table rerank_log (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  list_id uuid not null,
  posting_id uuid not null,
  request_id text not null,
  method text not null check (method in ('det_const_sort', 'fa_ir')),
  attribute text not null,
  -- The settings in force (k, target shares or protected groups, p, alpha) and derived values (m-table).
  params jsonb not null,
  -- Graduate ids in score order (before) and as served (after), with their hybrid scores, same length.
  before_ids jsonb not null,
  before_scores jsonb not null,
  after_ids jsonb not null,
  after_scores jsonb not null,
  -- How many scored graduates the re-ranker could draw from.
  considered integer not null,
  prefix_ok boolean not null,
  -- prefixViolations of the served list against its minimum counts (empty when prefix_ok).
  violations jsonb not null,
  created_at timestamptz not null default now()
);
create index rerank_log_tenant_time on rerank_log (tenant_id, created_at);
create unique index rerank_log_list on rerank_log (list_id);
