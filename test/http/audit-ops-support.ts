import type { Database } from '../../src/storage/db.ts';
import { addImpressions, addPeople, type ImpressionSpec } from '../support/audit-factory.ts';

/**
 * A tenant whose audit raises both alert kinds, worked by hand: 24 women and 24 men, `lists` candidate
 * lists of 48 (one per posting), men at ranks 1–24 and women at 25–48, every score 0.8.
 * Selection (top 10): women 0 of 24·lists decisions, men 10·lists of 24·lists → impact ratio 0, Fisher p ≪ 0.05.
 * Exposure: equal relevance, so E/U ratio = exposure ratio = mean_{r=25..48} v_r / mean_{r=1..24} v_r ≈ 0.58,
 * and with lists = 10 (240 impressions a group) Hoeffding p = 2·exp(−2d²/(2/240)) ≈ 0.017 < 0.05.
 */
export async function seedBiasedTenant(database: Database, tenantId: string, lists = 10): Promise<string[]> {
  const women = await addPeople(
    database,
    tenantId,
    Array.from({ length: 24 }, () => ({ demographics: { gender: 'female' } })),
  );
  const men = await addPeople(
    database,
    tenantId,
    Array.from({ length: 24 }, () => ({ demographics: { gender: 'male' } })),
  );
  const rows: ImpressionSpec[] = [];
  for (let l = 0; l < lists; l++) {
    const listId = crypto.randomUUID();
    const postingId = crypto.randomUUID();
    [...men, ...women].forEach((graduateId, i) =>
      rows.push({ listId, listKind: 'candidates', graduateId, postingId, rank: i + 1, score: 0.8 }),
    );
  }
  await addImpressions(database, tenantId, rows);
  return [...women, ...men];
}

/** Polls `check` every 100 ms until it returns a value other than undefined, or gives up after `tries`. */
export async function until<T>(check: () => Promise<T | undefined>, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached');
}
