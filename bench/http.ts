/**
 * `npm run bench:http`: the service end to end, as a user runs it. For each backend (PostgreSQL through
 * DATABASE_URL, in a database of its own that this bench creates and drops; PGlite in a temporary
 * DATA_DIR): `npm run load`'s loader fills a tenant with --size postings and --size graduates, `npm run embed`
 * derives and embeds them on every core; the service (`node src/entry/node.ts`, a child process) starts once, then
 * again to measure a cold start with every vector stored; autocannon then drives recommendations,
 * candidate lists, search, explanations and a mix of the four at fixed concurrency. In the same run the
 * same requests go through the same app in this process (app.request: no socket, no HTTP server), the
 * in-process figure each HTTP figure is divided by; a few candidate lists are checked against brute force
 * (scoreMatch over every allowed graduate). Prints figures; asserts nothing about time.
 *
 * Flags: --size=100000 (postings and graduates each), --backends=postgres,pglite, --duration=10 (seconds
 * per workload), --connections=4, --replicas=1 (PostgreSQL: that many service processes on the one database, the
 * connections split among them as a load balancer would, every response's latency merged into one p50/p99),
 * --fresh=2000 (distinct postings and graduates of the "fresh" workloads: recommendations and candidate lists each
 * asked once, where the others repeat 100), --pglite-from=<url>,<tenant>,<key> (below). The PostgreSQL server:
 * BENCH_PG_ADMIN_URL, else DATABASE_URL's server, else postgres://postgres@127.0.0.1:5432/postgres. Background
 * jobs are kept off (REDIS_URL points nowhere), so no re-embedding job competes with the requests measured.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createApp } from '../src/app.ts';
import { sharedDatabase } from '../src/http/middleware/database.ts';
import { readableLines, silentLogger } from '../src/logger.ts';
import { systemClock } from '../src/services/context.ts';
import { servingEmbedder } from '../src/services/matching/active-embedder.ts';
import { parseConfig } from '../src/config.ts';
import { MatchingEngine } from '../src/services/matching/engine.ts';
import { directImpressionSink } from '../src/services/matching/impression-log.ts';
import { DEFAULT_WEIGHTS } from '../src/domain/matching/weights.ts';
import type { Database } from '../src/storage/db.ts';
import { openPglite } from '../src/storage/db-pglite.ts';
import { openPostgres } from '../src/storage/db-postgres.ts';
import { copyPostgresToPglite } from './http/copy-to-pglite.ts';
import { bruteForceCheck } from './http/exactness.ts';
import { describeCollections, GcTrace, gcStopMs } from './http/gc-trace.ts';
import { percentile, type Row, printTable } from './http/report.ts';
import { UNLIMITED_RATE_LIMITS } from './http/unlimited-rates.ts';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZE = Number(arg('size') ?? 100_000);
const BACKENDS = (arg('backends') ?? 'postgres,pglite').split(',');
const DURATION = Number(arg('duration') ?? 10);
const CONNECTIONS = Number(arg('connections') ?? 4);
const IN_PROCESS_REQUESTS = Number(arg('in-process') ?? 200);
/**
 * --service-flags="--min-semi-space-size=128 --max-semi-space-size=128": V8 flags for the service processes only
 * (Node refuses some of them in NODE_OPTIONS, which would also reach this process).
 */
const SERVICE_FLAGS = (arg('service-flags') ?? '').split(' ').filter(Boolean);
/** --fresh=2000: distinct postings and graduates the "fresh" workloads ask for, each once (bench size permitting). */
const FRESH = Number(arg('fresh') ?? 2_000);
/** --port=N: the service listens on N (and N+1 for its second start) instead of a free port the OS picks. */
const PORT = arg('port') === undefined ? undefined : Number(arg('port'));
/** --keep: the PostgreSQL database is left in place (its name printed) for profiling, not dropped. */
const KEEP = process.argv.includes('--keep');
/**
 * --reuse=<database url>,<tenant id>,<career_office key>: a PostgreSQL database `npm run load` filled (and a
 * start embedded) before: no load and no first start, the cold start and the workloads only; never dropped.
 */
const REUSE = arg('reuse')?.split(',');
/**
 * --pglite-from=<database url>,<tenant id>,<career_office key>: the PGlite backend starts from a copy of that
 * PostgreSQL database (loaded and embedded before; bench/http/copy-to-pglite.ts) instead of loading and embedding
 * in PGlite itself; the source is only read. Instead of a URL, a DATA_DIR that script filled before (kept).
 */
const PGLITE_FROM = arg('pglite-from')?.split(',');
/** --replicas=N: N service processes on one PostgreSQL, driven together (PGlite allows one process). */
const REPLICAS = Number(arg('replicas') ?? 1);
if (!(Number.isInteger(REPLICAS) && REPLICAS >= 1 && REPLICAS <= CONNECTIONS))
  throw new Error(`--replicas must be an integer from 1 to --connections (${CONNECTIONS})`);
const ADMIN_URL =
  process.env.BENCH_PG_ADMIN_URL ??
  (process.env.DATABASE_URL
    ? process.env.DATABASE_URL.replace(/\/[^/]*$/, '/postgres')
    : 'postgres://postgres@127.0.0.1:5432/postgres');
const say = (line: string): void => console.log(line);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a node entry to completion, echoing its lines with a prefix; resolves with its stdout. */
function run(args: string[], env: NodeJS.ProcessEnv, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.trim()) say(`  ${prefix} ${line}`);
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

interface Service {
  child: ChildProcess;
  base: string;
  /** Spawn to a 200 from /ready, in seconds. */
  readySeconds: number;
  log: string[];
  /** Its main thread's garbage collections so far (`--trace-gc`). */
  gc: GcTrace;
}

let starts = 0;
async function startService(env: NodeJS.ProcessEnv, label: string): Promise<Service> {
  const port = PORT === undefined ? await freePort() : PORT + starts++;
  const started = performance.now();
  // --trace-gc: one line a collection (a few a second under load), so each workload's pauses are printed.
  const child = spawn(process.execPath, ['--trace-gc', ...SERVICE_FLAGS, 'src/entry/node.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log: string[] = [];
  const gc = new GcTrace();
  child.stdout?.on('data', (chunk: Buffer) => {
    // Start-up lines are JSON with their text in `msg`; request log lines have none and are left out.
    for (const line of readableLines(gc.take(chunk.toString())).split('\n'))
      if (line.trim()) {
        log.push(line);
        say(`  [${label}] ${line}`);
      }
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/ready`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, readySeconds: (performance.now() - started) / 1000, log, gc };
}

async function stopService(service: Service): Promise<void> {
  const exited = new Promise((r) => service.child.once('exit', r));
  service.child.kill('SIGTERM');
  await exited;
}

/** CPU seconds (user + system) the process has used: on a shared machine the wall time mostly waits for a core. */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), in clock ticks of 1/100 s.
  return (Number(stat[11] ?? 0) + Number(stat[12] ?? 0)) / 100;
}

async function rssMiB(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Workload {
  name: string;
  paths: string[];
}

/**
 * One workload against every replica at once, the connections split among them (as a load balancer spreads
 * them), one autocannon each; p50/p99 over every response's latency from all of them together. Also the CPU each
 * side spent a request: the services' (all replicas) and this process's, which is the load generator and shares
 * the machine's cores with the services; and the services' garbage collections (main threads) during the run.
 */
async function httpRun(replicas: Service[], key: string, w: Workload) {
  let i = 0;
  const latencies: number[] = [];
  const gcFrom = replicas.map((r) => r.gc.collections.length);
  const serviceCpu = async () => (await Promise.all(replicas.map((r) => cpuSeconds(r.child.pid)))).reduce(sum, 0);
  const serviceCpuFrom = await serviceCpu();
  const generatorFrom = process.cpuUsage();
  const started = performance.now();
  const results = await Promise.all(
    replicas.map(({ base }, r) => {
      const run = autocannon({
        url: base,
        connections: Math.floor(CONNECTIONS / replicas.length) + (r < CONNECTIONS % replicas.length ? 1 : 0),
        duration: DURATION,
        headers: { authorization: `Bearer ${key}` },
        requests: [
          {
            setupRequest: (req: Record<string, unknown>) => ({ ...req, path: w.paths[i++ % w.paths.length] }),
          },
        ],
      });
      run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      return run;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const generator = process.cpuUsage(generatorFrom);
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  const collections = replicas.flatMap((r, n) => r.gc.collections.slice(gcFrom[n]));
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    rps: results.reduce((n, r) => n + r.requests.average, 0),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx + r.timeouts, 0),
    total,
    serviceCpuMs: ((await serviceCpu()) - serviceCpuFrom) * 1000,
    generatorCpuMs: (generator.user + generator.system) / 1000,
    seconds,
    gc: describeCollections(collections),
    gcStopMs: gcStopMs(collections),
  };
}

const sum = (a: number, b: number): number => a + b;

async function getJson<T>(base: string, key: string, path: string): Promise<T> {
  // A service under load sheds with 503 and Retry-After; the requests that pick the workloads' paths wait and retry.
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });
    if (res.status === 503 && attempt < 10) {
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 1_000 * Number(res.headers.get('retry-after') ?? 1)));
      continue;
    }
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

interface Items {
  items: Array<{ id: string }>;
  nextCursor?: string | null;
}

/** The ids of the first n items of a list, page by page (100 a page). */
async function pagedIds(base: string, key: string, path: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null | undefined;
  while (ids.length < n) {
    const page = await getJson<Items>(base, key, `${path}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    if (!cursor || page.items.length === 0) break;
  }
  return ids.slice(0, n);
}

async function benchBackend(backend: string): Promise<Row[]> {
  say(`\n== ${backend}: ${SIZE} postings, ${SIZE} graduates ==`);
  let env: NodeJS.ProcessEnv = {
    ...process.env,
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    // No Redis: background jobs stay off, so nothing but the requests measured uses the CPU.
    REDIS_URL: 'redis://127.0.0.1:9/0',
    ...UNLIMITED_RATE_LIMITS,
  };
  let cleanup: () => Promise<void>;
  let open: () => Promise<Database>;
  if (backend === 'postgres' && REUSE) {
    const [url = ''] = REUSE;
    env = { ...env, DATABASE_URL: url };
    open = () => openPostgres(url, { max: 4 });
    cleanup = async () => {};
  } else if (backend === 'postgres') {
    const name = `bole_bench_${process.pid}`;
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    env = { ...env, DATABASE_URL: url };
    open = () => openPostgres(url, { max: 4 });
    cleanup = async () => {
      if (KEEP) say(`kept database ${url}`);
      else await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    if (REPLICAS > 1) throw new Error('--replicas needs PostgreSQL: PGlite is one process');
    const copied = PGLITE_FROM?.[0];
    const given = copied !== undefined && !copied.startsWith('postgres') ? copied : undefined;
    const dir = given ?? (await mkdtemp(join(tmpdir(), 'bole-bench-')));
    env = { ...env, DATA_DIR: dir };
    delete env.DATABASE_URL;
    open = () => openPglite(`${dir}/pglite`);
    cleanup = () => (given ? Promise.resolve() : rm(dir, { recursive: true, force: true }));
  }
  try {
    let loadSeconds = NaN;
    const given = backend === 'postgres' ? REUSE : PGLITE_FROM;
    let tenantId = given?.[1] ?? '';
    let key = given?.[2] ?? '';
    let firstSeconds = NaN;
    const [from = ''] = PGLITE_FROM ?? [];
    if (backend === 'pglite' && from.startsWith('postgres') && env.DATA_DIR) {
      const copied = await copyPostgresToPglite(from, `${env.DATA_DIR}/pglite`, (line) => say(`  [copy] ${line}`));
      say(
        `copied ${copied.rows} rows (${(copied.bytes / 2 ** 20).toFixed(0)} MiB of COPY text) from PostgreSQL into ` +
          `PGlite in ${copied.seconds.toFixed(1)} s (instead of loading and embedding there)`,
      );
    } else if (!given) {
      const loadStarted = performance.now();
      const out = await run(
        ['src/entry/load.ts', `--postings=${SIZE}`, `--graduates=${SIZE}`, '--seed=42'],
        env,
        '[load]',
      );
      loadSeconds = (performance.now() - loadStarted) / 1000;
      tenantId = /tenant: (\S+)/.exec(out)?.[1] ?? '';
      key = /career_office key: (\S+)/.exec(out)?.[1] ?? '';
      say(`loaded in ${loadSeconds.toFixed(1)} s (tenant ${tenantId})`);

      // Every core derives and embeds (npm run embed), so the first start finds every row current.
      const embedStarted = performance.now();
      await run(['src/entry/embed.ts'], env, '[embed]');
      say(`derived and embedded in ${((performance.now() - embedStarted) / 1000).toFixed(1)} s (npm run embed)`);

      const first = await startService(env, 'first start');
      firstSeconds = first.readySeconds;
      say(
        `first start (fits the embedder, embeds every posting and graduate): /ready after ` +
          `${first.readySeconds.toFixed(1)} s`,
      );
      await stopService(first);
    }
    const service = await startService(env, 'cold start');
    const rssReady = await rssMiB(service.child.pid);
    const cpuReady = await cpuSeconds(service.child.pid);
    say(
      `cold start with every vector stored: /ready after ${service.readySeconds.toFixed(1)} s ` +
        `(${cpuReady.toFixed(1)} CPU s); RSS ${rssReady.toFixed(0)} MiB; load ${loadavg()[0]?.toFixed(1)}`,
    );
    // Further replicas start together, as a scaled-out deployment's would, once the first is measured alone.
    const others = await Promise.all(
      Array.from({ length: REPLICAS - 1 }, (_, r) => startService(env, `replica ${r + 2}`)),
    );
    for (const [r, other] of others.entries()) {
      const cpu = await cpuSeconds(other.child.pid);
      const rss = await rssMiB(other.child.pid);
      say(
        `replica ${r + 2}: /ready after ${other.readySeconds.toFixed(1)} s (${cpu.toFixed(1)} CPU s); ` +
          `RSS ${rss.toFixed(0)} MiB; load ${loadavg()[0]?.toFixed(1)}`,
      );
    }
    const replicas = [service, ...others];

    // The workloads ask for 100 postings' and 100 graduates' lists in turn, so after the first hundred a request
    // repeats one (what kept rankings and the caches keyed by a profile's text serve). The "fresh" workloads ask for
    // FRESH distinct ones, each once in a run (at most about 250 a second for 8 s): what a first request costs.
    const allPostings = await pagedIds(service.base, key, '/v1/jobs', FRESH);
    const allGraduates = await pagedIds(service.base, key, '/v1/graduates', FRESH);
    const postings = allPostings.slice(0, 100);
    const graduates = allGraduates.slice(0, 100);
    const pairs: string[] = [];
    for (const g of graduates.slice(0, 40)) {
      const list = await getJson<{ items: Array<{ posting: { id: string } }> }>(
        service.base,
        key,
        `/v1/graduates/${g}/recommendations?limit=20`,
      );
      const pick = list.items[pairs.length % Math.max(1, list.items.length)];
      if (pick) pairs.push(`/v1/graduates/${g}/recommendations/${pick.posting.id}/explanation`);
    }
    const words = ['数据分析', 'python', '护士', '销售', '软件工程师', 'accountant', '教师', 'design'];
    const workloads: Workload[] = [
      { name: 'recommendations', paths: graduates.map((g) => `/v1/graduates/${g}/recommendations?limit=20`) },
      { name: 'candidate lists', paths: postings.map((p) => `/v1/jobs/${p}/candidates?limit=20`) },
      { name: 'search', paths: words.map((q) => `/v1/jobs/search?q=${encodeURIComponent(q)}`) },
      { name: 'explanations', paths: pairs },
    ];
    const fresh: Workload[] = [
      { name: 'recommendations, fresh', paths: allGraduates.map((g) => `/v1/graduates/${g}/recommendations?limit=20`) },
      { name: 'candidate lists, fresh', paths: allPostings.map((p) => `/v1/jobs/${p}/candidates?limit=20`) },
    ];
    // The four interleaved, one request of each in turn.
    const mixed = Array.from({ length: 40 }, (_, i) => workloads.map((w) => w.paths[i % w.paths.length] ?? '/')).flat();
    workloads.push({ name: 'mixed', paths: mixed }, ...fresh);

    const http = new Map<string, Awaited<ReturnType<typeof httpRun>>>();
    for (const w of workloads) {
      const r = await httpRun(replicas, key, w);
      http.set(w.name, r);
      const perRequest = (ms: number) => `${(ms / r.total).toFixed(2)} ms`;
      const generatorShare = (r.generatorCpuMs / 10 / r.seconds).toFixed(0);
      say(
        `  http ${w.name}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps.toFixed(0)} req/s, ` +
          `${r.errors} errors of ${r.total}; CPU a request: service ${perRequest(r.serviceCpuMs)}, load generator ` +
          `${perRequest(r.generatorCpuMs)} (${generatorShare} % of a core); GC: ${r.gc}`,
      );
    }
    const rssAfter = await rssMiB(service.child.pid);
    for (const [r, other] of others.entries())
      say(`replica ${r + 2}: RSS ${(await rssMiB(other.child.pid)).toFixed(0)} MiB after the workloads`);
    await Promise.all(replicas.map(stopService));

    // In process: the same app over the same database (the service has stopped: PGlite allows one process).
    const database = await open();
    try {
      // The embedder the service served with (EMBEDDER as configured; for LSA the one it activated).
      const embedder = await servingEmbedder(database, parseConfig(env), { lsa: 'active' });
      const engine = new MatchingEngine(embedder);
      const deps = { engine, impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };
      const app = createApp({
        database: sharedDatabase(database),
        clock: systemClock,
        logger: silentLogger,
        maxBodyBytes: 1 << 20,
        version: 'bench',
        matching: async () => deps,
      });
      const headers = { authorization: `Bearer ${key}` };
      // Warm the indexes and the JIT as the service was warm.
      for (const w of workloads) for (const p of w.paths.slice(0, 5)) await app.request(p, { headers });
      const rows: Row[] = [];
      for (const w of workloads) {
        const times: number[] = [];
        for (let i = 0; i < IN_PROCESS_REQUESTS; i++) {
          const path = w.paths[i % w.paths.length] ?? '/';
          const t = performance.now();
          const res = await app.request(path, { headers });
          await res.arrayBuffer();
          times.push(performance.now() - t);
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        }
        const h = http.get(w.name);
        if (!h) continue;
        rows.push({
          backend,
          workload: w.name,
          p50: h.p50,
          p99: h.p99,
          rps: h.rps,
          errors: h.errors,
          inP50: percentile(times, 0.5),
          inP99: percentile(times, 0.99),
          serviceCpuMs: h.serviceCpuMs / h.total,
          generatorCpuMs: h.generatorCpuMs / h.total,
          gcStopMs: h.gcStopMs / h.total,
        });
      }
      const check = await bruteForceCheck(
        database,
        engine,
        tenantId,
        postings.slice(0, 3),
        async (p) => (await (await app.request(`/v1/jobs/${p}/candidates?limit=20`, { headers })).json()) as never,
      );
      say(`  exactness: ${check}`);
      say(
        `  memory: RSS ${rssReady.toFixed(0)} MiB at /ready, ${rssAfter.toFixed(0)} MiB after the ` +
          `workloads (one replica, ${SIZE} postings + ${SIZE} graduates)`,
      );
      say(
        `  load ${loadSeconds.toFixed(1)} s; first start ${firstSeconds.toFixed(1)} s; cold ` +
          `start ${service.readySeconds.toFixed(1)} s`,
      );
      return rows;
    } finally {
      await database.close();
    }
  } finally {
    await cleanup();
  }
}

const loads = loadavg()
  .map((x) => x.toFixed(1))
  .join(' / ');
say(
  `bench:http on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loads} (a shared machine: figures carry ` +
    `other sessions' noise); ${CONNECTIONS} connections over ${REPLICAS} replica(s), ${DURATION} s per workload`,
);
const all: Row[] = [];
for (const backend of BACKENDS) all.push(...(await benchBackend(backend)));
printTable(all);
