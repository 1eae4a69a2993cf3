/**
 * `node bench/search/tune-search.ts`: chooses the search weights of GET /v1/jobs/search (SEARCH_WEIGHTS in
 * src/domain/search/job-search.ts) on the DEV held-out titles only; bench:title-search reports the test split.
 * 1. keywords vs meaning: the share k of the BM25F keyword value (meaning gets 1 − k), grid 0…1 by 0.05,
 *    maximising dev MRR of the query alone (the ranking for every key that is not a graduate's).
 * 2. profileShare s, the part a personalized search gives the graduate's own match: the query must still decide
 *    what is found, so s is the largest value on the grid 0…0.5 by 0.05 whose dev MRR stays ≥ 95 % of the
 *    query-only MRR when every searcher's profile names a different occupation (summary: a dev title of another
 *    occupation, chosen by hash); the gain when the profile agrees (a different dev title of the same
 *    occupation) is printed beside it.
 * Everything goes through the service's posting index and searchPostings (bench/search/direct.ts).
 */
import { availableParallelism } from 'node:os';
import type { SearchProfile, SearchWeights } from '../../src/domain/search/job-search.ts';
import { rankMetrics } from '../quality/intervals.ts';
import { prepareQuery, rankDirect, summaryProfile, type PreparedQuery } from './direct.ts';
import { titleTask, type TitleQuery } from './onet-titles.ts';
import { profilePairs } from './profiles.ts';
import { openSearchService } from './service.ts';

const started = performance.now();
const secs = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string): void => console.log(`[${secs()}] ${line}`);
console.log(`tune-search on ${availableParallelism()} cores, Node ${process.version}: dev held-out titles only`);

const { postings, queries } = titleTask();
const dev = queries.filter((q) => q.split === 'dev');
say(`${postings.length} postings; ${dev.length} dev titles (of ${queries.length} held-out)`);
const service = await openSearchService(postings, say);
const index = await service.deps.engine.postings(service.database, service.tenantId);
const rowOf = new Map(postings.map((p, i) => [service.idOfKey.get(p.key) ?? '', i]));
// MRR over the top 20 (a deeper answer counts as ranked in the middle of the rest: about 0): fast enough for a grid.
const K = 20;

function mrrOf(q: TitleQuery, hits: ReadonlyArray<{ id: string; score: number }>): number {
  const scores = new Float64Array(postings.length).fill(Number.NEGATIVE_INFINITY);
  for (const h of hits) {
    const row = rowOf.get(h.id);
    if (row !== undefined) scores[row] = h.score;
  }
  const relevant = q.codes.map((c) => postings.findIndex((p) => p.key === c)).filter((i) => i >= 0);
  return rankMetrics(scores, relevant).mrr;
}

const prepared: PreparedQuery[] = [];
for (const q of dev) prepared.push(await prepareQuery(service.deps.engine.embedder, index, q.text));
say('dev queries analysed and embedded');

const grid = (to: number): number[] => Array.from({ length: Math.round(to / 0.05) + 1 }, (_, i) => i * 0.05);
const round2 = (x: number): number => Math.round(x * 100) / 100;
const evaluate = (weights: SearchWeights, profiles: ReadonlyArray<SearchProfile | null> = []): number =>
  dev.reduce((sum, q, i) => {
    const p = prepared[i];
    return p === undefined ? sum : sum + mrrOf(q, rankDirect(index, p, K, weights, profiles[i] ?? null));
  }, 0) / dev.length;

let best = { keywords: 0, mrr: -1 };
for (const k of grid(1)) {
  const keywords = round2(k);
  const mrr = evaluate({ version: 'dev', keywords, meaning: round2(1 - keywords), profileShare: 0 });
  console.log(`  keywords ${keywords.toFixed(2)} / meaning ${(1 - keywords).toFixed(2)}: dev MRR ${mrr.toFixed(4)}`);
  if (mrr > best.mrr + 1e-12) best = { keywords, mrr };
}
say(`chosen: keywords ${best.keywords}, meaning ${round2(1 - best.keywords)} (dev MRR ${best.mrr.toFixed(4)})`);

// Profiles: per dev query, a dev title of another occupation (unrelated) and of the same one (agreeing).
const unrelated: SearchProfile[] = [];
const agreeing: Array<SearchProfile | null> = [];
for (const [i, pair] of profilePairs(dev).entries()) {
  unrelated.push(await summaryProfile(service, index, `u${i}`, pair.unrelated));
  agreeing.push(pair.agreeing === null ? null : await summaryProfile(service, index, `a${i}`, pair.agreeing));
}
const withSibling = agreeing.filter((p) => p !== null).length;
say(`profiles built (${withSibling} dev queries have a sibling title for the agreeing profile)`);

const base = { version: 'dev', keywords: best.keywords, meaning: round2(1 - best.keywords) };
let share = 0;
for (const s of grid(0.5)) {
  const profileShare = round2(s);
  const w = { ...base, profileShare };
  const mrrUnrelated = evaluate(w, unrelated);
  const agreeingOnly = dev.map((_, i) => (agreeing[i] === null ? null : i)).filter((i) => i !== null);
  const mrrAgreeing =
    agreeingOnly.reduce((sum, i) => {
      const q = dev[i];
      const p = prepared[i];
      return q && p ? sum + mrrOf(q, rankDirect(index, p, K, w, agreeing[i] ?? null)) : sum;
    }, 0) / Math.max(1, agreeingOnly.length);
  const kept = mrrUnrelated / best.mrr;
  console.log(
    `  profileShare ${profileShare.toFixed(2)}: dev MRR with unrelated profiles ${mrrUnrelated.toFixed(4)} ` +
      `(${(100 * kept).toFixed(1)} % of query-only), with agreeing profiles ${mrrAgreeing.toFixed(4)}`,
  );
  if (kept >= 0.95) share = profileShare;
}
say(`chosen: profileShare ${share} (largest keeping ≥ 95 % of the query-only dev MRR under unrelated profiles)`);
console.log(
  `\nsummary: SEARCH_WEIGHTS = { keywords: ${base.keywords}, meaning: ${base.meaning}, profileShare: ${share} } ` +
    `from ${dev.length} dev titles; whole run ${secs()}`,
);
await service.close();
