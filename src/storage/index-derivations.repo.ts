import { sql, type Kysely, type Transaction } from 'kysely';
import { probeIds } from './probe-ids.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface DerivationRow {
  entityType: 'posting' | 'graduate';
  entityId: string;
  tenantId: string;
  analyzer: string;
  contentHash: string;
  derived: string;
}

/** Per entity id its stored derivation; `current` is false for one stored under an older analyzer id read too. */
export type StoredDerivations = Map<string, { contentHash: string; derived: string; current: boolean }>;

/** Writes derivations (one round trip per batch), replacing an older one of the same analyzer. */
export async function upsertDerivations(db: Db, rows: readonly DerivationRow[], now: Date): Promise<void> {
  // 7 parameters a row: 1,000 rows stay far below the 65,535 a statement may bind.
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto('index_derivations')
      .values(
        rows.slice(start, start + 1000).map((r) => ({
          entity_type: r.entityType,
          entity_id: r.entityId,
          tenant_id: r.tenantId,
          analyzer: r.analyzer,
          content_hash: r.contentHash,
          derived: r.derived,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['entity_type', 'entity_id', 'analyzer']).doUpdateSet((eb) => ({
          content_hash: eb.ref('excluded.content_hash'),
          derived: eb.ref('excluded.derived'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * Deletes the derivations stored under any analyzer id but `current`, of one tenant or of all, and returns how many
 * went. Run once every row has a current derivation (after `precompute`) and no replica runs older code: nothing
 * reads the older rows then, and an older replica that still started would only derive its rows again.
 */
export async function deleteSupersededDerivations(db: Db, current: string, tenantId?: string): Promise<number> {
  let query = db.deleteFrom('index_derivations').where('analyzer', '<>', current);
  if (tenantId !== undefined) query = query.where('tenant_id', '=', tenantId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The stored derivations of these rows under the first of `analyzers` each has: the current analyzer id first,
 * then older ids holding the same analysis in an older form (derived.ts readableAnalyzerIds).
 */
export async function findDerivations(
  db: Db,
  entityType: 'posting' | 'graduate',
  analyzers: readonly [string, ...string[]],
  ids: readonly string[],
): Promise<StoredDerivations> {
  const out: StoredDerivations = new Map();
  const [current] = analyzers;
  for (let start = 0; start < ids.length; start += 10_000) {
    // One primary-key probe per id (see probeIds): as an IN list, without statistics the planner scanned every
    // derivation of the entity type and filtered, 0.45 s a page of 2,000 at 100,000 postings (EXPLAIN ANALYZE).
    const result = await sql<{ entity_id: string; content_hash: string; derived: string; analyzer: string }>`
      select k.id as entity_id, d.content_hash, d.derived, d.analyzer
      from ${probeIds(ids.slice(start, start + 10_000))}
      cross join lateral (select content_hash, derived, analyzer from index_derivations
        where entity_type = ${entityType} and entity_id = k.id::uuid and analyzer = any(${[...analyzers]}::text[])
        order by array_position(${[...analyzers]}::text[], analyzer) limit 1) d`.execute(db);
    for (const r of result.rows)
      out.set(r.entity_id, { contentHash: r.content_hash, derived: r.derived, current: r.analyzer === current });
  }
  return out;
}
