-- Job fairs (双选会): booths, registrations with ranked booths, and assignment runs with their plans.
-- Times of day are minutes after midnight in the fair's own local time; the fair has one date.
create table job_fairs (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  name text not null,
  fair_date date not null,
  venue text not null,
  slot_minutes integer not null check (slot_minutes between 5 and 240),
  starts_minute integer not null check (starts_minute between 0 and 1440),
  ends_minute integer not null check (ends_minute between 0 and 1440 and ends_minute > starts_minute),
  breaks jsonb not null default '[]',
  max_interviews integer not null default 3 check (max_interviews >= 1),
  max_rankings integer not null default 5 check (max_rankings between 0 and 50),
  preference_weight double precision not null default 0.2 check (preference_weight >= 0 and preference_weight <= 1),
  published_run_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index job_fairs_tenant on job_fairs (tenant_id, created_at, id);

create table job_fair_booths (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  fair_id uuid not null references job_fairs(id) on delete cascade,
  employer_id uuid not null references employers(id) on delete cascade,
  room text not null,
  table_label text not null,
  interviewers integer not null check (interviewers >= 1),
  -- At most interviewers × usable slots; null: exactly that.
  capacity integer check (capacity >= 0),
  posting_ids jsonb not null default '[]',
  cancelled_at timestamptz,
  created_at timestamptz not null default now()
);
create index job_fair_booths_fair on job_fair_booths (tenant_id, fair_id, created_at, id);

create table job_fair_registrations (
  fair_id uuid not null references job_fairs(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  tenant_id uuid not null references tenants(id) on delete cascade,
  -- Booth ids, most wanted first.
  rankings jsonb not null default '[]',
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (fair_id, graduate_id)
);
create index job_fair_registrations_tenant on job_fair_registrations (tenant_id, fair_id);

-- One assignment run: requested (queued, through the audit outbox), computed by a BullMQ job, and
-- possibly published; `result` holds the plan (ids and numbers only: names are joined when rendered).
create table job_fair_runs (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  fair_id uuid not null references job_fairs(id) on delete cascade,
  mode text not null check (mode in ('optimal', 'stable')),
  params jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
  progress integer not null default 0 check (progress between 0 and 100),
  failure_reason text,
  result jsonb,
  revision integer not null default 0,
  published_at timestamptz,
  requested_by text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index job_fair_runs_fair on job_fair_runs (tenant_id, fair_id, created_at);

-- What each change after publication did (a cancellation and the interviews it removed and added).
create table job_fair_changes (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  run_id uuid not null references job_fair_runs(id) on delete cascade,
  revision integer not null,
  cancellation jsonb not null,
  changes jsonb not null,
  created_at timestamptz not null default now()
);
create index job_fair_changes_run on job_fair_changes (run_id, revision);
