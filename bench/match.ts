/**
 * `npm run bench:match`: matching speed on this machine, everything measured in one run and one process.
 * For each size (open postings, 256-d unit vectors): the floor (one sequential pass summing the same
 * vector memory, in JS and with SIMD), exact vector top-10 (search: int8×int16 SIMD scan with per-row error
 * bounds + float32 rescoring of the rows that can still enter; searchExact:
 * float32 brute force), a full recommendation (filters, exact hybrid top 20, explanation data, batched
 * impression write into a migrated in-memory PGlite, then a check of a few lists against brute-force
 * scoreMatch over every allowed posting), and pgvector HNSW through PGlite at its recall.
 * Data: see bench/match/corpus.ts (real generated postings and graduates, production LSA) and
 * bench/match/synthetic.ts (how they are scaled). Prints figures; asserts nothing about time.
 *
 * Flags: --million adds the 1M case (about 4 minutes more); --sizes=10000,100000 replaces the list;
 * --hnsw-max=100000 is the largest size pgvector is built for; --ef=40,100 the hnsw.ef_search values.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { DEFAULT_WEIGHTS } from '../src/domain/matching/weights.ts';
import { silentLogger } from '../src/logger.ts';
import { newId } from '../src/services/context.ts';
import { BatchedImpressionLog } from '../src/services/matching/impression-log.ts';
import { openPglite } from '../src/storage/db-pglite.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadMigrations } from '../src/storage/migrations-fs.ts';
import { buildCorpus } from './match/corpus.ts';
import { HNSW } from './match/pgvector.ts';
import { ms, ratio, renderConsole, renderMarkdown, sizeLabel, type Table } from './match/report.ts';
import { runSize, type SizeResult } from './match/size-run.ts';
import { LIMIT } from './match/recommend.ts';
import { NOISE } from './match/synthetic.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const list = (value: string | undefined, fallback: number[]): number[] =>
  value
    ? value
        .split(',')
        .map(Number)
        .filter((x) => x > 0)
    : fallback;
const sizes = list(arg('sizes'), process.argv.includes('--million') ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]);
const hnswMax = Number(arg('hnsw-max') ?? 100_000);
const efSearch = list(arg('ef'), [40, 100]);
const BASE_POSTINGS = 3000;
const GRADUATES = 300;
const DIMENSIONS = 256;
const say = (line: string): void => console.log(line);
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

const started = performance.now();
say(
  `bench:match on ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; load average ${load()}; ` +
    `sizes ${sizes.map(sizeLabel).join(', ')}`,
);
const corpus = await buildCorpus('bole-match', BASE_POSTINGS, GRADUATES, DIMENSIONS);
const ct = corpus.timings;
say(
  `corpus: ${corpus.postings.length} generated postings and ${corpus.queries.length} ` +
    `graduates (generate ${ms(ct.generateMs)} ms), LSA ${corpus.embedder.state.dimensions}-d ` +
    `fitted in ${(ct.fitMs / 1000).toFixed(1)} s (vocabulary ` +
    `${corpus.embedder.state.vocabulary.length}), embedded in ` +
    `${(ct.embedMs / 1000).toFixed(1)} s`,
);

const t = performance.now();
const database = await openPglite();
await migrate(database, await loadMigrations());
const tenantId = newId();
await database.db
  .insertInto('tenants')
  .values({ id: tenantId, name: 'bench', kind: 'university', settings: '{}' })
  .execute();
const graduateIds = corpus.queries.map(() => newId());
const impressions = new BatchedImpressionLog({ logger: silentLogger });
say(
  `impressions: in-memory PGlite, repo migrations applied in ` +
    `${(performance.now() - t).toFixed(0)} ms; BatchedImpressionLog (25 ms batches)`,
);

const results: SizeResult[] = [];
for (const n of sizes) {
  say(`${sizeLabel(n)}:`);
  const big = n >= 1_000_000;
  results.push(
    await runSize(
      {
        n,
        vectorRuns: big ? 100 : 200,
        recommendRuns: big ? 200 : 500,
        hnsw: n <= hnswMax,
        efSearch,
        hnswQueries: 200,
        bruteForceChecks: big ? 3 : 10,
      },
      {
        corpus,
        weights: DEFAULT_WEIGHTS,
        database,
        impressions,
        tenantId,
        graduateIds,
        say,
      },
    ),
  );
}
await database.close();

const vectorTable: Table = {
  title: 'Exact vector top-10 vs the floors (ms; ×floor = p50 / floor p50)',
  head: [
    'postings',
    'load s',
    'rss MB',
    'floor f32 JS',
    'f32 SIMD',
    'i8 SIMD',
    'search p50',
    'p99',
    '×f32 SIMD',
    '×i8 SIMD',
    'rescored',
    'exact p50',
    'p99',
    '×f32 JS',
    'same as exact',
  ],
  rows: results.map((r) => [
    sizeLabel(r.n),
    (r.loadMs / 1000).toFixed(1),
    r.rssMb.toFixed(0),
    ms(r.floorF32.p50),
    ms(r.floorF32Simd.p50),
    ms(r.floorI8Simd.p50),
    ms(r.search.p50),
    ms(r.search.p99),
    ratio(r.search.p50 / r.floorF32Simd.p50),
    ratio(r.search.p50 / r.floorI8Simd.p50),
    r.rescored.p50.toFixed(0),
    ms(r.searchExact.p50),
    ms(r.searchExact.p99),
    ratio(r.searchExact.p50 / r.floorF32.p50),
    `${r.sameAsExact}/${r.queries}`,
  ]),
  notes: [
    'floors: VectorIndex.scanFloor — one sequential pass summing the float32 rows in plain JS ' +
      '(f32 JS) or with WebAssembly SIMD (f32 SIMD), or summing their int8 copies with SIMD (i8 ' +
      'SIMD, the memory search() scans).',
    `search (${results[0]?.backend ?? '?'} kernels): int8×int16 SIMD scan of every row, ` +
      `float32 rescoring of the rows whose error bound reaches the k-th score (rescored = p50 ` +
      `count), exact by construction; exact: float32 brute force in JS (searchExact).`,
    "same as exact: queries whose search() hits (ids and scores, in order) equal searchExact()'s.",
  ],
};
const recTable: Table = {
  title: `Full recommendation (top ${LIMIT}, ms)`,
  head: [
    'postings',
    'allowed',
    'p50',
    'p99',
    'req/s',
    'features',
    'mask',
    'rank',
    'view',
    'record',
    'impressions',
    'same as brute force',
  ],
  rows: results.map((r) => {
    const p = r.recommend.phases;
    return [
      sizeLabel(r.n),
      r.recommend.meanAllowed.toFixed(0),
      ms(r.recommend.latency.p50),
      ms(r.recommend.latency.p99),
      r.recommend.throughput.toFixed(0),
      ms(p.features.p50),
      ms(p.mask.p50),
      `${ms(p.rank.p50)} / ${ms(p.rank.p99)}`,
      ms(p.view.p50),
      ms(p.record.p50),
      `${r.recommend.impressionsWritten}/${r.recommend.impressionsRecorded}`,
      `${r.agreement.same}/${r.agreement.checked}`,
    ];
  }),
  notes: [
    'Per request: profileFeatures, PostingIndex.mask (eligible degree, a city on 1 request in ' +
      '5, 3 excluded ids, 5 % closed), PostingIndex.rank k=20, matchView per item, impression ' +
      'rows → BatchedImpressionLog.record into PGlite.',
    'Phase columns are p50 (rank: p50 / p99); allowed = mean rows passing the filters; req/s = ' +
      'single process, back to back, batched PGlite writes and final flush included; impressions ' +
      '= rows in the database / rows recorded.',
    'same as brute force: lists (ids and scores) equal to scoreMatch over every allowed ' +
      'posting with the same dot products, ordered by (score desc, row asc); untimed.',
  ],
};
const hnswRows = results.filter((r) => r.hnsw !== null);
const hnswTable: Table = {
  title:
    `pgvector HNSW through PGlite (m=${HNSW.m}, ef_construction=${HNSW.efConstruction}, ` +
    `vector_cosine_ops), 200 queries`,
  head: ['postings', 'load s', 'build s', 'ef_search', 'recall@10', 'p50', 'p99', 'exact search p50'],
  rows: hnswRows.flatMap((r) =>
    (r.hnsw?.runs ?? []).map((run) => [
      sizeLabel(r.n),
      ((r.hnsw?.loadMs ?? 0) / 1000).toFixed(1),
      ((r.hnsw?.buildMs ?? 0) / 1000).toFixed(1),
      String(run.efSearch),
      run.recall.toFixed(3),
      ms(run.latency.p50),
      ms(run.latency.p99),
      ms(r.search.p50),
    ]),
  ),
  notes: [
    'recall@10 against the exact float32 top 10 (searchExact); latency is a PGlite query round ' +
      'trip (parse, plan, index scan) in the same process.',
  ],
};
const tables = [vectorTable, recTable, hnswTable];
const setup = [
  `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), Node ` +
    `${process.version}, --max-old-space-size=8192; load average at the end ${load()} (1/5/15 ` +
    `min: other processes share the cores, so compare figures with the floor of the same run); ` +
    `total run ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  `Data: ${BASE_POSTINGS} postings and ${GRADUATES} graduates from generateDemoData (seed ` +
    `"bole-match"), features by postingFeatures/profileFeatures, vectors by the production LSA ` +
    `embedder (${DIMENSIONS}-d) fitted on those postings.`,
  `Scaling: row i < ${BASE_POSTINGS} is real posting i; later rows copy a random real ` +
    `posting with vector normalise(v + ${NOISE}·g/‖g‖) (g Gaussian; cos to the original ≈ ` +
    `${(1 / Math.sqrt(1 + NOISE * NOISE)).toFixed(2)}) and perturbed features (cities of ` +
    `another posting, salary ×U[0.85,1.15], p=0.2 drop a required skill, p=0.3 add a preferred ` +
    `skill of the same occupation).`,
  "Queries: the graduates' profile vectors (profileText embedded) and profileFeatures, cycled.",
];
say('');
for (const table of tables) say(`${renderConsole(table)}\n`);
mkdirSync('bench/out', { recursive: true });
writeFileSync(
  'bench/out/match.md',
  ['# bench:match', '', ...setup.map((s) => `- ${s}`), '', ...tables.map(renderMarkdown)].join('\n'),
);
say(setup.join('\n'));
say('wrote bench/out/match.md');
