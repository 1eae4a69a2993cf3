import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import * as repo from '../../storage/identity.repo.ts';
import type { Database } from '../../storage/db.ts';
import type { KeySealer } from './sealing.ts';

export const TOKEN_ALG = 'ES256';
/** Tokens live at most this long. */
export const MAX_TOKEN_SECONDS = 3600;
/** A signing key signs for a day, then a new one takes over. */
const SIGNS_FOR_MS = 24 * 3600_000;
/** Published while a token it signed may still be alive (plus a margin for clock skew). */
const PUBLISHED_FOR_MS = SIGNS_FOR_MS + MAX_TOKEN_SECONDS * 1000 + 5 * 60_000;

/**
 * The key to sign with now: the newest one if it is less than a day old, else a fresh ES256 pair. The
 * private half is kept in the database (every Node process and Worker signs with the same keys), sealed
 * with SECRETS_KEY when a sealer is given (./sealing.ts), so a copy of the database alone cannot sign.
 * Two processes rotating at once both add a key; both are published, so either's tokens verify.
 */
export async function currentSigningKey(
  database: Database,
  now: Date,
  sealer?: KeySealer,
): Promise<{ kid: string; key: CryptoKey }> {
  const [newest] = await repo.signingKeysSince(database.db, new Date(now.getTime() - SIGNS_FOR_MS));
  if (newest) {
    const jwk = sealer ? await sealer.open(newest.private_jwk) : newest.private_jwk;
    return { kid: newest.kid, key: await importPrivate(jwk) };
  }
  const pair = await generateKeyPair(TOKEN_ALG, { extractable: true });
  const kid = crypto.randomUUID();
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: TOKEN_ALG, use: 'sig' };
  const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg: TOKEN_ALG };
  const stored = sealer ? await sealer.seal(privateJwk) : privateJwk;
  await repo.insertSigningKey(database.db, { kid, publicJwk, privateJwk: stored, now });
  return { kid, key: pair.privateKey };
}

const parse = (v: unknown): JWK => (typeof v === 'string' ? JSON.parse(v) : v) as JWK;

async function importPrivate(jwk: unknown): Promise<CryptoKey> {
  const key = await importJWK(parse(jwk), TOKEN_ALG);
  if (key instanceof Uint8Array) throw new Error('a signing key must be an EC key');
  return key;
}

/** The public keys of /.well-known/jwks.json: every key a live token may have been signed with. */
export async function publishedKeys(database: Database, now: Date): Promise<{ keys: JWK[] }> {
  const rows = await repo.signingKeysSince(database.db, new Date(now.getTime() - PUBLISHED_FOR_MS));
  return { keys: rows.map((r) => parse(r.public_jwk)) };
}

/** The public key for a kid, if it is still published. */
export async function verificationKey(database: Database, kid: string, now: Date): Promise<CryptoKey | undefined> {
  const row = await repo.findSigningKey(database.db, kid);
  if (!row || new Date(row.created_at).getTime() < now.getTime() - PUBLISHED_FOR_MS) return undefined;
  const key = await importJWK(parse(row.public_jwk), TOKEN_ALG);
  return key instanceof Uint8Array ? undefined : key;
}
