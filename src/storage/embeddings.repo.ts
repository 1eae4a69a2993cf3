import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Float32 little-endian bytes, copied so the result never aliases a driver buffer. */
export const vectorToBytes = (v: Float32Array): Uint8Array => new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
export const bytesToVector = (b: Uint8Array): Float32Array => {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
};
const pgvectorText = (v: Float32Array): string => `[${Array.from(v).join(',')}]`;

export interface EmbeddingRow {
  entityType: 'posting' | 'graduate';
  entityId: string;
  tenantId: string;
  modelId: string;
  vector: Float32Array;
  contentHash: string;
}

/** Writes vectors (and, where pgvector exists, its column too); one round trip for the batch. */
export async function upsertEmbeddings(db: Db, rows: readonly EmbeddingRow[], withPgvector: boolean, now: Date): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('embeddings').values(rows.map((r) => ({
    entity_type: r.entityType, entity_id: r.entityId, tenant_id: r.tenantId, model_id: r.modelId, dims: r.vector.length,
    vector: vectorToBytes(r.vector), content_hash: r.contentHash, updated_at: now,
    ...(withPgvector ? { embedding: sql<string>`${pgvectorText(r.vector)}::vector` } : {}),
  }))).onConflict((oc) => oc.columns(['entity_type', 'entity_id', 'model_id']).doUpdateSet((eb) => ({
    vector: eb.ref('excluded.vector'), dims: eb.ref('excluded.dims'), content_hash: eb.ref('excluded.content_hash'), updated_at: eb.ref('excluded.updated_at'),
    ...(withPgvector ? { embedding: sql<string>`excluded.embedding` } : {}),
  }))).execute();
}

export async function findEmbeddings(db: Db, entityType: 'posting' | 'graduate', modelId: string, ids: readonly string[]): Promise<Map<string, { vector: Float32Array; contentHash: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('embeddings').select(['entity_id', 'vector', 'content_hash'])
    .where('entity_type', '=', entityType).where('model_id', '=', modelId).where('entity_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.entity_id, { vector: bytesToVector(r.vector), contentHash: r.content_hash }]));
}

export async function deleteEmbeddings(db: Db, entityType: 'posting' | 'graduate', entityId: string): Promise<void> {
  await db.deleteFrom('embeddings').where('entity_type', '=', entityType).where('entity_id', '=', entityId).execute();
}
