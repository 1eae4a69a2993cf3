import type { Kysely, Transaction } from 'kysely';
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

export type StoredDerivations = Map<string, { contentHash: string; derived: string }>;

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

/** The stored derivations of these rows. */
export async function findDerivations(
  db: Db,
  entityType: 'posting' | 'graduate',
  analyzer: string,
  ids: readonly string[],
): Promise<StoredDerivations> {
  const out: StoredDerivations = new Map();
  for (let start = 0; start < ids.length; start += 10_000) {
    const rows = await db
      .selectFrom('index_derivations')
      .select(['entity_id', 'content_hash', 'derived'])
      .where('entity_type', '=', entityType)
      .where('analyzer', '=', analyzer)
      .where('entity_id', 'in', ids.slice(start, start + 10_000))
      .execute();
    for (const r of rows) out.set(r.entity_id, { contentHash: r.content_hash, derived: r.derived });
  }
  return out;
}
