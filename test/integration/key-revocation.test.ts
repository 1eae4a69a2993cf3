import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, KEY_HELD_MS, mintKey, revokeKey } from '../../src/services/keys.ts';
import type { Database } from '../../src/storage/db.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

/*
 * A process holds a usable key's row for KEY_HELD_MS (real time), so most requests skip the key's statement. A key
 * revoked by this process stops working at once; one revoked by another process (here: another pool on the same
 * PostgreSQL, as another replica or `npm run keys -- revoke` would be) once that time has passed; an expiry at the
 * request's own time, whatever is held.
 */
describe('a revoked key stops working', () => {
  let here: Database;
  let elsewhere: Database;
  beforeAll(async () => {
    here = await postgresDatabase();
    elsewhere = await postgresDatabase();
  });
  afterAll(async () => {
    await here.close();
    await elsewhere.close();
  });

  it('at once when this process revoked it', async () => {
    const t = await newTenant(here);
    const key = await t.key('career_office');
    const principal = await authenticate(here, key);
    expect(principal?.tenantId).toBe(t.tenantId);
    expect(await authenticate(here, key)).toEqual(principal);
    expect(await revokeKey(here, principal?.keyId ?? '', new Date())).toBe(true);
    expect(await authenticate(here, key)).toBeUndefined();
  });

  it('within KEY_HELD_MS when another process revoked it', async () => {
    const t = await newTenant(here);
    const key = await t.key('career_office');
    const principal = await authenticate(here, key);
    expect(principal).toBeDefined();
    // Both see it; the other process revokes it.
    expect(await authenticate(elsewhere, key)).toEqual(principal);
    expect(await revokeKey(elsewhere, principal?.keyId ?? '', new Date())).toBe(true);
    expect(await authenticate(elsewhere, key)).toBeUndefined();
    // Whatever this process still holds, it is gone once the bound has passed (a sleep is at least its length).
    await new Promise((resolve) => setTimeout(resolve, KEY_HELD_MS + 50));
    expect(await authenticate(here, key)).toBeUndefined();
  });

  it('at its expiry, by the request time, even while held', async () => {
    const t = await newTenant(here);
    const expiresAt = new Date(Date.now() + 3_600_000);
    const { key } = await mintKey(here, { tenantId: t.tenantId, role: 'career_office', expiresAt });
    expect(await authenticate(here, key, new Date(expiresAt.getTime() - 1))).toBeDefined();
    expect(await authenticate(here, key, expiresAt)).toBeUndefined();
    expect(await authenticate(here, key, new Date(expiresAt.getTime() - 1))).toBeDefined();
  });
});
