-- Versions of the public algorithm disclosure (Algorithmic Recommendation Provisions art. 16). A new
-- version is written the first time a request sees a new version key (weights, embedder, operating
-- flags, wording), and rows are never changed, so an older disclosure can be read as it was served.

create table disclosures (
  -- 'public' for what anyone sees; a tenant id for a version whose operating flags (AI ranking
  -- suspended, re-ranking on, alert open) are that tenant's, so they are not shown to the public.
  scope text not null,
  version_key text not null,
  -- What the version was computed from: weights, embedder (id, kind, dimensions), flags, text version.
  input jsonb not null,
  -- The rendered document per language ({"zh": …, "en": …}), without any tenant's audit figures.
  content jsonb not null,
  created_at timestamptz not null default now(),
  primary key (scope, version_key)
);
create index disclosures_scope_created on disclosures (scope, created_at desc);
