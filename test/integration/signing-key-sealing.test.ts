import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keySealer } from '../../src/services/identity/sealing.ts';
import { currentSigningKey } from '../../src/services/identity/signing.ts';
import type { Database } from '../../src/storage/db.ts';
import { pgliteDatabase } from '../support/db.ts';

const OLD = 'an old key-encryption secret, 32 characters or more';
const NEW = 'the new key-encryption secret, also long enough here';

/** A fresh embedded database of its own: signing keys are shared by every tenant of a database. */
describe('token signing keys sealed at rest', () => {
  let database: Database;
  beforeAll(async () => {
    database = await pgliteDatabase();
  });
  afterAll(async () => database.close());

  const stored = async () =>
    (await database.db.selectFrom('signing_keys').select(['kid', 'private_jwk']).execute()).map((r) => ({
      kid: r.kid,
      jwk: (typeof r.private_jwk === 'string' ? JSON.parse(r.private_jwk) : r.private_jwk) as Record<string, unknown>,
    }));

  it('stores the private half sealed, reuses it, and after a rotation opens it only with the old key', async () => {
    const now = new Date('2026-12-06T10:00:00Z');
    const first = await currentSigningKey(database, now, keySealer(OLD));
    const [row] = await stored();
    expect(row?.kid).toBe(first.kid);
    expect(row?.jwk.sealed).toBe('A256GCM');
    expect(row?.jwk).not.toHaveProperty('d'); // no private scalar in the clear
    expect(JSON.stringify(row?.jwk)).not.toContain('"kty"');

    // The same key is used again within the day, opened from its sealed form.
    expect((await currentSigningKey(database, now, keySealer(OLD))).kid).toBe(first.kid);
    // Rotated: the new secret alone cannot open it; with the old one as previous it can.
    await expect(currentSigningKey(database, now, keySealer(NEW))).rejects.toThrow(/SECRETS_KEY_PREVIOUS/);
    expect((await currentSigningKey(database, now, keySealer(NEW, OLD))).kid).toBe(first.kid);

    // A key made after the rotation is sealed under the new secret.
    const later = await currentSigningKey(database, new Date('2026-12-08T10:00:00Z'), keySealer(NEW, OLD));
    const sealedLater = (await stored()).find((r) => r.kid === later.kid)?.jwk;
    expect(sealedLater?.sealed).toBe('A256GCM');
    expect(sealedLater?.kek).not.toBe(row?.jwk.kek);
    expect((await currentSigningKey(database, new Date('2026-12-08T10:00:00Z'), keySealer(NEW))).kid).toBe(later.kid);
  });

  it('reads a key stored before sealing existed as it is', async () => {
    const now = new Date('2026-12-20T10:00:00Z');
    const plain = await currentSigningKey(database, now);
    expect((await stored()).find((r) => r.kid === plain.kid)?.jwk).toHaveProperty('d');
    expect((await currentSigningKey(database, now, keySealer(NEW))).kid).toBe(plain.kid);
  });
});
