-- GET /v1/analytics/skills unnested every open posting's and every graduate's skills (jsonb) per request:
-- seconds at 50,000 graduates and 200,000 postings. These tables keep the figures it aggregates
-- up to date instead, refreshed on read from a change log the triggers below fill
-- (src/storage/skill-summary.repo.ts):
--   *_changes: postings and graduates written since the last refresh (statement triggers, one insert
--     per statement, so bulk writes stay bulk);
--   analytics_posting_facts / analytics_graduate_facts: one narrow row per open posting and per
--     graduate with what the summaries counted of it (its groups and skill keys), so a change subtracts
--     exactly what it added before;
--   analytics_demand_* / analytics_supply_*: the sums per tenant, kind of grouping, group and skill,
--     read by the endpoints through their primary keys.

create table analytics_posting_changes (
  posting_id uuid primary key,
  tenant_id uuid not null
);
create index analytics_posting_changes_tenant on analytics_posting_changes (tenant_id);

create table analytics_graduate_changes (
  graduate_id uuid primary key,
  tenant_id uuid not null
);
create index analytics_graduate_changes_tenant on analytics_graduate_changes (tenant_id);

-- No foreign keys to the postings or graduates: a deleted one's row must survive until its share is
-- subtracted (erasing a graduate does that at once, see deleteGraduateRows).
create table analytics_posting_facts (
  posting_id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  headcount int not null,
  occupation text not null,
  regions text[] not null,
  cities text[] not null,
  majors text[] not null,
  required text[] not null,
  preferred text[] not null
);
create index analytics_posting_facts_tenant on analytics_posting_facts (tenant_id);

create table analytics_graduate_facts (
  graduate_id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  major text,
  regions text[] not null,
  declared text[] not null,
  inferred text[] not null
);
create index analytics_graduate_facts_tenant on analytics_graduate_facts (tenant_id);

-- kind: overall | occupation | region | city | major (a posting group, see postingGroups); grp null
-- for overall (and for graduates without a major).
create table analytics_demand_groups (
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null,
  grp text,
  postings int not null,
  headcount int not null,
  unique nulls not distinct (tenant_id, kind, grp)
);

create table analytics_demand_skills (
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null,
  grp text,
  skill text,
  required int not null,
  preferred int not null,
  required_headcount int not null,
  preferred_headcount int not null,
  unique nulls not distinct (tenant_id, kind, grp, skill)
);

create table analytics_supply_groups (
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null,
  grp text,
  graduates int not null,
  unique nulls not distinct (tenant_id, kind, grp)
);

create table analytics_supply_skills (
  tenant_id uuid not null references tenants (id) on delete cascade,
  kind text not null,
  grp text,
  skill text,
  declared int not null,
  inferred int not null,
  unique nulls not distinct (tenant_id, kind, grp, skill)
);

create or replace function bole_analytics_posting_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into analytics_posting_changes (posting_id, tenant_id)
      select distinct id, tenant_id from old_rows on conflict do nothing;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into analytics_posting_changes (posting_id, tenant_id)
      select distinct id, tenant_id from new_rows on conflict do nothing;
  end if;
  return null;
end $$;

create trigger job_postings_analytics_insert after insert on job_postings
  referencing new table as new_rows for each statement execute function bole_analytics_posting_changed();
create trigger job_postings_analytics_update after update on job_postings
  referencing old table as old_rows new table as new_rows
  for each statement execute function bole_analytics_posting_changed();
create trigger job_postings_analytics_delete after delete on job_postings
  referencing old table as old_rows for each statement execute function bole_analytics_posting_changed();

create or replace function bole_analytics_graduate_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into analytics_graduate_changes (graduate_id, tenant_id)
      select distinct id, tenant_id from old_rows on conflict do nothing;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into analytics_graduate_changes (graduate_id, tenant_id)
      select distinct id, tenant_id from new_rows on conflict do nothing;
  end if;
  return null;
end $$;

create trigger graduates_analytics_insert after insert on graduates
  referencing new table as new_rows for each statement execute function bole_analytics_graduate_changed();
create trigger graduates_analytics_update after update on graduates
  referencing old table as old_rows new table as new_rows
  for each statement execute function bole_analytics_graduate_changed();
create trigger graduates_analytics_delete after delete on graduates
  referencing old table as old_rows for each statement execute function bole_analytics_graduate_changed();

-- What exists already is counted by the first refresh.
insert into analytics_posting_changes (posting_id, tenant_id) select id, tenant_id from job_postings;
insert into analytics_graduate_changes (graduate_id, tenant_id) select id, tenant_id from graduates;
