import type { Db } from './db.ts';
import type { ConsoleOidcLoginRow, ConsoleOidcProviderRow } from './schema.ts';

/** Tenants' identity providers for console sign-in, and the sign-ins waiting for the provider's answer. */

export async function upsertOidcProvider(
  db: Db,
  p: { id: string; tenantId: string; label: string; issuer: string; clientId: string; now: Date },
): Promise<ConsoleOidcProviderRow> {
  return db
    .insertInto('console_oidc_providers')
    .values({
      id: p.id,
      tenant_id: p.tenantId,
      label: p.label,
      issuer: p.issuer,
      client_id: p.clientId,
      created_at: p.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'issuer']).doUpdateSet({ label: p.label, client_id: p.clientId }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every tenant's providers, for the sign-in page's buttons (the page does not know the tenant yet). */
export async function listOidcProviders(db: Db): Promise<ConsoleOidcProviderRow[]> {
  return db.selectFrom('console_oidc_providers').selectAll().orderBy('label').orderBy('id').execute();
}

export async function findOidcProvider(db: Db, id: string): Promise<ConsoleOidcProviderRow | undefined> {
  return db.selectFrom('console_oidc_providers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOidcLogin(
  db: Db,
  l: {
    stateHash: string;
    providerId: string;
    tenantId: string;
    nonce: string;
    codeVerifier: string;
    redirectUri: string;
    nextPath: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('console_oidc_logins')
    .values({
      state_hash: l.stateHash,
      provider_id: l.providerId,
      tenant_id: l.tenantId,
      nonce: l.nonce,
      code_verifier: l.codeVerifier,
      redirect_uri: l.redirectUri,
      next_path: l.nextPath,
      expires_at: l.expiresAt,
    })
    .execute();
}

/** Takes a sign-in in flight (it is deleted: a state is good once), or undefined when unknown or expired. */
export async function takeOidcLogin(db: Db, stateHash: string, now: Date): Promise<ConsoleOidcLoginRow | undefined> {
  await db.deleteFrom('console_oidc_logins').where('expires_at', '<=', now).execute();
  return db.deleteFrom('console_oidc_logins').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
}
