-- Foundation: tenants, keys, graduates (+ separate demographics and consents), employers, postings.
-- Nested profile parts are jsonb: they are read and written whole with the profile.

create table tenants (
  id uuid primary key,
  name text not null,
  kind text not null check (kind in ('university', 'platform')),
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);

create table graduates (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  name text not null,
  email text,
  phone text,
  education jsonb not null default '[]'::jsonb,
  skills jsonb not null default '[]'::jsonb,
  languages jsonb not null default '[]'::jsonb,
  certificates jsonb not null default '[]'::jsonb,
  experiences jsonb not null default '[]'::jsonb,
  summary text not null default '',
  preferences jsonb not null default '{}'::jsonb,
  visibility text not null default 'employers' check (visibility in ('employers', 'career_office', 'private')),
  lang text not null default 'zh' check (lang in ('zh', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index graduates_tenant_created on graduates (tenant_id, created_at, id);

-- Protected attributes live apart from the profile; only the graduate and the audit job read them.
create table graduate_demographics (
  graduate_id uuid primary key references graduates(id) on delete cascade,
  tenant_id uuid not null references tenants(id) on delete cascade,
  gender text,
  ethnicity text,
  hukou_type text,
  region_of_origin text,
  disability text,
  birth_year integer,
  school_tier text,
  updated_at timestamptz not null default now()
);
create index graduate_demographics_tenant on graduate_demographics (tenant_id);

-- Append-only consent events; the current state of a purpose is its latest event.
create table consents (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  purpose text not null,
  granted boolean not null,
  text_version text not null,
  actor text not null,
  created_at timestamptz not null default now()
);
create index consents_graduate_purpose on consents (graduate_id, purpose, created_at desc);

create table employers (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  name text not null,
  industry text,
  city text,
  size text,
  website text,
  description text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index employers_tenant_created on employers (tenant_id, created_at, id);

create table job_postings (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  employer_id uuid not null references employers(id) on delete cascade,
  title text not null,
  description text not null,
  required_skills jsonb not null default '[]'::jsonb,
  preferred_skills jsonb not null default '[]'::jsonb,
  min_degree text not null check (min_degree in ('none', 'associate', 'bachelor', 'master', 'doctorate')),
  accepted_majors jsonb not null default '[]'::jsonb,
  locations text[] not null default '{}',
  remote boolean not null default false,
  job_type text not null check (job_type in ('full-time', 'internship', 'part-time')),
  salary_min integer,
  salary_max integer,
  headcount integer not null default 1,
  opens_at date,
  closes_at date,
  status text not null check (status in ('draft', 'open', 'closed')),
  lang text not null default 'zh' check (lang in ('zh', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (salary_min is null or salary_max is null or salary_min <= salary_max)
);
create index job_postings_tenant_created on job_postings (tenant_id, created_at, id);
create index job_postings_tenant_status on job_postings (tenant_id, status);
create index job_postings_employer on job_postings (employer_id);

create table api_keys (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  role text not null check (role in ('graduate', 'employer', 'career_office', 'auditor', 'admin')),
  graduate_id uuid references graduates(id) on delete cascade,
  employer_id uuid references employers(id) on delete cascade,
  key_hash text not null unique,
  prefix text not null,
  label text not null default '',
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((role = 'graduate') = (graduate_id is not null)),
  check ((role = 'employer') = (employer_id is not null))
);
create index api_keys_tenant on api_keys (tenant_id);
