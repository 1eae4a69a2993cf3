/**
 * `npm run bench:title-search`: held-out O*NET job titles typed into GET /v1/jobs/search, through the service
 * itself (bench/search/service.ts: createApp on a migrated in-memory PGlite, the 1,016 O*NET occupations created
 * as postings through POST /v1/jobs, each query an HTTP request with a career office's key, so the ranking is the
 * production one: the posting index, its BM25F channel, the default supervised embedder, SEARCH_WEIGHTS).
 * Queries: every held-out Alternate or Reported Title (bench/quality/holdout.ts: never trained on) in the TEST
 * split (bench/quality/split.ts); the search weights were chosen on the dev split only
 * (bench/search/tune-search.ts). The answer is the occupation listing the title; a title that several
 * occupations list is answered by any of them. Figures: MRR and recall@10 with 95 % bootstrap intervals, and the
 * ratio to BM25 (Okapi BM25 over each occupation's text, as in bench:quality (a)) with a paired bootstrap interval.
 * The main table ranks every test title (6,407; --sample=N for a shorter run) with the direct searchPostings call
 * the route makes (bench/search/direct.ts); the 1,500 (--http-sample=N) with the smallest sampling hash also go
 * through GET /v1/jobs/search over HTTP, whose answers must equal the direct ones (ids and scores, counted), and
 * carry the personalized ablations.
 * O*NET 29.2 by USDOL/ETA, CC BY 4.0.
 */
import { availableParallelism, loadavg } from 'node:os';
import { SEARCH_WEIGHTS } from '../src/domain/search/job-search.ts';
import { buildBm25 } from '../src/domain/text/bm25.ts';
import { describeHoldout } from './quality/holdout.ts';
import { rankMetrics, type RankMetrics } from './quality/intervals.ts';
import { occupationText } from './quality/occupation-corpus.ts';
import { loadOnet } from './quality/onet.ts';
import { renderRankedTable, type MethodResult } from './quality/ranked-table.ts';
import { describeSplit, sampleByHash } from './quality/split.ts';
import { prepareQuery, rankDirect, summaryProfile } from './search/direct.ts';
import { titleTask } from './search/onet-titles.ts';
import { profilePairs } from './search/profiles.ts';
import { openSearchService } from './search/service.ts';

const started = performance.now();
const secs = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string): void => console.log(`[${secs()}] ${line}`);
console.log(
  `bench:title-search on ${availableParallelism()} cores, Node ${process.version}, ` +
    `load average ${loadavg()[0]?.toFixed(1)}`,
);
console.log(`holdout: ${describeHoldout()}`);
console.log(`split of the held-out titles: ${describeSplit()}; weights chosen on dev, figures on test`);

const onet = loadOnet();
const { postings, queries } = titleTask(onet);
// --sample=N: the N test titles with the smallest sampling hash (split.ts), for a shorter run; default all.
const sampleArg = process.argv.find((a) => a.startsWith('--sample='))?.slice('--sample='.length);
const allTest = queries.filter((q) => q.split === 'test');
const test = sampleArg === undefined ? allTest : sampleByHash(allTest, (q) => q.key, Number(sampleArg));
if (test.length < allTest.length) console.log(`sample: ${test.length} of ${allTest.length} test titles by hash`);
// An HTTP request per query (PGlite, impressions) is the slow part on 2 shared cores: the main table ranks every
// test title with the direct searchPostings call, and the SAMPLE titles with the smallest sampling hash also go
// through GET /v1/jobs/search (each answer compared with the direct one) and the personalized ablations.
const SAMPLE = Number(process.argv.find((a) => a.startsWith('--http-sample='))?.slice('--http-sample='.length) ?? 1500);
const sampled = new Set(sampleByHash(test, (q) => q.key, SAMPLE).map((q) => q.key));
say(`${postings.length} postings; ${queries.length} held-out titles, ${test.length} in the test split`);
const service = await openSearchService(postings, say);
const index = await service.deps.engine.postings(service.database, service.tenantId);
say(`service ready: ${index.size} open postings indexed with ${service.deps.engine.embedder.id}`);

const rowOfKey = new Map(postings.map((p, i) => [p.key, i]));
const bm25 = buildBm25(onet.occupations.map((o) => ({ id: o.code, text: occupationText(o) })));
const bm25Row = onet.occupations.map((o) => rowOfKey.get(o.code) ?? -1);
/** HTTP returns pages; a posting not among the first LIMIT counts as ranked in the middle of the rest. */
const LIMIT = 100;

function scoresOf(hits: ReadonlyArray<{ id: string; score: number }>): Float64Array {
  const scores = new Float64Array(postings.length).fill(Number.NEGATIVE_INFINITY);
  for (const h of hits) {
    const row = rowOfKey.get(service.keyOfId.get(h.id) ?? '');
    if (row !== undefined) scores[row] = h.score;
  }
  return scores;
}

const methods = [
  'BM25',
  'keywords only',
  'meaning only',
  'production',
  'http',
  'sampleBm25',
  'unrelated',
  'agreeing',
  'alone',
] as const;
const pairs = profilePairs(test);
const runs = Object.fromEntries(methods.map((m) => [m, [] as RankMetrics[]])) as Record<
  (typeof methods)[number],
  RankMetrics[]
>;
let same = 0;
let compared = 0;
for (const [i, q] of test.entries()) {
  const relevant = q.codes.map((c) => rowOfKey.get(c) ?? -1).filter((r) => r >= 0);
  const lexical = bm25.scoreAll(q.text);
  const inPostingOrder = new Float64Array(postings.length);
  lexical.forEach((s, d) => {
    const row = bm25Row[d] ?? -1;
    if (row >= 0) inPostingOrder[row] = s;
  });
  runs.BM25.push(rankMetrics(inPostingOrder, relevant));
  const prepared = await prepareQuery(service.deps.engine.embedder, index, q.text);
  const direct = rankDirect(index, prepared, LIMIT, SEARCH_WEIGHTS);
  runs.production.push(rankMetrics(scoresOf(direct), relevant));
  if (sampled.has(q.key)) {
    // The sample also goes through GET /v1/jobs/search itself, which must give exactly the direct answer.
    const served = await service.search(q.text, LIMIT);
    const hits = served.map((h) => ({ id: h.posting.id, score: h.score }));
    runs.http.push(rankMetrics(scoresOf(hits), relevant));
    runs.sampleBm25.push(runs.BM25.at(-1) ?? { mrr: 0, recall: 0 });
    compared++;
    if (direct.length === hits.length && direct.every((d, j) => d.id === hits[j]?.id && d.score === hits[j]?.score))
      same++;
  }
  const kw = rankDirect(index, prepared, LIMIT, { ...SEARCH_WEIGHTS, keywords: 1, meaning: 0 });
  const mean = rankDirect(index, prepared, LIMIT, { ...SEARCH_WEIGHTS, keywords: 0, meaning: 1 });
  runs['keywords only'].push(rankMetrics(scoresOf(kw), relevant));
  runs['meaning only'].push(rankMetrics(scoresOf(mean), relevant));
  // Personalized: the same query by a graduate whose profile names another occupation, or the same one.
  const pair = pairs[i];
  if (pair && sampled.has(q.key)) {
    const stranger = await summaryProfile(service, index, `u${i}`, pair.unrelated);
    runs.unrelated.push(rankMetrics(scoresOf(rankDirect(index, prepared, LIMIT, SEARCH_WEIGHTS, stranger)), relevant));
    if (pair.agreeing !== null) {
      const friend = await summaryProfile(service, index, `a${i}`, pair.agreeing);
      runs.agreeing.push(rankMetrics(scoresOf(rankDirect(index, prepared, LIMIT, SEARCH_WEIGHTS, friend)), relevant));
      runs.alone.push(runs.production.at(-1) ?? { mrr: 0, recall: 0 });
    }
  }
  if ((i + 1) % 500 === 0) say(`${i + 1}/${test.length} test queries`);
}
await service.close();
const inSample = test.map((q) => sampled.has(q.key));

const w = SEARCH_WEIGHTS;
const results: MethodResult[] = [
  { method: 'BM25', note: 'Okapi BM25 (k1 1.2, b 0.75) over each occupation text', perQuery: runs.BM25 },
  {
    method: 'keywords only',
    note: 'searchPostings with keywords 1, meaning 0 (the BM25F channel alone)',
    perQuery: runs['keywords only'],
  },
  {
    method: 'meaning only',
    note: 'searchPostings with keywords 0, meaning 1 (the supervised embedder alone)',
    perQuery: runs['meaning only'],
  },
  {
    method: 'production',
    note:
      `searchPostings as GET /v1/jobs/search calls it: ${w.version}, ${w.keywords} × keywords + ` +
      `${w.meaning} × meaning`,
    perQuery: runs.production,
  },
];
console.log(
  renderRankedTable('Title search: held-out O*NET titles → occupation postings, every test title', results, 'BM25'),
);
console.log(
  renderRankedTable(
    `The same through GET /v1/jobs/search over HTTP, ${sampled.size} test titles by hash`,
    [
      { method: 'BM25', note: 'as above', perQuery: runs.sampleBm25 },
      { method: 'production over HTTP', note: 'GET /v1/jobs/search, limit 100', perQuery: runs.http },
    ],
    'BM25',
  ),
);
console.log(
  renderRankedTable(
    `Personalized search (profileShare ${w.profileShare}), ${sampled.size} test titles by hash: ` +
      'the same query with a profile',
    [
      { method: 'query alone', note: 'as above', perQuery: runs.production.filter((_, i) => inSample[i]) },
      {
        method: 'unrelated profile',
        note: "the graduate's summary is a title of another occupation",
        perQuery: runs.unrelated,
      },
    ],
    'query alone',
  ),
);
console.log(
  renderRankedTable(
    `Personalized search (profileShare ${w.profileShare}), those of the ${sampled.size} whose occupation ` +
      'has another test title',
    [
      { method: 'query alone', note: 'as above', perQuery: runs.alone },
      { method: 'agreeing profile', note: "the graduate's summary is another title of it", perQuery: runs.agreeing },
    ],
    'query alone',
  ),
);
console.log(
  `\nThe direct searchPostings call reproduced the HTTP answer (ids and scores, top ${LIMIT}) for ${same} of ` +
    `${compared} sampled queries.`,
);
console.log(
  `summary: ${test.length} test queries (${sampled.size} also over HTTP), ${postings.length} postings; ` +
    `whole run ${secs()}`,
);
