-- Applications: a graduate saves or applies to a posting, the posting's employer moves it along. One row
-- per graduate and posting (applying twice changes nothing); every status change is kept in
-- application_events with its time and actor. Both are the graduate's own and are deleted with them; the
-- funnel the audit reads lives in interactions, which stay under the pseudonym.
create table applications (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  posting_id uuid not null references job_postings(id) on delete cascade,
  impression_id uuid,
  status text not null check (status in ('saved', 'applied', 'interviewing', 'offer', 'hired', 'rejected', 'withdrawn')),
  applied_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (graduate_id, posting_id)
);
create index applications_tenant_posting on applications (tenant_id, posting_id, applied_at);

create table application_events (
  id uuid primary key,
  -- Order of the changes even when two share a timestamp.
  seq bigint generated always as identity,
  tenant_id uuid not null references tenants(id) on delete cascade,
  application_id uuid not null references applications(id) on delete cascade,
  graduate_id uuid not null,
  from_status text check (from_status in ('saved', 'applied', 'interviewing', 'offer', 'hired', 'rejected', 'withdrawn')),
  to_status text not null check (to_status in ('saved', 'applied', 'interviewing', 'offer', 'hired', 'rejected', 'withdrawn')),
  reason text,
  actor_role text not null check (actor_role in ('graduate', 'employer', 'career_office', 'auditor', 'admin', 'system')),
  actor_key_id text not null,
  interaction_id uuid,
  occurred_at timestamptz not null
);
create index application_events_application on application_events (application_id, seq);
create index application_events_graduate on application_events (tenant_id, graduate_id);
