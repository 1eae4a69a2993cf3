-- OpenID Connect sign-in to the console: a tenant's identity provider (a university's), and the sign-ins in flight.
-- A person signs in to the account of their tenant whose email the provider vouches for; no account is ever
-- created by a sign-in.

create table console_oidc_providers (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  -- Shown on the sign-in page's button ("兰州大学统一身份认证").
  label text not null,
  -- The provider's issuer: its discovery document is <issuer>/.well-known/openid-configuration.
  issuer text not null,
  client_id text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, issuer)
);

-- A sign-in between the redirect to the provider and its answer: the state names it (only its hash is stored),
-- the nonce must come back inside the ID token, and the PKCE verifier never leaves the server.
create table console_oidc_logins (
  state_hash text primary key,
  provider_id uuid not null references console_oidc_providers(id) on delete cascade,
  tenant_id uuid not null references tenants(id) on delete cascade,
  nonce text not null,
  code_verifier text not null,
  redirect_uri text not null,
  next_path text not null,
  expires_at timestamptz not null
);
create index console_oidc_logins_expiry on console_oidc_logins (expires_at);
