import { sql } from 'kysely';
import type { PostingFilter } from '../domain/search/posting-index.ts';
import { isoDay } from '../domain/iso.ts';
import { DEGREES, degreeRank } from '../domain/model/common.ts';
import type { Database } from './db.ts';

/** Dimensions that have an HNSW index (sql/20261128_2200_matching.sql). */
export const PGVECTOR_INDEXED_DIMENSIONS = 256;

/**
 * The n postings nearest to a query by pgvector's HNSW index (cosine distance), with every hard filter
 * in the WHERE clause so pgvector's iterative scan keeps going until n rows pass them. Approximate: the
 * hybrid score then re-ranks this semantic shortlist, so a posting outside it cannot be recommended.
 * Cities are matched on the stored names the caller passes (both scripts of a city).
 */
export async function pgvectorShortlist(
  database: Database,
  args: {
    tenantId: string;
    embedderId: string;
    vector: Float32Array;
    filter: PostingFilter;
    cityNames: readonly string[];
    n: number;
    efSearch?: number;
  },
): Promise<Array<{ id: string; cosine: number }>> {
  if (!database.hasVector) throw new Error('pgvector is not available on this database');
  if (args.vector.length !== PGVECTOR_INDEXED_DIMENSIONS)
    throw new Error(`pgvector search needs ${PGVECTOR_INDEXED_DIMENSIONS}-dimension vectors`);
  const q = `[${Array.from(args.vector).join(',')}]`;
  const f = args.filter;
  const maxDegree =
    f.eligibleDegree === undefined ? DEGREES.length - 1 : f.eligibleDegree === null ? 0 : degreeRank(f.eligibleDegree);
  const allowedDegrees = DEGREES.slice(0, maxDegree + 1);
  const excluded = [...(f.exclude ?? [])];
  return database.db.transaction().execute(async (trx) => {
    await sql.raw(`set local hnsw.ef_search = ${Math.max(args.n, args.efSearch ?? 100)}`).execute(trx);
    await sql`set local hnsw.iterative_scan = relaxed_order`.execute(trx).catch(() => undefined);
    const rows = await sql<{ id: string; distance: number }>`
      select e.entity_id as id, e.embedding::vector(256) <=> ${q}::vector(256) as distance
      from embeddings e join job_postings p on p.id = e.entity_id
      where e.entity_type = 'posting' and e.dims = 256 and e.model_id = ${args.embedderId} and e.tenant_id =
      ${args.tenantId}
        and p.status = 'open' and p.review_status in ('none', 'approved')
        and (p.closes_at is null or p.closes_at >= ${isoDay(new Date(f.now))}::date)
        and p.min_degree = any(${allowedDegrees}::text[])
        ${f.jobTypes && f.jobTypes.length > 0 ? sql`and p.job_type = any(${[...f.jobTypes]}::text[])` : sql``}
        ${f.remoteOnly ? sql`and p.remote` : sql``}
       
      ${args.cityNames.length > 0 ? sql`and (p.remote or p.locations && ${[...args.cityNames]}::text[])` : sql``}
       
      ${f.salaryAtLeast !== undefined ? sql`and coalesce(p.salary_max, p.salary_min, -1) >= ${f.salaryAtLeast}` : sql``}
        ${excluded.length > 0 ? sql`and not (p.id = any(${excluded}::uuid[]))` : sql``}
      order by e.embedding::vector(256) <=> ${q}::vector(256)
      limit ${args.n}`.execute(trx);
    return rows.rows.map((r) => ({ id: r.id, cosine: 1 - Number(r.distance) }));
  });
}
