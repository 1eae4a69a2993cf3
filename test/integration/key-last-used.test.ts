import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/services/keys.ts';
import { findApiKey } from '../../src/storage/api-keys.repo.ts';
import type { Database } from '../../src/storage/db.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

describe.each(backends)('a key records its last use at most once a minute on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('sets last_used_at on first use, keeps it within the minute, moves it after', async () => {
    const t = await newTenant(database);
    const key = await t.key('career_office');
    const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 9, 0, s));
    const principal = await authenticate(database, key, at(0));
    const lastUsed = async () =>
      (await findApiKey(database.db, t.tenantId, principal?.keyId ?? ''))?.last_used_at?.toISOString() ?? null;
    expect(await lastUsed()).toBe(at(0).toISOString());
    for (const s of [1, 30, 60]) {
      expect(await authenticate(database, key, at(s))).toEqual(principal);
      expect(await lastUsed()).toBe(at(0).toISOString());
    }
    await authenticate(database, key, at(61));
    expect(await lastUsed()).toBe(at(61).toISOString());
  });
});
