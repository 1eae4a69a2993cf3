-- Matching: fitted embedders, stored vectors, the impression log and what people did with it.

create table embedder_models (
  id text primary key,
  kind text not null check (kind in ('lsa', 'openai', 'onnx', 'workers-ai')),
  dimensions integer not null check (dimensions > 0),
  -- The fitted state for in-process embedders (LSA); null for remote providers.
  state jsonb,
  created_at timestamptz not null default now()
);

-- Small key-value settings of the deployment (e.g. the active embedder).
create table service_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

-- One vector per entity and embedder; float32 little-endian bytes work on every PostgreSQL.
create table embeddings (
  entity_type text not null check (entity_type in ('posting', 'graduate')),
  entity_id uuid not null,
  tenant_id uuid not null references tenants(id) on delete cascade,
  model_id text not null references embedder_models(id) on delete cascade,
  dims integer not null,
  vector bytea not null,
  content_hash text not null,
  updated_at timestamptz not null default now(),
  primary key (entity_type, entity_id, model_id)
);
create index embeddings_tenant_model on embeddings (tenant_id, model_id, entity_type);

-- Append-only log of every list served (principle 3): audits, appeals and "why did I see this" read it.
create table impressions (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  request_id text not null,
  list_id uuid not null,
  list_kind text not null check (list_kind in ('recommendations', 'candidates')),
  viewer_role text not null,
  viewer_id uuid,
  -- recommendations: subject = the graduate, item = a posting; candidates: subject = the posting, item = a graduate.
  graduate_id uuid not null,
  posting_id uuid not null,
  rank integer not null check (rank >= 1),
  score double precision not null,
  components jsonb not null,
  model_version text not null,
  embedder_id text not null,
  personalized boolean not null,
  reranked boolean not null default false,
  created_at timestamptz not null default now()
);
create index impressions_tenant_time on impressions (tenant_id, created_at);
create index impressions_graduate on impressions (graduate_id, created_at);
create index impressions_list on impressions (list_id, rank);

create table interactions (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  graduate_id uuid not null,
  posting_id uuid not null,
  impression_id uuid,
  type text not null check (type in ('view', 'save', 'apply', 'dismiss', 'interview', 'offer', 'hire')),
  reason text,
  actor_role text not null,
  occurred_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index interactions_tenant_time on interactions (tenant_id, occurred_at);
create index interactions_graduate on interactions (graduate_id, type);

-- pgvector where the extension exists (PGlite, managed PostgreSQL); Debian's PostgreSQL 15 here has none.
-- The column has no fixed dimension, so the HNSW index is on a cast, per dimension the service uses.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'vector') then
    execute 'create extension if not exists vector';
    execute 'alter table embeddings add column embedding vector';
    execute 'create index embeddings_hnsw_256 on embeddings using hnsw ((embedding::vector(256)) vector_cosine_ops) where dims = 256 and entity_type = ''posting''';
  end if;
end $$;
