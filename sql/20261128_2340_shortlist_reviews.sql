-- A candidate list an employer takes away is an automated product until a person has reviewed it
-- (PIPL art. 24 ¶3; GDPR art. 22): one row per served list that a person reviewed.
create table shortlist_reviews (
  list_id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  posting_id uuid not null,
  reviewer_key_id uuid not null,
  reviewer_role text not null,
  note text not null,
  reviewed_at timestamptz not null default now()
);
create index shortlist_reviews_tenant on shortlist_reviews (tenant_id, reviewed_at);
