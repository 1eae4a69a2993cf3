import type { Kysely, Transaction } from 'kysely';
import { jsonb } from './jsonb.ts';
import type { AppRow, DB, IdentityProviderRow, SigningKeyRow } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewApp {
  id: string;
  tenantId: string;
  name: string;
  clientId: string;
  secretHash: string;
  scopes: readonly string[];
  now: Date;
}

export async function insertApp(db: Db, a: NewApp): Promise<AppRow> {
  return db
    .insertInto('apps')
    .values({
      id: a.id,
      tenant_id: a.tenantId,
      name: a.name,
      client_id: a.clientId,
      secret_hash: a.secretHash,
      scopes: jsonb(a.scopes),
      created_at: a.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listApps(db: Db, tenantId: string): Promise<AppRow[]> {
  return db
    .selectFrom('apps')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function findAppByClientId(db: Db, clientId: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export async function findApp(db: Db, tenantId: string, id: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function revokeApp(db: Db, tenantId: string, id: string, now: Date): Promise<AppRow | undefined> {
  return db
    .updateTable('apps')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function insertSigningKey(
  db: Db,
  k: { kid: string; publicJwk: object; privateJwk: object; now: Date },
): Promise<void> {
  await db
    .insertInto('signing_keys')
    .values({
      kid: k.kid,
      public_jwk: jsonb(k.publicJwk),
      private_jwk: jsonb(k.privateJwk),
      created_at: k.now,
    })
    .execute();
}

/** Signing keys created after `since`, newest first. */
export async function signingKeysSince(db: Db, since: Date): Promise<SigningKeyRow[]> {
  return db
    .selectFrom('signing_keys')
    .selectAll()
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .orderBy('kid')
    .execute();
}

export async function findSigningKey(db: Db, kid: string): Promise<SigningKeyRow | undefined> {
  return db.selectFrom('signing_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
}

export interface NewProvider {
  id: string;
  tenantId: string;
  issuer: string;
  audience: string;
  jwksUrl: string;
  claim: string;
  scopes: readonly string[];
  now: Date;
}

export async function insertProvider(db: Db, p: NewProvider): Promise<IdentityProviderRow> {
  return db
    .insertInto('identity_providers')
    .values({
      id: p.id,
      tenant_id: p.tenantId,
      issuer: p.issuer,
      audience: p.audience,
      jwks_url: p.jwksUrl,
      claim: p.claim,
      scopes: jsonb(p.scopes),
      created_at: p.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listProviders(db: Db, tenantId: string): Promise<IdentityProviderRow[]> {
  return db
    .selectFrom('identity_providers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findProviderByIssuer(
  db: Db,
  tenantId: string,
  issuer: string,
): Promise<IdentityProviderRow | undefined> {
  return db
    .selectFrom('identity_providers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('issuer', '=', issuer)
    .executeTakeFirst();
}

/** Every tenant's provider with this issuer (each tenant has its own audience). */
export async function providersByIssuer(db: Db, issuer: string): Promise<IdentityProviderRow[]> {
  return db.selectFrom('identity_providers').selectAll().where('issuer', '=', issuer).orderBy('created_at').execute();
}

export async function deleteProvider(db: Db, tenantId: string, id: string): Promise<IdentityProviderRow | undefined> {
  return db
    .deleteFrom('identity_providers')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
