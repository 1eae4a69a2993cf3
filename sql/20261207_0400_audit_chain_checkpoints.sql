-- Where GET /v1/audits/verify got to in each tenant's audit chain, so one check costs the links added since the
-- last one plus a bounded window of older links, not the whole chain: `seq` and `sha256` name the last link that
-- verified (a later check first confirms that link is still there with that hash), `sweep_seq` the last link the
-- rotating re-verification of older links reached (0: the next window starts at link 1), `full_pass_at` when that
-- sweep last covered the whole chain. Tenant data only (hashes and positions): nothing here names a person.
create table audit_chain_checkpoints (
  tenant_id uuid primary key references tenants(id) on delete cascade,
  seq integer not null check (seq >= 1),
  sha256 text not null,
  verified_at timestamptz not null,
  sweep_seq integer not null default 0 check (sweep_seq >= 0),
  full_pass_at timestamptz
);
