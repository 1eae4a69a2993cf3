-- Graduate-scoped tokens for apps, and tokens of a tenant's own identity provider (issue 22).

-- The id a tenant's app knows a graduate by; tokens name their subject by it.
alter table graduates add column external_id text;
create unique index graduates_tenant_external_id on graduates (tenant_id, external_id) where external_id is not null;

-- An app registered by a tenant: client id and the hash of its secret, and the scopes it may ask for.
create table apps (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  name text not null,
  client_id text not null unique,
  secret_hash text not null,
  scopes jsonb not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index apps_tenant on apps (tenant_id);

-- Keys that sign Bole's own tokens (ES256, as JWKs). A key signs for a day; its public half stays in
-- /.well-known/jwks.json for as long as a token it signed can live.
create table signing_keys (
  kid text primary key,
  public_jwk jsonb not null,
  private_jwk jsonb not null,
  created_at timestamptz not null default now()
);

-- A tenant's trusted identity provider: its tokens are accepted directly, the claim naming the graduate.
create table identity_providers (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  issuer text not null,
  audience text not null,
  jwks_url text not null,
  claim text not null,
  scopes jsonb not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, issuer)
);
create index identity_providers_issuer on identity_providers (issuer);
