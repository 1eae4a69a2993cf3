-- Résumé drafts: what Bole read from an uploaded résumé, waiting for the graduate to confirm (or edit)
-- before anything reaches the profile. The draft (contact details, education, experience, skills with
-- their sentences) is the graduate's own and is exported and deleted with them. The file itself is kept
-- only when the graduate asked for it, one per graduate, in resume_files; staff can read it, employers never.
create table resume_drafts (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null references graduates(id) on delete cascade,
  status text not null check (status in ('pending', 'confirmed')),
  file_name text,
  media_type text not null check (media_type in ('application/pdf', 'text/plain',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size_bytes integer not null check (size_bytes > 0),
  content_sha256 text not null,
  draft jsonb not null,
  applied_fields text[],
  uploaded_by_role text not null check (uploaded_by_role in ('graduate', 'career_office', 'admin')),
  created_at timestamptz not null,
  confirmed_at timestamptz
);
create index resume_drafts_graduate on resume_drafts (tenant_id, graduate_id, created_at);

create table resume_files (
  graduate_id uuid primary key references graduates(id) on delete cascade,
  tenant_id uuid not null references tenants(id) on delete cascade,
  draft_id uuid,
  file_name text,
  media_type text not null,
  size_bytes integer not null,
  content bytea not null,
  created_at timestamptz not null
);
