/**
 * `node bench/serve-stages.ts <database url> <tenant id> <key> [--workload=recommendations] [--requests=300]`
 * (workloads: recommendations, candidates, search, explanations, or several comma-separated, run in turn on
 * the indexes loaded once; --dump then writes <file>.<workload>):
 * where one request's time goes, in this process, with the app wired as `src/entry/node.ts` wires it (batched
 * impressions, rate limits counted in memory, load shedding; no Redis). Requests run one at a time through
 * app.request; every SQL statement is timed from the client (Kysely's log: send to last row) and grouped by
 * its shape, so the figures show the database round trips per request and what is left for JavaScript.
 * Run under node --cpu-prof for the JavaScript side. Prints figures; asserts nothing.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { PerformanceObserver, constants as perfConstants, monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { DEFAULT_WEIGHTS } from '../src/domain/matching/weights.ts';
import { sharedDatabase } from '../src/http/middleware/database.ts';
import { silentLogger } from '../src/logger.ts';
import { systemClock } from '../src/services/context.ts';
import { servingEmbedder } from '../src/services/matching/active-embedder.ts';
import { MatchingEngine } from '../src/services/matching/engine.ts';
import { loadGraduatesInWorker } from '../src/entry/graduate-load-thread.ts';
import { BatchedImpressionLog } from '../src/services/matching/impression-log.ts';
import { memoryRateLimiter } from '../src/services/rate-limit/memory.ts';
import { rateLimitsFromConfig } from '../src/services/rate-limit/from-config.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';
import { percentile } from './http/report.ts';
import { UNLIMITED_RATE_LIMITS } from './http/unlimited-rates.ts';

const [url = '', tenantId = '', key = ''] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const WORKLOAD = arg('workload') ?? 'recommendations';
const REQUESTS = Number(arg('requests') ?? 300);
/** --dump=<file>: every path's answer once, ids of the list and its impressions blanked, to compare two builds. */
const DUMP = arg('dump');
/**
 * --profile=<prefix>: a CPU profile of each workload's measured requests only (not the index load), written to
 * <prefix>.<workload>.cpuprofile (open it in Chrome's DevTools or speedscope), and of its first pass (caches cold)
 * to <prefix>.<workload>.first.cpuprofile.
 */
const PROFILE = arg('profile');
/**
 * --alloc: bytes allocated per measured request, by V8's sampling heap profiler (one sample per 1 KiB on average,
 * objects the scavenger or the mark-compactor freed kept in the count), with the ten functions allocating most.
 */
const ALLOC = process.argv.includes('--alloc');
/**
 * --retained (under node --expose-gc): what the measured requests allocated that outlived the young generation, by
 * site, with two collections at their end: --retained=minor counts what survived every scavenge it met, even if a
 * major collection freed it later (the objects the scavenges copied and promoted); --retained=major only what is
 * still held after two full collections (the caches and queues that keep a request's objects).
 */
const RETAINED = process.argv.includes('--retained') ? 'major' : arg('retained');
/** --pairs=N: explanations of N (graduate, posting) pairs (bench/http.ts explains 40); the first pass is uncached. */
const PAIRS = Number(arg('pairs') ?? 40);
if (!url || !tenantId || !key) throw new Error('usage: serve-stages.ts <database url> <tenant id> <key>');

const env = {
  ...process.env,
  DATABASE_URL: url,
  ...UNLIMITED_RATE_LIMITS,
};
const config = parseConfig(env);
let recording = false;
const statements = new Map<string, { n: number; ms: number }>();
/** A statement's text grouped by shape, kept per text: the regexes over an insert's hundreds of placeholders cost. */
const shapes = new Map<string, string>();
const shape = (text: string): string => {
  let held = shapes.get(text);
  if (held === undefined) {
    held = text
      .replace(/\$\d+(, \$\d+)*/g, '$…')
      .replace(/\s+/g, ' ')
      .slice(0, 110);
    if (shapes.size >= 1_024) shapes.clear();
    shapes.set(text, held);
  }
  return held;
};
const database = await openPostgres(url, {
  max: 10,
  onQuery: ({ sql, ms }) => {
    if (!recording) return;
    const key = shape(sql);
    const s = statements.get(key) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    statements.set(key, s);
  },
});
const embedder = await servingEmbedder(database, config, { lsa: 'active' });
const impressions = new BatchedImpressionLog({ logger: silentLogger });
// As node.ts on PostgreSQL: the graduates load in a worker thread (--graduates=here: in this one).
const engine = new MatchingEngine(
  embedder,
  arg('graduates') === 'here'
    ? {}
    : { loadGraduatesElsewhere: loadGraduatesInWorker(url, embedder, (e) => console.error(e)) },
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
const headers = { authorization: `Bearer ${key}` };
const get = async (path: string) => {
  const res = await app.request(path, { headers });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ items: Array<{ id: string; posting?: { id: string } }> }>;
};
const profiler = new Session();
if (PROFILE || ALLOC || RETAINED) profiler.connect();
if (PROFILE) {
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 100 });
}
const collections: Array<{ kind: number; ms: number }> = [];
const gcObserver = new PerformanceObserver((entries) => {
  for (const e of entries.getEntries())
    collections.push({ kind: (e as { detail?: { kind?: number } }).detail?.kind ?? 0, ms: e.duration });
});
gcObserver.observe({ entryTypes: ['gc'] });
/** The observer's entries arrive after a turn of the event loop; the list as of the last request. */
const collectionsSoFar = async (): Promise<Array<{ kind: number; ms: number }>> => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return collections.splice(0);
};
let t = performance.now();
await deps.engine.postings(database, tenantId);
await deps.engine.graduates(database, tenantId);
console.log(`indexes loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
// Under node --expose-gc: what every major collection marks from now on, and how long one takes.
const fullGc = (globalThis as { gc?: () => void }).gc;
if (fullGc) {
  fullGc();
  t = performance.now();
  fullGc();
  const heap = process.memoryUsage();
  console.log(
    `  after a full collection (${(performance.now() - t).toFixed(0)} ms): heap used ` +
      `${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB, external ${(heap.external / 2 ** 20).toFixed(0)} MiB, ` +
      `RSS ${(heap.rss / 2 ** 20).toFixed(0)} MiB`,
  );
}
const graduates = (await get('/v1/graduates?limit=100')).items.map((g) => g.id);
const postings = (await get('/v1/jobs?limit=100')).items.map((p) => p.id);

async function pathsOf(workload: string): Promise<string[]> {
  const paths: string[] = [];
  if (workload === 'recommendations')
    paths.push(...graduates.map((g) => `/v1/graduates/${g}/recommendations?limit=20`));
  else if (workload === 'candidates') paths.push(...postings.map((p) => `/v1/jobs/${p}/candidates?limit=20`));
  else if (workload === 'search')
    // bench/http.ts's search words.
    for (const q of ['数据分析', 'python', '护士', '销售', '软件工程师', 'accountant', '教师', 'design'])
      paths.push(`/v1/jobs/search?q=${encodeURIComponent(q)}`);
  else if (workload === 'explanations')
    // bench/http.ts's pairs: the i-th graduate's (i mod 20)-th recommendation, so ranks 1 to 20 all occur;
    // --pairs beyond the 100 graduates listed takes each graduate's next item.
    for (let i = 0; i < PAIRS; i++) {
      const g = graduates[i % graduates.length] ?? '';
      const items = (await get(`/v1/graduates/${g}/recommendations?limit=20`)).items;
      const pick = items[(i + Math.floor(i / graduates.length)) % Math.max(1, items.length)];
      if (pick?.posting) paths.push(`/v1/graduates/${g}/recommendations/${pick.posting.id}/explanation`);
    }
  else throw new Error(`unknown workload ${workload}`);
  return paths;
}

for (const workload of WORKLOAD.split(',')) {
  const paths = await pathsOf(workload);
  // Warm: every path once (profile vectors cached as in a warm service), the JIT with it.
  const answers: string[] = [];
  const firstTimes: number[] = [];
  if (PROFILE) await profiler.post('Profiler.start');
  const firstCpu = process.cpuUsage();
  for (const p of paths) {
    const started = performance.now();
    answers.push(`${p} ${await (await app.request(p, { headers })).text()}`);
    firstTimes.push(performance.now() - started);
  }
  const firstCpuMs = ((c) => (c.user + c.system) / 1000 / Math.max(1, paths.length))(process.cpuUsage(firstCpu));
  if (PROFILE) {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(`${PROFILE}.${workload}.first.cpuprofile`, JSON.stringify(profile));
  }
  if (DUMP)
    await writeFile(
      WORKLOAD.includes(',') ? `${DUMP}.${workload}` : DUMP,
      answers.map((a) => a.replace(/"(listId|impressionId|requestId|servedAt)":"[^"]*"/g, '"$1":"-"')).join('\n') +
        '\n',
    );
  await impressions.flush();

  statements.clear();
  recording = true;
  const times: number[] = [];
  if (PROFILE) await profiler.post('Profiler.start');
  if (ALLOC)
    await profiler.post('HeapProfiler.startSampling', {
      samplingInterval: 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  if (RETAINED)
    await profiler.post('HeapProfiler.startSampling', {
      samplingInterval: 1024,
      includeObjectsCollectedByMajorGC: RETAINED === 'minor',
    });
  // Marks the measured requests' stretch in the output of node --trace-gc or --trace-gc-nvp.
  console.log(`-- measured ${workload}: start`);
  collections.length = 0;
  // How late a 1 ms timer fired: with one request at a time, its maximum is about the longest stretch a request
  // held the event loop (a synchronous slice, or a collection), which at c = 4 every other request waits out.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const cpuStart = process.cpuUsage();
  t = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const path = paths[i % paths.length] ?? '/';
    const started = performance.now();
    const res = await app.request(path, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  }
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(cpuStart);
  loopDelay.disable();
  console.log(`-- measured ${workload}: end`);
  const measuredCollections = await collectionsSoFar();
  if (PROFILE) {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(`${PROFILE}.${workload}.cpuprofile`, JSON.stringify(profile));
  }
  recording = false;
  const allocated = ALLOC ? (await profiler.post('HeapProfiler.stopSampling')).profile : undefined;
  if (RETAINED) {
    const gc = fullGc as ((options?: { type: 'minor' | 'major' }) => void) | undefined;
    gc?.({ type: RETAINED === 'minor' ? 'minor' : 'major' });
    gc?.({ type: RETAINED === 'minor' ? 'minor' : 'major' });
    const what = RETAINED === 'minor' ? 'survived the scavenges' : 'still held';
    printAllocations((await profiler.post('HeapProfiler.stopSampling')).profile.head, what);
  }
  await impressions.flush();

  const cpuMs = (cpu.user + cpu.system) / 1000 / REQUESTS;
  console.log(
    `${workload}: ${REQUESTS} requests one at a time; load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}`,
  );
  console.log(
    `  per request: mean ${(wall / REQUESTS).toFixed(2)} ms, p50 ${percentile(times, 0.5)} ms, p99 ` +
      `${percentile(times, 0.99)} ms; this process's CPU ${cpuMs.toFixed(2)} ms (system ` +
      `${(cpu.system / 1000 / REQUESTS).toFixed(2)})`,
  );
  const lateMs = (ns: number): string => (ns / 1e6).toFixed(1);
  console.log(
    `  event loop held (a 1 ms timer's lateness): p50 ${lateMs(loopDelay.percentile(50))} ms, p99 ` +
      `${lateMs(loopDelay.percentile(99))} ms, max ${lateMs(loopDelay.max)} ms over ${loopDelay.count} firings`,
  );
  console.log(
    `  first pass (each path once, caches cold): p50 ${percentile(firstTimes, 0.5)} ms, p99 ` +
      `${percentile(firstTimes, 0.99)} ms over ${firstTimes.length} paths; ` +
      `this process's CPU ${firstCpuMs.toFixed(2)} ms`,
  );
  let sqlMs = 0;
  let sqlN = 0;
  for (const [text, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms)) {
    sqlMs += s.ms;
    sqlN += s.n;
    console.log(`  ${(s.n / REQUESTS).toFixed(2)}× ${(s.ms / s.n).toFixed(2)} ms  ${text}`);
  }
  console.log(`  SQL: ${(sqlN / REQUESTS).toFixed(2)} statements, ${(sqlMs / REQUESTS).toFixed(2)} ms a request`);
  printCollections(measuredCollections);
  if (allocated) printAllocations(allocated.head, 'allocated');
}

/** Collections of the main thread's heap during the measured requests, from the observer's 'gc' entries. */
function printCollections(list: Array<{ kind: number; ms: number }>): void {
  const kinds: Array<[string, number]> = [
    ['scavenges', perfConstants.NODE_PERFORMANCE_GC_MINOR],
    ['major collections', perfConstants.NODE_PERFORMANCE_GC_MAJOR],
    ['incremental marking steps', perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL],
  ];
  for (const [name, kind] of kinds) {
    const ms = list.filter((c) => c.kind === kind).map((c) => c.ms);
    if (ms.length === 0) continue;
    console.log(
      `  ${name}: ${ms.length}, median ${percentile(ms, 0.5)} ms, max ${Math.max(...ms).toFixed(1)} ms, ` +
        `${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms in all`,
    );
  }
}

type HeapNode = { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number };
function printAllocations(head: HeapNode & { children: unknown[] }, what: string): void {
  const bySite = new Map<string, number>();
  let total = 0;
  // A built-in (String.prototype.replace, Array.prototype.sort…) is counted with the function that called it.
  const visit = (node: HeapNode & { children: unknown[] }, caller: string): void => {
    const { functionName, url: file, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'}`;
    const site = file ? `${name} ${file.replace(/^.*\/(src|node_modules)\//, '$1/')}:${lineNumber + 1}` : caller;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const child of node.children) visit(child as HeapNode & { children: unknown[] }, site || name);
  };
  visit(head, '(root)');
  console.log(`  ${what}: ${(total / REQUESTS / 1024).toFixed(1)} KiB a request (sampled); most by`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`    ${(bytes / REQUESTS / 1024).toFixed(1).padStart(6)} KiB  ${site}`);
}
gcObserver.disconnect();
await database.close();
