import { sql, type Kysely, type Transaction } from 'kysely';
import { probeIds } from './probe-ids.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Float32 little-endian bytes, copied so the result never aliases a driver buffer. */
const vectorToBytes = (v: Float32Array): Uint8Array =>
  new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
const bytesToVector = (b: Uint8Array): Float32Array => {
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
export async function upsertEmbeddings(
  db: Db,
  rows: readonly EmbeddingRow[],
  withPgvector: boolean,
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('embeddings')
    .values(
      rows.map((r) => ({
        entity_type: r.entityType,
        entity_id: r.entityId,
        tenant_id: r.tenantId,
        model_id: r.modelId,
        dims: r.vector.length,
        vector: vectorToBytes(r.vector),
        content_hash: r.contentHash,
        updated_at: now,
        ...(withPgvector ? { embedding: sql<string>`${pgvectorText(r.vector)}::vector` } : {}),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['entity_type', 'entity_id', 'model_id']).doUpdateSet((eb) => ({
        vector: eb.ref('excluded.vector'),
        dims: eb.ref('excluded.dims'),
        content_hash: eb.ref('excluded.content_hash'),
        updated_at: eb.ref('excluded.updated_at'),
        ...(withPgvector ? { embedding: sql<string>`excluded.embedding` } : {}),
      })),
    )
    .execute();
}

/** Stored vectors by entity id, with the text hash each was embedded from. */
export type StoredEmbeddings = Map<string, { vector: Float32Array; contentHash: string }>;

export async function findEmbeddings(
  db: Db,
  entityType: 'posting' | 'graduate',
  modelId: string,
  ids: readonly string[],
): Promise<StoredEmbeddings> {
  const out: StoredEmbeddings = new Map();
  for (let start = 0; start < ids.length; start += 10_000) {
    // One primary-key probe per id (see probeIds): as an IN list, without statistics the planner scanned every
    // vector of the entity type and filtered, 0.39 s a page of 2,000 at 100,000 postings (EXPLAIN ANALYZE).
    const result = await sql<{ entity_id: string; vector: Uint8Array; content_hash: string }>`
      select k.id as entity_id, e.vector, e.content_hash
      from ${probeIds(ids.slice(start, start + 10_000))}
      cross join lateral (select vector, content_hash from embeddings
        where entity_type = ${entityType} and entity_id = k.id::uuid and model_id = ${modelId} limit 1) e`.execute(db);
    for (const r of result.rows) out.set(r.entity_id, { vector: bytesToVector(r.vector), contentHash: r.content_hash });
  }
  return out;
}

/** A fitted embedder's state (JSON text), kept once per id. */
export async function insertEmbedderModel(
  db: Db,
  m: { id: string; kind: string; dimensions: number; state: string },
): Promise<void> {
  await db
    .insertInto('embedder_models')
    .values(m)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Registers an embedder without stored state (a shipped or remote model), once per id; stored vectors name it. */
export async function ensureEmbedderModel(db: Db, m: { id: string; kind: string; dimensions: number }): Promise<void> {
  await db
    .insertInto('embedder_models')
    .values({ ...m, state: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** When an embedder was first registered here, or undefined if it never was. */
export async function embedderModelCreatedAt(db: Db, id: string): Promise<Date | undefined> {
  const row = await db.selectFrom('embedder_models').select('created_at').where('id', '=', id).executeTakeFirst();
  return row ? new Date(row.created_at) : undefined;
}

/** A registered embedder's kind and stored state (parsed from text where the driver returns text). */
export async function findEmbedderModel(db: Db, id: string): Promise<{ kind: string; state: unknown } | undefined> {
  const row = await db.selectFrom('embedder_models').select(['state', 'kind']).where('id', '=', id).executeTakeFirst();
  return row && { kind: row.kind, state: typeof row.state === 'string' ? JSON.parse(row.state) : row.state };
}

export type EmbedderCoverage = Record<'posting' | 'graduate', { total: number; embedded: number }>;

/** How many open postings and graduates have a vector of this embedder. */
export async function embedderCoverage(db: Db, embedderId: string): Promise<EmbedderCoverage> {
  const rows = await sql<{ entity: string; total: string; covered: string }>`
    select 'posting' as entity, count(*)::text as total,
      count(*) filter (where exists (select 1 from embeddings e
        where e.entity_type = 'posting' and e.entity_id = p.id and e.model_id = ${embedderId}))::text as covered
    from job_postings p where p.status = 'open'
    union all
    select 'graduate', count(*)::text,
      count(*) filter (where exists (select 1 from embeddings e
        where e.entity_type = 'graduate' and e.entity_id = g.id and e.model_id = ${embedderId}))::text
    from graduates g`.execute(db);
  return Object.fromEntries(
    rows.rows.map((r) => [r.entity, { total: Number(r.total), embedded: Number(r.covered) }]),
  ) as EmbedderCoverage;
}

/** The text hash of each row's stored vector of this embedder (the vectors themselves are not read). */
export async function findEmbeddingHashes(
  db: Db,
  entityType: 'posting' | 'graduate',
  modelId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 10_000) {
    const result = await sql<{ entity_id: string; content_hash: string }>`
      select k.id as entity_id, e.content_hash
      from ${probeIds(ids.slice(start, start + 10_000))}
      cross join lateral (select content_hash from embeddings
        where entity_type = ${entityType} and entity_id = k.id::uuid and model_id = ${modelId} limit 1) e`.execute(db);
    for (const r of result.rows) out.set(r.entity_id, r.content_hash);
  }
  return out;
}
