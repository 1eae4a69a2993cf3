-- People in control (issue 7): consent actors, the personalization switch and profile events, appeals and
-- human review, operator actions (kill switch, settings), the access log, and posting compliance findings.

-- The matching engine reads this switch on every request (Algorithmic Recommendation Provisions art. 17).
alter table graduates add column personalization_enabled boolean not null default true;

-- consents.actor holds the acting key id; the role is kept beside it so the history reads without the key.
alter table consents add column actor_role text not null default 'graduate';
-- Insertion order, so two events in the same millisecond still read in the order they happened.
alter table consents add column seq bigint generated always as identity;

-- Consent events are evidence: never rewritten. Rows go only when the graduate is erased.
create function consents_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'consents is append-only: record a new event instead of updating one';
end $$;
create trigger consents_no_update before update on consents for each row execute function consents_append_only();

-- Who changed what about a profile, and when (personalization switch, demographics erased, ...).
create table profile_events (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  kind text not null check (kind ~ '^[a-z_]+$'),
  detail jsonb not null default '{}'::jsonb,
  actor_key_id uuid not null,
  actor_role text not null,
  seq bigint generated always as identity,
  created_at timestamptz not null default now()
);
create index profile_events_graduate on profile_events (graduate_id, seq);

-- Appeals (a flagged recommendation) and requests for human review of an automated list.
create table reviews (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  kind text not null check (kind in ('flag', 'human_review')),
  impression_id uuid,
  posting_id uuid,
  list_id uuid,
  reason text check (reason in ('irrelevant', 'wrong_skills', 'unfair', 'other')),
  text text not null default '',
  status text not null default 'open' check (status in ('open', 'in_review', 'resolved')),
  assignee text,
  decision text check (decision in ('upheld', 'partly_upheld', 'not_upheld')),
  reply text,
  due_at timestamptz not null,
  decided_by uuid,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'flag') = (reason is not null)),
  check (kind <> 'flag' or impression_id is not null or posting_id is not null),
  check (kind <> 'human_review' or list_id is not null),
  check (status <> 'resolved' or (decision is not null and reply is not null))
);
create index reviews_tenant_queue on reviews (tenant_id, status, created_at, id);
create index reviews_graduate on reviews (graduate_id, created_at, id);

-- Every operator action on a tenant (AI ranking suspended/resumed, settings changed, postings approved).
create table operator_actions (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  action text not null check (action ~ '^[a-z_]+$'),
  reason text,
  detail jsonb not null default '{}'::jsonb,
  actor_key_id uuid not null,
  actor_role text not null,
  request_id text not null,
  created_at timestamptz not null default now()
);
create index operator_actions_tenant_time on operator_actions (tenant_id, created_at, id);

-- Reads of personal data by anyone but the person (profiles, exports, explanations, audit reports).
-- graduate_id names whose data was read, when it is one person's; it is pseudonymized on erasure.
create table access_log (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  actor_key_id uuid not null,
  actor_role text not null,
  action text not null check (action ~ '^[a-z_]+$'),
  subject_type text not null check (subject_type ~ '^[a-z_]+$'),
  subject_id text,
  graduate_id uuid,
  request_id text not null,
  created_at timestamptz not null default now()
);
create index access_log_tenant_time on access_log (tenant_id, created_at, id);
create index access_log_graduate on access_log (graduate_id, created_at, id);

-- Posting compliance: the lint's findings, and a hold that keeps a posting out of every list until a
-- career office approves it (status is forced to draft meanwhile; requested_status is restored on approval).
alter table job_postings add column compliance_findings jsonb not null default '[]'::jsonb;
alter table job_postings add column review_status text not null default 'none'
  check (review_status in ('none', 'held', 'approved', 'rejected'));
alter table job_postings add column requested_status text check (requested_status in ('draft', 'open', 'closed'));
alter table job_postings add column compliance_reviewed_by uuid;
alter table job_postings add column compliance_reviewed_at timestamptz;
alter table job_postings add column compliance_review_note text;
create index job_postings_tenant_review on job_postings (tenant_id, review_status);
