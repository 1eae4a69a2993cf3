/** Everything bench:match measures for one index size, in one process and one run. */
import { PostingIndex } from '../../src/domain/search/posting-index.ts';
import type { WeightSet } from '../../src/domain/matching/weights.ts';
import type { BatchedImpressionLog } from '../../src/services/matching/impression-log.ts';
import type { Database } from '../../src/storage/db.ts';
import type { Corpus } from './corpus.ts';
import { runHnsw, type HnswResult } from './pgvector.ts';
import { bruteForceAgreement, runRecommendations, type RecommendRun } from './recommend.ts';
import { rssMb, summarize, type Summary } from './stats.ts';
import { postingId, syntheticRows } from './synthetic.ts';

export interface SizePlan {
  n: number;
  vectorRuns: number;
  recommendRuns: number;
  hnsw: boolean;
  efSearch: readonly number[];
  hnswQueries: number;
  /** Requests checked against brute force (slow: scoreMatch on every allowed posting). */
  bruteForceChecks: number;
}

export interface SizeResult {
  n: number;
  loadMs: number;
  rssMb: number;
  /** One sequential pass summing the float32 rows in plain JS, the same with SIMD, and the int8 codes with SIMD. */
  floorF32: Summary;
  floorF32Simd: Summary;
  floorI8Simd: Summary;
  search: Summary;
  searchExact: Summary;
  /** Queries whose search() top 10 equals searchExact()'s (ids and scores, in order). */
  sameAsExact: number;
  queries: number;
  /** Float32 dot products per search() (the int8 stage's survivors). */
  rescored: Summary;
  backend: string;
  recommend: RecommendRun;
  /** Recommendation lists equal to brute-force scoreMatch over every allowed posting. */
  agreement: { same: number; checked: number };
  hnsw: HnswResult | null;
}

export interface Shared {
  corpus: Corpus;
  weights: WeightSet;
  database: Database;
  impressions: BatchedImpressionLog;
  tenantId: string;
  graduateIds: readonly string[];
  say: (line: string) => void;
}

export async function runSize(plan: SizePlan, shared: Shared): Promise<SizeResult> {
  const { corpus, say } = shared;
  const d = corpus.embedder.dimensions;
  const t = performance.now();
  const index = new PostingIndex(d);
  for (const row of syntheticRows(corpus.postings, plan.n, 'bench-match-rows')) index.upsert(row.posting, row.vector);
  const loadMs = performance.now() - t;
  const rss = rssMb();
  say(`  ${plan.n} postings indexed in ${(loadMs / 1000).toFixed(1)} s, rss ${rss.toFixed(0)} MB`);

  const queries = corpus.queries.map((q) => q.vector);
  const query = (i: number): Float32Array => queries[i % queries.length] ?? new Float32Array(d);
  // Interleaved per query (the three floors, search, searchExact), so every method sees the same
  // machine load: on a shared machine the ratios stay meaningful even when absolute times drift.
  const warm = 10;
  const samples = {
    f32: [] as number[],
    f32Simd: [] as number[],
    i8Simd: [] as number[],
    search: [] as number[],
    exact: [] as number[],
    rescored: [] as number[],
  };
  const fast: string[][] = [];
  const exact: string[][] = [];
  let sink = 0;
  for (let i = 0; i < warm + plan.vectorRuns; i++) {
    const q = query(i);
    let t0 = performance.now();
    sink += index.vectors.scanFloor('float32', 'js');
    const f32 = performance.now() - t0;
    t0 = performance.now();
    sink += index.vectors.scanFloor('float32', 'simd');
    const f32Simd = performance.now() - t0;
    t0 = performance.now();
    sink += index.vectors.scanFloor('int8', 'simd');
    const i8Simd = performance.now() - t0;
    t0 = performance.now();
    const hits = index.vectors.search(q, 10);
    const s = performance.now() - t0;
    const { rescored } = index.vectors.lastSearch;
    t0 = performance.now();
    const truth = index.vectors.searchExact(q, 10);
    const e = performance.now() - t0;
    if (i < warm) continue;
    samples.f32.push(f32);
    samples.f32Simd.push(f32Simd);
    samples.i8Simd.push(i8Simd);
    samples.search.push(s);
    samples.exact.push(e);
    samples.rescored.push(rescored);
    fast.push(hits.map((h) => `${h.id}:${h.score}`));
    exact.push(truth.map((h) => `${h.id}:${h.score}`));
  }
  if (Number.isNaN(sink)) say('  (floor sum is NaN)');
  const floorF32 = summarize(samples.f32);
  const floorF32Simd = summarize(samples.f32Simd);
  const floorI8Simd = summarize(samples.i8Simd);
  const search = summarize(samples.search);
  const searchExact = summarize(samples.exact);
  const sameAsExact = fast.filter((ids, i) => ids.join() === (exact[i] ?? []).join()).length;
  say(
    `  vectors (${index.vectors.backend}): floor f32 ${floorF32.p50.toFixed(2)} ms (SIMD ` +
      `${floorF32Simd.p50.toFixed(2)} ms, int8 SIMD ${floorI8Simd.p50.toFixed(2)} ms), search ` +
      `p50 ${search.p50.toFixed(2)} ms, searchExact p50 ${searchExact.p50.toFixed(2)} ms, ` +
      `identical ${sameAsExact}/${fast.length}`,
  );

  const recommend = await runRecommendations({ ...shared, index, queries: corpus.queries }, plan.recommendRuns, 30);
  say(
    `  recommendations: p50 ${recommend.latency.p50.toFixed(2)} ms, p99 ` +
      `${recommend.latency.p99.toFixed(2)} ms, ${recommend.throughput.toFixed(0)} req/s`,
  );
  const agreement = bruteForceAgreement(
    { index, queries: corpus.queries, weights: shared.weights },
    plan.bruteForceChecks,
  );
  say(
    `  recommendations equal to brute-force scoreMatch over every allowed posting: ` +
      `${agreement.same}/${agreement.checked}`,
  );

  let hnsw: HnswResult | null = null;
  if (plan.hnsw) {
    const hq = Array.from({ length: plan.hnswQueries }, (_, i) => query(i));
    const truth = hq.map((q) => index.vectors.searchExact(q, 10).map((h) => h.row));
    // Row i holds posting i (rows only move on remove, and nothing is removed here).
    if (index.vectors.idAt(plan.n - 1) !== postingId(plan.n - 1)) throw new Error('rows are not in insertion order');
    say(`  pgvector: loading ${plan.n} vectors into PGlite and building HNSW…`);
    hnsw = await runHnsw(
      plan.n,
      d,
      (i) => index.vectors.vectorOf(postingId(i)) ?? new Float32Array(d),
      hq,
      truth,
      plan.efSearch,
      10,
    );
    say(
      `  pgvector: load ${(hnsw.loadMs / 1000).toFixed(1)} s, build ` +
        `${(hnsw.buildMs / 1000).toFixed(1)} s; ` +
        `${hnsw.runs
          .map((r) => `ef ${r.efSearch}: recall ${r.recall.toFixed(3)} p50 ${r.latency.p50.toFixed(2)} ms`)
          .join('; ')}`,
    );
  }
  return {
    n: plan.n,
    loadMs,
    rssMb: Math.max(rss, rssMb()),
    floorF32,
    floorF32Simd,
    floorI8Simd,
    search,
    searchExact,
    sameAsExact,
    queries: fast.length,
    rescored: summarize(samples.rescored),
    backend: index.vectors.backend,
    recommend,
    agreement,
    hnsw,
  };
}
