import { analyzerId, readableAnalyzerIds } from '../../domain/search/derived.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import type { Embedder } from '../../domain/text/embedder.ts';
import type { Database } from '../../storage/db.ts';
import { ensureEmbedderModel, findEmbeddingHashes, upsertEmbeddings } from '../../storage/embeddings.repo.ts';
import { allIndexableGraduates, countTenantGraduates } from '../../storage/graduate-index.repo.ts';
import { findDerivations, upsertDerivations } from '../../storage/index-derivations.repo.ts';
import { toMatchableGraduate, toPosting } from '../../storage/mappers.ts';
import { postingsUpdatedSince } from '../../storage/postings.repo.ts';
import { listTenantIds } from '../../storage/tenants.repo.ts';
import { embedderKind, isRecommendable } from './engine.ts';
import type { ComputeItem, IndexCompute } from './index-compute.ts';

/** Rows read, computed and written together: one statement each way per batch. */
const BATCH = 1_000;

export type PrecomputeProgress = (p: {
  tenantId: string;
  entity: 'posting' | 'graduate';
  done: number;
  total: number;
  derived: number;
  embedded: number;
  /** Rows done in every tenant so far. */
  rows: number;
}) => void;

export interface PrecomputeTotals {
  postings: number;
  graduates: number;
  derived: number;
  embedded: number;
}

type Entity = 'posting' | 'graduate';
type Row = { id: string; item: ComputeItem };

/**
 * Brings every stored derivation (analyzer) and vector (this embedder) of the indexed rows up to date, in
 * batches: the rows and their stored hashes are read in bulk, the stale ones computed by `compute` (every
 * core, with a worker pool), the results written one statement per batch. Up to parallelism + 1 batches are in
 * flight, so the database reads and writes of one overlap the computing of others. The indexes then load
 * every row as current. Serves `npm run embed` and the background re-embedding to a new embedder.
 */
export async function precompute(
  database: Database,
  embedder: Pick<Embedder, 'id' | 'dimensions'>,
  compute: IndexCompute,
  options: { tenantId?: string | undefined; progress?: PrecomputeProgress } = {},
): Promise<PrecomputeTotals> {
  const { db } = database;
  const analyzer = analyzerId(getTaxonomy());
  const totals: PrecomputeTotals = { postings: 0, graduates: 0, derived: 0, embedded: 0 };
  let rowsDone = 0;
  await ensureEmbedderModel(db, { id: embedder.id, kind: embedderKind(embedder.id), dimensions: embedder.dimensions });
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const submit = async (work: () => Promise<void>): Promise<void> => {
    while (inFlight.size > compute.parallelism) await Promise.race(inFlight);
    if (failure !== undefined) throw failure;
    const p: Promise<void> = work()
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const batch = async (tenantId: string, entity: Entity, rows: Row[], report: (n: number) => void) => {
    const ids = rows.map((r) => r.id);
    const [derivations, vectorHashes] = await Promise.all([
      findDerivations(db, entity, readableAnalyzerIds(getTaxonomy()), ids),
      findEmbeddingHashes(db, entity, embedder.id, ids),
    ]);
    const items = rows.map(({ id, item }) => ({
      ...item,
      derivation: derivations.get(id) ?? null,
      vectorHash: vectorHashes.get(id) ?? null,
    }));
    const results = await compute.run(items);
    const now = new Date();
    const derived = results.flatMap((r, i) => {
      const id = ids[i];
      return r.derived && id ? [{ entityType: entity, entityId: id, tenantId, analyzer, ...r.derived }] : [];
    });
    const vectors = results.flatMap((r, i) => {
      const id = ids[i];
      return r.vector && id
        ? [
            {
              entityType: entity,
              entityId: id,
              tenantId,
              modelId: embedder.id,
              vector: r.vector,
              contentHash: r.textHash,
            },
          ]
        : [];
    });
    await upsertDerivations(db, derived, now);
    await upsertEmbeddings(db, vectors, database.hasVector, now);
    totals.derived += derived.length;
    totals.embedded += vectors.length;
    report(rows.length);
  };

  const tenants = await listTenantIds(db, options.tenantId);
  for (const tenantId of tenants) {
    const postings = (await postingsUpdatedSince(db, tenantId, null)).filter(isRecommendable).map(toPosting);
    let done = 0;
    const report = (entity: Entity, total: number) => (n: number) => {
      done += n;
      rowsDone += n;
      const { derived, embedded } = totals;
      options.progress?.({ tenantId, entity, done, total, derived, embedded, rows: rowsDone });
    };
    const postingReport = report('posting', postings.length);
    for (let start = 0; start < postings.length; start += BATCH) {
      const rows = postings.slice(start, start + BATCH).map((posting) => ({
        id: posting.id,
        item: { kind: 'posting' as const, posting, derivation: null, vectorHash: null },
      }));
      await submit(() => batch(tenantId, 'posting', rows, postingReport));
    }
    await Promise.all(inFlight);
    totals.postings += postings.length;
    done = 0;
    const graduateReport = report('graduate', await countTenantGraduates(db, tenantId));
    for await (const page of allIndexableGraduates(db, tenantId)) {
      for (let start = 0; start < page.length; start += BATCH) {
        const rows = page.slice(start, start + BATCH).map((row) => {
          const { graduate, suppressed } = toMatchableGraduate(row);
          const item: ComputeItem = {
            kind: 'graduate',
            graduate,
            suppressed: [...suppressed],
            derivation: null,
            vectorHash: null,
          };
          return { id: row.id, item };
        });
        await submit(() => batch(tenantId, 'graduate', rows, graduateReport));
      }
      totals.graduates += page.length;
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
  }
  return totals;
}
