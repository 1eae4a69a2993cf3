-- People who sign in to the console (career office, auditors, admins), beside the API keys machines use.
-- Both resolve to the same principal; a person's user id stands where a key id would in every log.

create table users (
  id uuid primary key,
  tenant_id uuid not null references tenants(id) on delete cascade,
  email text not null,
  display_name text not null,
  role text not null check (role in ('career_office', 'auditor', 'admin')),
  -- A career office member who may decide reviews and appeals.
  reviewer boolean not null default false,
  -- pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>: the cost travels with the hash, so it can rise later.
  password_hash text not null,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
-- One account per email across tenants: the sign-in form asks for an email, not a tenant.
create unique index users_email on users (lower(email));
create index users_tenant on users (tenant_id);

-- A signed-in session: only the SHA-256 of the cookie's token is stored; the CSRF token is per session.
create table user_sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  tenant_id uuid not null references tenants(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_sessions_user on user_sessions (user_id);
