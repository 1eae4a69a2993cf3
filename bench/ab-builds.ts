/**
 * `node bench/ab-builds.ts <database url> <tenant id> <key> --base=<checkout> [--new=<checkout>] [--requests=400]
 * [--limit=20] [--path=recommendations|candidates|explanations] [--distinct]`: two checkouts' services in one process,
 * their recommendation requests (or candidate lists of the first 100 postings, or explanations of serve-stages' 40
 * pairs: the i-th graduate's (i mod 20)-th recommendation) interleaved (base then new, then new then base), with this
 * process's CPU and the wall time of each request, and every answer compared once between the two (ids of the list
 * and its impressions blanked). --distinct: the measured requests ask for --requests graduates or postings
 * beyond the first 100 (which warm both), each once on each build, so every measured list is a first one (kept
 * rankings and caches keyed by the profile never serve it); their answers are compared too. Each checkout's app is
 * wired as bench/serve-stages.ts wires it, over the postings index (and, for candidate lists, the graduates loaded in
 * a worker thread of the checkout's own). On a loaded machine
 * two processes side by side differ by more than most changes do (explanations, unchanged, moved 11-13 % either way
 * between such pairs on 2026-12-07); requests interleaved in one process meet the same load, caches and collections.
 * --flush-each: each request's impressions written right after it, inside its CPU and wall figures (otherwise they are
 * written every 50 requests or by the log's timer, outside the figures or charged to whichever request is running).
 * Prints figures; asserts nothing.
 */
import { loadavg } from 'node:os';
import { percentile } from './http/report.ts';
import { UNLIMITED_RATE_LIMITS } from './http/unlimited-rates.ts';
import type * as App from '../src/app.ts';
import type * as Config from '../src/config.ts';
import type * as Weights from '../src/domain/matching/weights.ts';
import type * as Database from '../src/http/middleware/database.ts';
import type * as Logger from '../src/logger.ts';
import type * as Context from '../src/services/context.ts';
import type * as ActiveEmbedder from '../src/services/matching/active-embedder.ts';
import type * as Engine from '../src/services/matching/engine.ts';
import type * as ImpressionLog from '../src/services/matching/impression-log.ts';
import type * as MemoryLimiter from '../src/services/rate-limit/memory.ts';
import type * as FromConfig from '../src/services/rate-limit/from-config.ts';
import type * as Postgres from '../src/storage/db-postgres.ts';
import type * as LoadThread from '../src/entry/graduate-load-thread.ts';

const [url = '', tenantId = '', key = ''] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const BASE = arg('base');
const NEW = arg('new') ?? new URL('..', import.meta.url).pathname;
const REQUESTS = Number(arg('requests') ?? 400);
const LIMIT = Number(arg('limit') ?? 20);
const PATH = arg('path') ?? 'recommendations';
const DISTINCT = process.argv.includes('--distinct');
const FLUSH_EACH = process.argv.includes('--flush-each');
if (PATH !== 'recommendations' && PATH !== 'candidates' && PATH !== 'explanations')
  throw new Error(`unknown --path=${PATH}`);
if (!url || !tenantId || !key || !BASE)
  throw new Error('usage: ab-builds.ts <database url> <tenant id> <key> --base=<checkout> [--new=<checkout>]');

const env = {
  ...process.env,
  DATABASE_URL: url,
  ...UNLIMITED_RATE_LIMITS,
};

interface Build {
  name: string;
  request: (path: string) => Promise<Response>;
  flush: () => Promise<void>;
  close: () => Promise<void>;
}

/** A checkout's app, from its own sources (typed as this checkout's: the modules keep their shapes). */
async function build(name: string, root: string): Promise<Build> {
  const at = (path: string): string => new URL(`src/${path}`, `file://${root.replace(/\/?$/, '/')}`).href;
  const load = async <T>(path: string): Promise<T> => (await import(at(path))) as T;
  const { createApp } = await load<typeof App>('app.ts');
  const { parseConfig } = await load<typeof Config>('config.ts');
  const { DEFAULT_WEIGHTS } = await load<typeof Weights>('domain/matching/weights.ts');
  const { sharedDatabase } = await load<typeof Database>('http/middleware/database.ts');
  const { silentLogger } = await load<typeof Logger>('logger.ts');
  const { systemClock } = await load<typeof Context>('services/context.ts');
  const { servingEmbedder } = await load<typeof ActiveEmbedder>('services/matching/active-embedder.ts');
  const { MatchingEngine } = await load<typeof Engine>('services/matching/engine.ts');
  const { BatchedImpressionLog } = await load<typeof ImpressionLog>('services/matching/impression-log.ts');
  const { memoryRateLimiter } = await load<typeof MemoryLimiter>('services/rate-limit/memory.ts');
  const { rateLimitsFromConfig } = await load<typeof FromConfig>('services/rate-limit/from-config.ts');
  const { openPostgres } = await load<typeof Postgres>('storage/db-postgres.ts');
  const { loadGraduatesInWorker } = await load<typeof LoadThread>('entry/graduate-load-thread.ts');
  const config = parseConfig(env);
  const database = await openPostgres(url, { max: 10 });
  const embedder = await servingEmbedder(database, config, { lsa: 'active' });
  const impressions = new BatchedImpressionLog({ logger: silentLogger });
  // Candidate lists: the graduates load as src/entry/node.ts loads them, in a worker thread (the heap it leaves is
  // the service's).
  const engine = new MatchingEngine(
    embedder,
    PATH === 'candidates'
      ? { loadGraduatesElsewhere: loadGraduatesInWorker(url, embedder, (e) => console.error(e)) }
      : {},
  );
  const deps = { engine, impressions, weights: DEFAULT_WEIGHTS };
  const app = createApp({
    database: sharedDatabase(database),
    clock: systemClock,
    logger: silentLogger,
    maxBodyBytes: 1 << 20,
    version: 'bench',
    rateLimits: rateLimitsFromConfig(config, memoryRateLimiter(systemClock)),
    shed: { maxInFlight: config.MAX_IN_FLIGHT },
    requestTimeoutMs: config.REQUEST_TIMEOUT_SECONDS * 1_000,
    matching: async () => deps,
  });
  const started = performance.now();
  await engine.postings(database, tenantId);
  if (PATH === 'candidates') await engine.graduates(database, tenantId);
  const loaded = PATH === 'candidates' ? 'postings and graduates' : 'postings';
  console.log(`${name} (${root}): ${loaded} loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const headers = { authorization: `Bearer ${key}` };
  return {
    name,
    request: async (path) => app.request(path, { headers }),
    flush: () => impressions.flush(),
    close: () => database.close(),
  };
}

const builds = [await build('base', BASE), await build('new', NEW)] as const;
const [base, next] = builds;
/** The first `count` ids of a listing, a page of 100 at a time. */
const listed = async (path: string, count: number): Promise<string[]> => {
  const ids: string[] = [];
  let cursor: string | null | undefined;
  while (ids.length < count) {
    const res = await base.request(`${path}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const page = (await res.json()) as { items: Array<{ id: string }>; nextCursor?: string | null };
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (!cursor || page.items.length === 0) break;
  }
  return ids.slice(0, count);
};
const pathOf = (id: string): string =>
  PATH === 'candidates'
    ? `/v1/jobs/${id}/candidates?limit=${LIMIT}`
    : `/v1/graduates/${id}/recommendations?limit=${LIMIT}`;
const ids = await listed(PATH === 'candidates' ? '/v1/jobs' : '/v1/graduates', DISTINCT ? 100 + REQUESTS : 100);
if (DISTINCT && ids.length < 100 + REQUESTS) throw new Error(`only ${ids.length - 100} distinct beyond the first 100`);
/** serve-stages' explanation pairs: the i-th graduate's (i mod 20)-th recommendation, ranks 1 to 20 all asked. */
const explained = async (graduates: readonly string[]): Promise<string[]> => {
  const out: string[] = [];
  for (const [i, g] of graduates.slice(0, 40).entries()) {
    const res = await base.request(`/v1/graduates/${g}/recommendations?limit=20`);
    const items = ((await res.json()) as { items: Array<{ posting: { id: string } }> }).items;
    const pick = items[i % Math.max(1, items.length)];
    if (pick) out.push(`/v1/graduates/${g}/recommendations/${pick.posting.id}/explanation`);
  }
  return out;
};
if (PATH === 'explanations' && DISTINCT) throw new Error('--distinct is for lists');
const paths = PATH === 'explanations' ? await explained(ids) : ids.slice(0, 100).map(pathOf);
const measured = DISTINCT ? ids.slice(100).map(pathOf) : paths;
const blank = (text: string): string => text.replace(/"(listId|impressionId|requestId|servedAt)":"[^"]*"/g, '"$1":"-"');
// Every path once on each (caches and the JIT warm), the answers compared.
let differ = 0;
for (const path of paths) {
  const a = blank(await (await base.request(path)).text());
  const b = blank(await (await next.request(path)).text());
  if (a !== b) differ++;
}
console.log(`${paths.length} paths, ${differ} answered differently`);

const cpu = new Map(builds.map((b) => [b, [] as number[]]));
let differMeasured = 0;
const wall = new Map(builds.map((b) => [b, [] as number[]]));
for (let i = 0; i < REQUESTS; i++) {
  const path = measured[i % measured.length] ?? '/';
  const answers = new Map<Build, string>();
  for (const b of i % 2 === 0 ? [base, next] : [next, base]) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const res = await b.request(path);
    const body = DISTINCT ? await res.text() : (await res.arrayBuffer(), '');
    if (FLUSH_EACH) await b.flush();
    wall.get(b)?.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.get(b)?.push((used.user + used.system) / 1000);
    if (res.status !== 200) throw new Error(`${b.name} ${path}: ${res.status}`);
    answers.set(b, body);
  }
  if (DISTINCT && blank(answers.get(base) ?? '') !== blank(answers.get(next) ?? '')) differMeasured++;
  // The impressions' batches written as they fill, for both alike.
  if (i % 50 === 49) await Promise.all(builds.map((b) => b.flush()));
}
console.log(
  `${REQUESTS} requests each, interleaved; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}` +
    (DISTINCT
      ? `; each a distinct ${PATH === 'candidates' ? 'posting' : 'graduate'}, ` +
        `${differMeasured} answered differently`
      : ''),
);
const p = (xs: number[], q: number): string => percentile(xs, q).toFixed(2);
for (const b of builds) {
  const c = cpu.get(b) ?? [];
  const w = wall.get(b) ?? [];
  const mean = c.reduce((s, x) => s + x, 0) / Math.max(1, c.length);
  console.log(
    `  ${b.name}: this process's CPU a request mean ${mean.toFixed(2)} ms, p50 ${p(c, 0.5)} ms; ` +
      `wall p50 ${p(w, 0.5)} ms, p99 ${p(w, 0.99)} ms`,
  );
}
await Promise.all(builds.map((b) => b.flush()));
await Promise.all(builds.map((b) => b.close()));
