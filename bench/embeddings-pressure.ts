/**
 * npm run bench:embeddings-pressure -- [--seconds=20] [--postings=200]
 * Issue 16 item 6: four concurrent large POST /v1/embeddings from one graduate key pushed everyone's
 * recommendation p50 from 18 ms to 6.5 s. On the embedded database (PGlite in a temporary directory) with the
 * default embedder and the default per-key bound (EMBEDDINGS_CONCURRENCY_PER_KEY 2), another graduate asks for
 * recommendations back to back, first alone, then while one graduate key keeps four embedding requests in
 * flight: two of 1 MB (refused as too many characters) and two of the most one request may hold (200,000
 * characters). Prints the recommendation p50 / p99 of each phase and the embedding answers by status.
 * The embedding runs where `npm start` runs it, in a pool of worker threads with the entry's defaults
 * (src/entry/embedding-pool.ts); `--thread=serving` embeds on the serving thread in batches, as a Worker does.
 * `--huge=0` leaves out the 1 MB requests (refused with 400 after their body is read and parsed, which is work on the
 * serving thread wherever the embedder runs; in this process the client's JSON.stringify of them is too).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config.ts';
import { embeddingPool } from '../src/entry/embedding-pool.ts';
import { MAX_REQUEST_CHARACTERS } from '../src/services/matching/embeddings.ts';
import { openPglite } from '../src/storage/db-pglite.ts';
import { migrate } from '../src/storage/migrate.ts';
import { loadMigrations } from '../src/storage/migrations-fs.ts';
import { testApp } from '../test/support/app.ts';
import { newTenant } from '../test/support/factories.ts';
import { job, profile, testMatching } from '../test/support/matching.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    postings: { type: 'string', default: '200' },
    thread: { type: 'string', default: 'pool' },
    huge: { type: 'string', default: '2' },
  },
});
const SECONDS = Number(values.seconds);

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const f = (x: number) => Number(x.toFixed(1));
  return { requests: s.length, p50ms: f(pct(s, 0.5)), p99ms: f(pct(s, 0.99)), maxMs: f(s.at(-1) ?? 0) };
};

if (values.thread !== 'pool' && values.thread !== 'serving') throw new Error('--thread is pool or serving');
const config = parseConfig({});
const pool =
  values.thread === 'pool'
    ? embeddingPool({
        threads: config.EMBEDDINGS_THREADS || Math.max(1, availableParallelism() - 1),
        maxQueuedCharacters: config.EMBEDDINGS_QUEUE_CHARACTERS,
      })
    : undefined;
const dir = mkdtempSync(join(tmpdir(), 'bole-embeddings-pressure-'));
const database = await openPglite(dir);
try {
  await migrate(database, await loadMigrations());
  const matching = await testMatching(database);
  if (pool) pool.warm(matching.engine.embedder);
  const api = testApp(database, { matching: pool ? { ...matching, textEmbedding: pool } : matching });
  const t = await newTenant(database);
  const employer = await t.employer();
  const cities = ['武汉', '上海', '北京', '深圳', '成都'];
  for (let i = 0; i < Number(values.postings); i++) {
    const res = await api.call(
      'POST',
      '/v1/jobs',
      employer.key,
      job({ title: `数据分析师 ${i}`, locations: [cities[i % 5]] }),
    );
    if (res.status !== 201) throw new Error(`posting ${i}: ${res.status}`);
  }
  const reader = await t.graduate(profile() as never);
  const sender = await t.graduate(profile() as never);
  const recommend = async () => {
    const started = performance.now();
    const res = await api.call('GET', `/v1/graduates/${reader.id}/recommendations?limit=20`, reader.key);
    if (res.status !== 200) throw new Error(`recommendations answered ${res.status}`);
    return performance.now() - started;
  };
  const loop = async (until: number) => {
    const ms: number[] = [];
    while (performance.now() < until) ms.push(await recommend());
    return ms;
  };
  for (let i = 0; i < 20; i++) await recommend(); // warm the index and the code
  const alone = await loop(performance.now() + SECONDS * 1000);

  // 1 MB of text in one input (over the request bound) and the most one request may hold, as 20 inputs.
  const huge = { input: 'data analyst SQL python '.repeat(43_000).slice(0, 1_000_000) };
  const piece = 'Data analyst with SQL and Python, 数据分析 用户增长 指标体系 '.repeat(250);
  const full = { input: Array.from({ length: 20 }, () => piece.slice(0, MAX_REQUEST_CHARACTERS / 20)) };
  const statuses = new Map<number, number>();
  const end = performance.now() + SECONDS * 1000;
  const flood = async (body: object) => {
    while (performance.now() < end) {
      const res = await api.call('POST', '/v1/embeddings', sender.key, body);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      // A refused request comes back at once; its client waits as Retry-After asks, as the SDKs do.
      if (res.status === 429 || res.status === 503)
        await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after'))));
    }
  };
  const floods = [...Array.from({ length: Number(values.huge) }, () => huge), full, full];
  const [during] = await Promise.all([loop(end), ...floods.map(flood)]);
  console.log(
    JSON.stringify({
      backend: 'pglite',
      embedding: pool ? 'worker threads' : 'serving thread',
      oneMegabyteFloods: Number(values.huge),
      postings: Number(values.postings),
      seconds: SECONDS,
      loadAverage: loadavg().map((x) => Number(x.toFixed(1))),
      recommendationsAlone: summary(alone),
      recommendationsDuringEmbeddings: summary(during),
      embeddingAnswers: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    }),
  );
} finally {
  await pool?.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
