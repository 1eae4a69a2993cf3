-- Graduate outcomes (毕业去向): one record per graduate and date, written by the career office, by the
-- graduate, or by an import; the latest record of a graduate is their current outcome. Deleted with the
-- graduate (erasure) and exported with them.
create table graduate_outcomes (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  as_of date not null,
  status text not null check (status in ('employed', 'further_study', 'civil_service', 'entrepreneurship',
    'flexible', 'not_placed', 'not_seeking')),
  employer_name text,
  employer_id uuid references employers(id) on delete set null,
  occupation text,
  city text,
  industry text,
  salary_band text check (salary_band in ('lt5k', '5k-8k', '8k-12k', '12k-20k', '20k+')),
  job_type text check (job_type in ('full-time', 'internship', 'part-time')),
  source text not null check (source in ('career_office', 'graduate', 'import')),
  actor_key_id text,
  actor_role text not null check (actor_role in ('graduate', 'employer', 'career_office', 'auditor', 'admin', 'system')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (graduate_id, as_of),
  check (status = 'employed' or (employer_name is null and employer_id is null and occupation is null
    and city is null and industry is null and salary_band is null and job_type is null))
);
-- The latest record per graduate (distinct on graduate_id order by as_of desc) reads this index in order.
create index graduate_outcomes_tenant_graduate on graduate_outcomes (tenant_id, graduate_id, as_of desc, created_at desc);
