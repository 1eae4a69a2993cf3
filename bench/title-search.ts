/**
 * `npm run bench:title-search`: held-out O*NET job titles searched through the production search engine
 * (src/domain/search VectorIndex: the int8 first stage and exact re-scoring; the hybrid through
 * searchScored, whose bias carries the lexical part as the production ranking carries its other components).
 * Postings: the 1,016 O*NET occupations (title, description, first tasks and technologies, as in
 * bench:quality (a)); queries: every held-out Alternate or Reported Title (bench/quality/holdout.ts), none
 * of which the supervised embedder was trained on. The hybrid's one weight is chosen on the dev titles
 * (split.ts); test figures are reported. O*NET 29.2, CC BY 4.0, USDOL/ETA.
 */
import { availableParallelism } from 'node:os';
import { getTaxonomy, extractSkillIds } from '../src/domain/skills/index.ts';
import { VectorIndex } from '../src/domain/search/vector-index.ts';
import { buildBm25 } from '../src/domain/text/bm25.ts';
import { SUPERVISED_EMBEDDER } from '../src/domain/text/data/supervised-model.js';
import { createLsaEmbedder } from '../src/domain/text/lsa-embedder.ts';
import { fitLsa, SERVICE_LSA_FIT } from '../src/domain/text/lsa.ts';
import { createSupervisedEmbedder } from '../src/domain/text/supervised-embedder.ts';
import { describeHoldout, isHeldOutTitle, titleKey } from './quality/holdout.ts';
import { rankMetrics, type RankMetrics } from './quality/intervals.ts';
import { occupationText } from './quality/occupation-corpus.ts';
import { loadOnet } from './quality/onet.ts';
import { renderRankedTable, type MethodResult } from './quality/ranked-table.ts';
import { describeSplit, splitOf } from './quality/split.ts';

const started = performance.now();
const secs = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
console.log(`bench:title-search on ${availableParallelism()} cores, Node ${process.version}`);
console.log(`holdout: ${describeHoldout()}`);
console.log(`split of the held-out titles: ${describeSplit()}`);

const onet = loadOnet();
const taxonomy = getTaxonomy();
const postings = onet.occupations.map((o) => ({ id: o.code, text: occupationText(o) }));
const rowOfCode = new Map(postings.map((p, i) => [p.id, i]));
const byKey = new Map<string, { text: string; relevant: Set<number> }>();
for (const t of onet.titles) {
  const doc = rowOfCode.get(t.code);
  if (!isHeldOutTitle(t.title) || doc === undefined) continue;
  const key = titleKey(t.title);
  const entry = byKey.get(key) ?? { text: t.title, relevant: new Set<number>() };
  entry.relevant.add(doc);
  byKey.set(key, entry);
}
const queries = [...byKey].map(([key, e]) => ({ key, text: e.text, relevant: [...e.relevant], split: splitOf(key) }));
const dev = queries.filter((q) => q.split === 'dev');
const test = queries.filter((q) => q.split === 'test');
console.log(
  `[${secs()}] ${postings.length} postings; ${queries.length} held-out titles: ${dev.length} dev, ${test.length} test`,
);

const supervised = createSupervisedEmbedder(SUPERVISED_EMBEDDER);
const skillTokens = (text: string): string[] => extractSkillIds(text, taxonomy);
const lsa = createLsaEmbedder(
  fitLsa(
    postings.map((p) => p.text),
    { ...SERVICE_LSA_FIT, skillTokens },
  ),
  { skillTokens },
);
const index = new VectorIndex(supervised.dimensions);
const lsaIndex = new VectorIndex(lsa.dimensions);
for (const p of postings) {
  index.upsert(p.id, supervised.embedOne(p.text) ?? new Float32Array(supervised.dimensions));
  lsaIndex.upsert(p.id, lsa.embedBag(lsa.bag(p.text)) ?? new Float32Array(lsa.dimensions));
}
const bm25 = buildBm25(postings);
console.log(
  `[${secs()}] indexed: ${supervised.id} (${supervised.dimensions}-d), ${lsa.id} (${lsa.dimensions}-d), BM25`,
);

/** Scores of every posting, in posting order, from a list of hits (postings not returned score −∞). */
function scoresFrom(hits: ReadonlyArray<{ id: string; score: number }>): Float64Array {
  const out = new Float64Array(postings.length).fill(Number.NEGATIVE_INFINITY);
  for (const h of hits) {
    const row = rowOfCode.get(h.id);
    if (row !== undefined) out[row] = h.score;
  }
  return out;
}

interface QueryState {
  readonly bm25: Float64Array;
  readonly bm25Norm: Float64Array;
  readonly vector: Float32Array | undefined;
  readonly lsa: Float64Array;
}

function prepare(text: string): QueryState {
  const raw = bm25.scoreAll(text);
  let max = 0;
  for (const s of raw) if (s > max) max = s;
  const lsaVector = lsa.embedBag(lsa.bag(text));
  const lsaScores =
    lsaVector === undefined
      ? new Float64Array(postings.length)
      : scoresFrom(lsaIndex.search(lsaVector, postings.length).map((h) => ({ id: h.id, score: h.score })));
  return {
    bm25: raw,
    bm25Norm: Float64Array.from(raw, (s) => (max > 0 ? s / max : 0)),
    vector: supervised.embedOne(text),
    lsa: lsaScores,
  };
}

function hybridScores(state: QueryState, weight: number): Float64Array {
  if (state.vector === undefined) return state.bm25Norm;
  const bias = Float64Array.from(state.bm25Norm, (s) => (1 - weight) * s);
  return scoresFrom(index.searchScored(state.vector, postings.length, { weight, bias }));
}

const denseScores = (state: QueryState): Float64Array =>
  state.vector === undefined
    ? new Float64Array(postings.length)
    : scoresFrom(index.search(state.vector, postings.length).map((h) => ({ id: h.id, score: h.score })));

const devStates = dev.map((q) => prepare(q.text));
console.log(`[${secs()}] dev queries prepared`);
let bestWeight = 0;
let bestMrr = -1;
for (let w = 0; w <= 1.0001; w += 0.05) {
  const weight = Math.round(w * 100) / 100;
  const mrr =
    dev.reduce(
      (sum, q, i) => sum + rankMetrics(hybridScores(devStates[i] ?? prepare(q.text), weight), q.relevant).mrr,
      0,
    ) / dev.length;
  if (mrr > bestMrr) {
    bestMrr = mrr;
    bestWeight = weight;
  }
}
console.log(
  `[${secs()}] hybrid weight chosen on dev: ${bestWeight} × supervised cosine + ` +
    `${(1 - bestWeight).toFixed(2)} × max-normalised BM25 (dev MRR ${bestMrr.toFixed(3)})`,
);

const runs: Record<string, RankMetrics[]> = { BM25: [], LSA: [], supervised: [], hybrid: [] };
test.forEach((q, i) => {
  const state = prepare(q.text);
  runs.BM25?.push(rankMetrics(state.bm25, q.relevant));
  runs.LSA?.push(rankMetrics(state.lsa, q.relevant));
  runs.supervised?.push(rankMetrics(denseScores(state), q.relevant));
  runs.hybrid?.push(rankMetrics(hybridScores(state, bestWeight), q.relevant));
  if ((i + 1) % 1000 === 0) console.log(`[${secs()}] ${i + 1}/${test.length} test queries`);
});
const results: MethodResult[] = [
  { method: 'BM25', note: 'Okapi BM25 (k1 1.2, b 0.75) over the posting text', perQuery: runs.BM25 ?? [] },
  { method: 'LSA', note: 'the LSA embedder fitted on the postings, VectorIndex.search', perQuery: runs.LSA ?? [] },
  { method: 'supervised', note: `${supervised.id}, VectorIndex.search`, perQuery: runs.supervised ?? [] },
  {
    method: 'hybrid',
    note: `VectorIndex.searchScored: ${bestWeight} × supervised + ${(1 - bestWeight).toFixed(2)} × BM25 (dev-chosen)`,
    perQuery: runs.hybrid ?? [],
  },
];
console.log(
  renderRankedTable('Title search: held-out O*NET titles → occupation postings, test split', results, 'BM25'),
);
console.log(`\nsummary: ${test.length} test queries, ${postings.length} postings; whole run ${secs()}`);
