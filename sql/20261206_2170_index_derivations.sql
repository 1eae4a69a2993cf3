-- What the in-memory indexes derive from a row's text (a posting's features and BM25F analysis; a graduate's
-- features and analysed terms), stored beside the vectors so a start-up reads them in bulk instead of
-- analysing every row again. Keyed by the analyser's id; content_hash is the hash of the row's inputs, so a
-- row edited since is derived again. Graduate rows hold words of the profile: erasure deletes them.
create table index_derivations (
  entity_type text not null check (entity_type in ('posting', 'graduate')),
  entity_id uuid not null,
  tenant_id uuid not null references tenants(id) on delete cascade,
  analyzer text not null,
  content_hash text not null,
  derived text not null,
  updated_at timestamptz not null default now(),
  primary key (entity_type, entity_id, analyzer)
);
create index index_derivations_tenant on index_derivations (tenant_id, analyzer, entity_type);
