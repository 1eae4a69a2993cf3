-- The cohort, outcomes, supply-and-demand and forecast reads aggregated the tenant's graduates (a jsonb lateral
-- per row for the education entry), outcomes (latest per graduate), consents and every non-draft posting per
-- request: about a second each at 50,000 graduates and 200,000 postings. They read narrow facts instead, kept in
-- step by the same change log and refresh as the skill summaries (src/storage/skill-summary.repo.ts):
--   analytics_graduate_facts gains what those reads group by: degree, graduation year, profile parts filled, the
--     cities they would work in and whether they named any, their current outcome status, and their region of
--     origin and hukou type with whether their latest fairness_audit consent is granted;
--   a write to a graduate's outcomes, consents or demographics marks the graduate changed (statement triggers);
--   analytics_opening_facts: one row per non-draft posting (month opened, occupation, region of its first city,
--     headcount), summed per tenant, month, occupation and region in analytics_openings (what the forecast reads).

alter table analytics_graduate_facts
  add column degree text,
  add column year text,
  add column parts int not null default 0,
  add column cities text[] not null default '{}',
  add column places boolean not null default false,
  add column status text,
  add column origin_region text,
  add column hukou text,
  add column consented boolean not null default false;

create table analytics_opening_facts (
  posting_id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  month date not null,
  occupation text not null,
  region text,
  headcount int not null
);
create index analytics_opening_facts_tenant on analytics_opening_facts (tenant_id);

create table analytics_openings (
  tenant_id uuid not null references tenants (id) on delete cascade,
  month date not null,
  occupation text not null,
  region text,
  postings int not null,
  headcount int not null,
  unique nulls not distinct (tenant_id, month, occupation, region)
);

create or replace function bole_analytics_graduate_part_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into analytics_graduate_changes (graduate_id, tenant_id)
      select distinct graduate_id, tenant_id from old_rows on conflict do nothing;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into analytics_graduate_changes (graduate_id, tenant_id)
      select distinct graduate_id, tenant_id from new_rows on conflict do nothing;
  end if;
  return null;
end $$;

create trigger graduate_outcomes_analytics_insert after insert on graduate_outcomes
  referencing new table as new_rows for each statement execute function bole_analytics_graduate_part_changed();
create trigger graduate_outcomes_analytics_update after update on graduate_outcomes
  referencing old table as old_rows new table as new_rows
  for each statement execute function bole_analytics_graduate_part_changed();
create trigger graduate_outcomes_analytics_delete after delete on graduate_outcomes
  referencing old table as old_rows for each statement execute function bole_analytics_graduate_part_changed();

create trigger consents_analytics_insert after insert on consents
  referencing new table as new_rows for each statement execute function bole_analytics_graduate_part_changed();
create trigger consents_analytics_delete after delete on consents
  referencing old table as old_rows for each statement execute function bole_analytics_graduate_part_changed();

create trigger graduate_demographics_analytics_insert after insert on graduate_demographics
  referencing new table as new_rows for each statement execute function bole_analytics_graduate_part_changed();
create trigger graduate_demographics_analytics_update after update on graduate_demographics
  referencing old table as old_rows new table as new_rows
  for each statement execute function bole_analytics_graduate_part_changed();
create trigger graduate_demographics_analytics_delete after delete on graduate_demographics
  referencing old table as old_rows for each statement execute function bole_analytics_graduate_part_changed();

-- Every graduate's facts gain the new columns, and every posting its opening, at the next refresh.
insert into analytics_posting_changes (posting_id, tenant_id) select id, tenant_id from job_postings
  on conflict do nothing;
insert into analytics_graduate_changes (graduate_id, tenant_id) select id, tenant_id from graduates
  on conflict do nothing;
