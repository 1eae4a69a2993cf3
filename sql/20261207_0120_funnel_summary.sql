-- The cohort's funnel grouped every interaction of the tenant per request (135,000 at full size: about 0.4 s of the
-- request on the loaded machine). These tables keep the funnel instead, folded in by the analytics refresh
-- (src/storage/skill-summary.repo.ts) from a change log the triggers below fill:
--   analytics_interaction_changes: +1 per interaction inserted, -1 per interaction deleted, both for an update (the
--     erasure's pseudonym replaces the graduate id), per statement;
--   analytics_funnel_pairs: events per tenant, type, graduate and posting (the graduate id follows the interactions'
--     pseudonym on erasure);
--   analytics_funnel: per tenant and type, events, distinct graduates and distinct (graduate, posting) pairs.

create table analytics_interaction_changes (
  seq bigint generated always as identity primary key,
  tenant_id uuid not null,
  type text not null,
  graduate_id uuid not null,
  posting_id uuid not null,
  delta int not null
);
create index analytics_interaction_changes_tenant on analytics_interaction_changes (tenant_id);

create table analytics_funnel_pairs (
  tenant_id uuid not null references tenants (id) on delete cascade,
  type text not null,
  graduate_id uuid not null,
  posting_id uuid not null,
  events int not null,
  primary key (tenant_id, type, graduate_id, posting_id)
);

create table analytics_funnel (
  tenant_id uuid not null references tenants (id) on delete cascade,
  type text not null,
  events int not null,
  graduates int not null,
  pairs int not null,
  primary key (tenant_id, type)
);

create or replace function bole_analytics_interaction_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into analytics_interaction_changes (tenant_id, type, graduate_id, posting_id, delta)
      select tenant_id, type, graduate_id, posting_id, -count(*) from old_rows group by 1, 2, 3, 4;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into analytics_interaction_changes (tenant_id, type, graduate_id, posting_id, delta)
      select tenant_id, type, graduate_id, posting_id, count(*) from new_rows group by 1, 2, 3, 4;
  end if;
  return null;
end $$;

create trigger interactions_analytics_insert after insert on interactions
  referencing new table as new_rows for each statement execute function bole_analytics_interaction_changed();
create trigger interactions_analytics_update after update on interactions
  referencing old table as old_rows new table as new_rows
  for each statement execute function bole_analytics_interaction_changed();
create trigger interactions_analytics_delete after delete on interactions
  referencing old table as old_rows for each statement execute function bole_analytics_interaction_changed();

-- What exists already is counted by the next refresh.
insert into analytics_interaction_changes (tenant_id, type, graduate_id, posting_id, delta)
  select tenant_id, type, graduate_id, posting_id, count(*) from interactions group by 1, 2, 3, 4;
