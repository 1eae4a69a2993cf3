/**
 * A full recommendation as recommendJobs does it (the keyword component included: the profile text is
 * analyzed per request and its BM25F values join the exact top k), minus the database reads that the request path does
 * outside matching (graduate row, interactions, posting rows): profile features, the hard-filter mask
 * (eligible degree, a city filter on one request in five, a few excluded postings), the exact hybrid
 * top 20, matchView per item (the explanation data), impression rows and BatchedImpressionLog.record
 * into a real migrated PGlite. The profile vector is precomputed (the engine caches it by content).
 * Requests run back to back with a macrotask between them, so the log's batched writes run in the same
 * process and thread and count against throughput, as they would on a server.
 */
import { findCity } from '../../src/domain/geo/cities.ts';
import { profileFeatures, taxonomySimilarity } from '../../src/domain/matching/extract.ts';
import type { PostingIndex } from '../../src/domain/search/posting-index.ts';
import { scoreMatch } from '../../src/domain/matching/score.ts';
import { dotF32 } from '../../src/domain/search/vector-index-kernels.ts';
import type { WeightSet } from '../../src/domain/matching/weights.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';
import { newId } from '../../src/services/context.ts';
import type { BatchedImpressionLog } from '../../src/services/matching/impression-log.ts';
import type { NewImpression } from '../../src/storage/impressions.repo.ts';
import { matchView } from '../../src/services/matching/present.ts';
import type { Database } from '../../src/storage/db.ts';
import { createRng } from '../../src/demo/random.ts';
import type { BaseQuery } from './corpus.ts';
import { summarize, type Summary } from './stats.ts';
import { NOW, postingId } from './synthetic.ts';

export const LIMIT = 20;

export interface RecommendRun {
  latency: Summary;
  /** Per-phase p50/p99 (ms). */
  phases: Record<'features' | 'mask' | 'rank' | 'view' | 'record', Summary>;
  /** Requests per second over the whole loop, batched impression writes and the final flush included. */
  throughput: number;
  /** Rows handed to the log (warm-up included) and rows found in the database after the final flush. */
  impressionsRecorded: number;
  impressionsWritten: number;
  meanAllowed: number;
}

export interface RecommendSetup {
  index: PostingIndex;
  queries: readonly BaseQuery[];
  weights: WeightSet;
  database: Database;
  impressions: BatchedImpressionLog;
  tenantId: string;
  graduateIds: readonly string[];
}

export async function runRecommendations(setup: RecommendSetup, runs: number, warmup: number): Promise<RecommendRun> {
  const { index, queries, weights, database, impressions, tenantId, graduateIds } = setup;
  const taxonomy = getTaxonomy();
  const similarity = taxonomySimilarity(taxonomy);
  const fallbackCity = findCity('上海')?.id ?? 'shanghai';
  const rng = createRng('bench-match-requests');
  const lat: number[] = [];
  const phase = {
    features: [] as number[],
    mask: [] as number[],
    rank: [] as number[],
    view: [] as number[],
    record: [] as number[],
  };
  let allowedSum = 0;
  let recorded = 0;
  let started = 0;
  const before = await countImpressions(database, tenantId);
  for (let i = 0; i < warmup + runs; i++) {
    if (i === warmup) started = performance.now();
    const qi = i % queries.length;
    const q = queries[qi];
    if (!q) throw new Error('no queries');
    const exclude = new Set(Array.from({ length: 3 }, () => postingId(rng.int(0, index.size - 1))));
    const t0 = performance.now();
    const features = profileFeatures(q.profile, taxonomy);
    const lexical = index.lexical.query(q.text);
    const t1 = performance.now();
    const city = i % 5 === 0 ? [features.locations[0] ?? fallbackCity] : undefined;
    const mask = index.mask({ now: NOW, exclude, eligibleDegree: features.degree, ...(city ? { cities: city } : {}) });
    const t2 = performance.now();
    const ranked = index.rank(features, q.vector, weights, similarity, mask, LIMIT, lexical);
    const t3 = performance.now();
    const views = ranked.map((r) => matchView(r.match));
    const t4 = performance.now();
    const listId = newId();
    const graduateId = graduateIds[qi % graduateIds.length] ?? newId();
    const rows: NewImpression[] = ranked.map((r, rank) => ({
      id: newId(),
      tenantId,
      requestId: `bench-${i}`,
      listId,
      listKind: 'recommendations',
      viewerRole: 'graduate',
      viewerId: graduateId,
      graduateId,
      postingId: r.id,
      rank: rank + 1,
      score: views[rank]?.score ?? r.match.score,
      components: r.match.components,
      modelVersion: weights.version,
      embedderId: 'bench',
      personalized: true,
      createdAt: new Date(NOW),
    }));
    impressions.record(database, rows);
    recorded += rows.length;
    const t5 = performance.now();
    if (i >= warmup) {
      lat.push(t5 - t0);
      phase.features.push(t1 - t0);
      phase.mask.push(t2 - t1);
      phase.rank.push(t3 - t2);
      phase.view.push(t4 - t3);
      phase.record.push(t5 - t4);
      let allowed = 0;
      for (let r = 0; r < mask.length; r++) allowed += mask[r] ?? 0;
      allowedSum += allowed;
    }
    // Between requests: the batched log's timer (and its PGlite insert) gets the thread, as on a server.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await impressions.flush();
  const elapsed = performance.now() - started;
  const written = (await countImpressions(database, tenantId)) - before;
  return {
    latency: summarize(lat),
    phases: {
      features: summarize(phase.features),
      mask: summarize(phase.mask),
      rank: summarize(phase.rank),
      view: summarize(phase.view),
      record: summarize(phase.record),
    },
    throughput: runs / (elapsed / 1000),
    impressionsRecorded: recorded,
    impressionsWritten: written,
    meanAllowed: allowedSum / Math.max(1, runs),
  };
}

async function countImpressions(database: Database, tenantId: string): Promise<number> {
  const row = await database.db
    .selectFrom('impressions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * End-to-end exactness at this size: for `queries` requests, PostingIndex.rank (the kernels, their
 * bounds and the shortlist) against scoreMatch over every allowed posting with the same dot products,
 * both ordered by (score desc, row asc). Returns how many lists agree in ids and scores.
 */
export function bruteForceAgreement(
  setup: Pick<RecommendSetup, 'index' | 'queries' | 'weights'>,
  queries: number,
): { same: number; checked: number } {
  const { index, weights } = setup;
  const taxonomy = getTaxonomy();
  const similarity = taxonomySimilarity(taxonomy);
  const ids = index.ids();
  let same = 0;
  let checked = 0;
  for (let i = 0; i < queries; i++) {
    const q = setup.queries[(i * 37) % setup.queries.length];
    if (!q) break;
    const features = profileFeatures(q.profile, taxonomy);
    const mask = index.mask({ now: NOW, eligibleDegree: features.degree });
    const lexical = index.lexical.query(q.text);
    const got = index.rank(features, q.vector, weights, similarity, mask, LIMIT, lexical);
    const all: { row: number; id: string; score: number }[] = [];
    ids.forEach((id, row) => {
      const posting = index.get(id);
      const vector = index.vectors.vectorOf(id);
      if (mask[row] !== 1 || !posting || !vector) return;
      const dot = dotF32(vector, 0, q.vector, vector.length);
      const keywords = index.lexical.match(id, lexical);
      all.push({ row, id, score: scoreMatch(features, posting.features, dot, weights, similarity, keywords).score });
    });
    all.sort((a, b) => b.score - a.score || a.row - b.row);
    const want = all
      .slice(0, LIMIT)
      .map((e) => `${e.id}:${e.score}`)
      .join();
    if (got.map((g) => `${g.id}:${g.match.score}`).join() === want) same++;
    checked++;
  }
  return { same, checked };
}
