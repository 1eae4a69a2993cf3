-- Saved searches and the alerts they raise. A saved search is a graduate's query (q and the filters of
-- GET /v1/jobs/search) with a name and how often they want a digest; `checked_through` is the time up to
-- which changed postings were looked at, so each run takes only what is new. graduate_alerts is the
-- in-app feed: one row per saved search and posting (the unique key is what keeps an alert from being
-- raised twice); alert_digests are the webhook digests, each alert in at most one. All three are the
-- graduate's own and are deleted with them.
create table saved_searches (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  name text not null,
  query jsonb not null,
  frequency text not null check (frequency in ('daily', 'weekly', 'feed_only')),
  checked_through timestamptz not null,
  -- When the current query took effect: nothing changed before it is alerted, however far a pass looks back.
  alerts_from timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (graduate_id, name)
);
create index saved_searches_tenant on saved_searches (tenant_id, checked_through);

create table alert_digests (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  item_count integer not null,
  status text not null check (status in ('pending', 'delivered', 'failed', 'skipped')),
  attempts integer not null default 0,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz
);
create index alert_digests_graduate on alert_digests (tenant_id, graduate_id, created_at);

create table graduate_alerts (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  saved_search_id uuid not null references saved_searches(id) on delete cascade,
  posting_id uuid not null references job_postings(id) on delete cascade,
  impression_id uuid not null,
  score double precision not null,
  explanation text not null,
  digest_id uuid references alert_digests(id) on delete set null,
  created_at timestamptz not null,
  read_at timestamptz,
  dismissed_at timestamptz,
  unique (saved_search_id, posting_id)
);
create index graduate_alerts_feed on graduate_alerts (tenant_id, graduate_id, created_at desc, id);
create index graduate_alerts_undigested on graduate_alerts (tenant_id, graduate_id) where digest_id is null;

-- Which postings changed since a run: the alert job asks by tenant and updated_at
-- (job_postings_tenant_updated, from the index-sync migration).

-- An alert is a served list like any other: its impressions are recorded with list_kind 'alert'.
alter table impressions drop constraint if exists impressions_list_kind_check;
alter table impressions add constraint impressions_list_kind_check
  check (list_kind in ('recommendations', 'candidates', 'search', 'alert'));
