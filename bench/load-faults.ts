/**
 * npm run bench:load-faults — several thousand mixed requests at concurrency 16 against `npm start` on the
 * embedded default (PGlite) and on PostgreSQL, while the worker is killed with SIGKILL and restarted once.
 * Own Redis and PostgreSQL on free ports (never 6379/5432). Prints, per backend: answers by status, errors
 * (only 503 with Retry-After is acceptable), p50/p99 latency, and whether every audit requested during the
 * run completed exactly once.
 *
 * On PostgreSQL the worker is its own process (npm run worker). On PGlite the directory can be open in one
 * process only, so the workers run inside the server: killing "the worker" kills the server. A request refused
 * while it restarts never reached a server and is sent again once it listens (the attempts are counted apart);
 * requests cut when the process died are counted as resets, with when they happened. Also printed: latency by
 * route, 503s by route (each must carry Retry-After: load shedding, timeouts, the database away), client
 * timeouts (60 s, past the server's own 30 s) and the load average before and after.
 *
 *   npm run bench:load-faults -- [--requests=4000] [--concurrency=16] [--only=pglite|postgres]
 *     [--server-log=FILE --log-level=warn]   (the server's output, e.g. its event_loop_blocked lines, into FILE)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { freePort, ownPostgres, ownRedis } from '../test/support/own-services.ts';
import { readableLines } from '../src/logger.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string' },
    concurrency: { type: 'string' },
    only: { type: 'string' },
    'server-log': { type: 'string' },
    'log-level': { type: 'string' },
  },
});
const REQUESTS = Number(values.requests ?? 4000);
const CONCURRENCY = Number(values.concurrency ?? 16);

interface Proc {
  child: ChildProcess;
  out: () => string;
}

function start(script: string, env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, out: () => out };
}

async function waitFor(p: Proc, re: RegExp, ms: number): Promise<RegExpMatchArray> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = p.out().match(re);
    if (m) return m;
    if (p.child.exitCode !== null) throw new Error(`exited: ${p.out().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${re} within ${ms} ms:\n${p.out().slice(-2000)}`);
}

const kill9 = async (p: Proc) => {
  const gone = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGKILL');
  await gone;
};

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function run(backend: 'pglite' | 'postgres'): Promise<void> {
  const redis = await ownRedis();
  const pg = backend === 'postgres' ? await ownPostgres() : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'bole-load-'));
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    REDIS_URL: redis.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: values['log-level'] ?? 'error',
    JOB_STALL_SECONDS: '3',
    QUEUE_SWEEP_AFTER_SECONDS: '10',
    // One client address sends everything: lift the per-address and per-key limits as bench:http does, or the
    // run measures 429s. The limits themselves are tested in test/http.
    RATE_LIMIT_STORE: 'memory',
    RATE_LIMIT_READ: '9999999/99999999',
    RATE_LIMIT_SEARCH: '9999999/99999999',
    RATE_LIMIT_WRITE: '9999999/99999999',
    RATE_LIMIT_AUDIT: '9999999/99999999',
    RATE_LIMIT_PER_APP: '10000000',
    RATE_LIMIT_PER_GRADUATE: '1000000',
  };
  if (pg) {
    const admin = postgres(pg.adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database bole');
    await admin.end();
    env.DATABASE_URL = pg.urlOf('bole');
  }
  let server = start('src/entry/node.ts', env);
  // What the killed server wrote, kept for --server-log.
  const killedOutput: string[] = [];
  let worker: Proc | null = null;
  const procs = () => [server, worker].filter((p): p is Proc => p !== null);
  try {
    const t0 = performance.now();
    await waitFor(server, /Listening on/, 600_000);
    await waitFor(server, /background workers .* running/, 60_000);
    const say = readableLines(server.out());
    const key = (role: string) => say.match(new RegExp(`${role} key: (\\S+)`))?.[1] ?? '';
    const career = key('career_office');
    const auditor = key('auditor');
    const graduate = key('graduate');
    const graduateId = say.match(/demo graduate: (\S+)/)?.[1] ?? '';
    console.log(`${backend}: started with demo data in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    if (pg) worker = start('src/entry/jobs.ts', env);
    if (worker) await waitFor(worker, /Workers running/, 60_000);

    const base = `http://127.0.0.1:${port}`;
    const byStatus = new Map<string, number>();
    const bad: string[] = [];
    const latencies: number[] = [];
    const served: number[] = [];
    const byRoute = new Map<string, number[]>();
    const audits: string[] = [];
    const resets: string[] = [];
    const timeouts = new Map<string, number>();
    let refusedAttempts = 0;
    let killedAt = 0;
    let backAt = 0;
    let next = 0;
    let killed = false;
    const mix = (i: number): [string, string, string, unknown?] => {
      const k = i % 20;
      // One request in 50 asks for an audit (80 in a run of 4,000: each must complete once).
      if (i % 50 === 0) return ['POST', '/v1/audits', auditor, {}];
      if (k === 0) return ['GET', '/v1/jobs?limit=20', career];
      if (k < 8) return ['GET', `/v1/graduates/${graduateId}/recommendations?limit=10`, graduate];
      if (k < 12) return ['GET', '/v1/jobs?limit=20', career];
      if (k < 16) return ['GET', '/v1/graduates?limit=20', career];
      if (k < 18) return ['GET', '/v1/audits/verify', auditor];
      return ['GET', '/ready', ''];
    };
    const routeOf = (method: string, path: string) =>
      `${method} ${path.replace(/\?.*/, '').replace(/[0-9a-f-]{36}/g, '{id}')}`;
    const codeOf = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code;
    const loadStart = performance.now();
    const sinceStart = () => Math.round(performance.now() - loadStart);
    const client = async () => {
      for (let i = next++; i < REQUESTS; i = next++) {
        if (!killed && i >= REQUESTS / 3) {
          killed = true;
          // The fault: SIGKILL the worker (on PGlite: the one process) and start it again at once.
          killedAt = sinceStart();
          if (worker) {
            await kill9(worker);
            worker = start('src/entry/jobs.ts', env);
          } else {
            killedOutput.push(server.out());
            await kill9(server);
            server = start('src/entry/node.ts', env);
          }
          console.log(`${backend}: killed and restarted the worker at request ${i}`);
        }
        const [method, path, k, body] = mix(i);
        const route = routeOf(method, path);
        // A refused connection never reached a server (on PGlite: the one process is restarting): the same
        // request is sent again once it listens, as a client behind a load balancer would; counted apart.
        for (;;) {
          const started = performance.now();
          try {
            const r = await fetch(`${base}${path}`, {
              method,
              headers: { ...(k ? { authorization: `Bearer ${k}` } : {}), 'content-type': 'application/json' },
              ...(body === undefined ? {} : { body: JSON.stringify(body) }),
              // Longer than the server's own REQUEST_TIMEOUT_SECONDS (30), so its 503 is seen, not a client abort.
              signal: AbortSignal.timeout(60_000),
            });
            const text = await r.text();
            const ms = performance.now() - started;
            if (killed && !backAt) backAt = sinceStart();
            latencies.push(ms);
            if (r.status < 300) served.push(ms);
            byRoute.set(route, [...(byRoute.get(route) ?? []), ms]);
            const status = String(r.status);
            byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
            if (r.status >= 500 && !(r.status === 503 && r.headers.get('retry-after')))
              bad.push(`${method} ${path} ${r.status} ${text.slice(0, 120)}`);
            if (r.status >= 400 && r.status < 500) bad.push(`${method} ${path} ${r.status} ${text.slice(0, 120)}`);
            if (r.status === 503) {
              bad503.set(route, (bad503.get(route) ?? 0) + 1);
              // Why: load shedding names a reason, the request timeout its seconds, a lost database its detail.
              const p = JSON.parse(text) as { reason?: string; timeoutSeconds?: number; detail?: string };
              const why = (p.reason ?? (p.timeoutSeconds ? 'request timeout' : (p.detail ?? '?')))
                .replace(/\d+/g, 'N')
                .slice(0, 60);
              reasons503.set(why, (reasons503.get(why) ?? 0) + 1);
            }
            if (method === 'POST' && r.status === 202) audits.push((JSON.parse(text) as { id: string }).id);
          } catch (error) {
            const code = codeOf(error);
            if (code === 'ECONNREFUSED') {
              refusedAttempts++;
              await new Promise((r) => setTimeout(r, 200));
              continue;
            }
            if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
              resets.push(`${route} ${code} at ${sinceStart()} ms (kill at ${killedAt || '-'} ms)`);
            else if (error instanceof Error && error.name === 'TimeoutError')
              timeouts.set(route, (timeouts.get(route) ?? 0) + 1);
            else bad.push(`${method} ${path} ${error instanceof Error ? error.message : String(error)}`);
          }
          break;
        }
      }
    };
    const bad503 = new Map<string, number>();
    const reasons503 = new Map<string, number>();
    const loadBefore = loadavg();
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    const seconds = (performance.now() - loadStart) / 1000;
    const loadAfter = loadavg();
    // A server that died on its own (not the one killed on purpose) is the worst outcome: say so with its output.
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(
        `the server exited (${server.child.exitCode ?? server.child.signalCode}) during the run:\n` +
          server.out().slice(-4000),
      );

    // Every audit requested during the run completes exactly once (waits for the restarted worker).
    if (!worker) await waitFor(server, /Listening on/, 600_000);
    // Reads after the run retry a dropped connection (and say so): a lost poll is not a lost audit.
    let pollRetries = 0;
    const get = async (path: string): Promise<Response> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fetch(`${base}${path}`, {
            headers: { authorization: `Bearer ${auditor}` },
            signal: AbortSignal.timeout(60_000),
          });
        } catch (error) {
          if (attempt === 5) throw new Error(`GET ${path}: ${String(error)}\n${server.out().slice(-4000)}`);
          pollRetries++;
          await new Promise((r) => setTimeout(r, 1_000));
        }
      }
    };
    const deadline = Date.now() + 600_000;
    const statusOf = async (id: string) => {
      const r = await get(`/v1/audits/${id}`);
      return r.ok ? ((await r.json()) as { status: string }).status : `http ${r.status}`;
    };
    let statuses: string[] = [];
    while (Date.now() < deadline) {
      statuses = [];
      for (const id of audits) statuses.push(await statusOf(id));
      if (statuses.every((s) => s === 'completed' || s === 'failed')) break;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    // The whole chain, re-verified in full page by page, and the bounded check as clients make it.
    const pages: { ok: boolean; nextFrom: number | null; verifiedThrough: number; firstBroken: unknown }[] = [];
    for (let from: number | null = 1; from !== null;) {
      const page = (await (await get(`/v1/audits/verify?from=${from}&limit=200`)).json()) as (typeof pages)[number];
      pages.push(page);
      from = page.ok ? page.nextFrom : null;
    }
    const full = pages.at(-1);
    const verify = (await (await get('/v1/audits/verify')).json()) as { ok: boolean; reports: number };
    const reports: number[] = [];
    for (const id of audits) reports.push((await get(`/v1/audits/${id}/report`)).status);
    latencies.sort((a, b) => a - b);
    served.sort((a, b) => a - b);
    const completed = statuses.filter((s) => s === 'completed').length;
    const routes = Object.fromEntries(
      [...byRoute].sort().map(([route, ms]) => {
        ms.sort((a, b) => a - b);
        return [route, { n: ms.length, p50ms: Math.round(pct(ms, 0.5)), p99ms: Math.round(pct(ms, 0.99)) }];
      }),
    );
    console.log(
      JSON.stringify(
        {
          backend,
          requests: REQUESTS,
          concurrency: CONCURRENCY,
          seconds: Number(seconds.toFixed(1)),
          loadAverage: {
            before: loadBefore.map((l) => Number(l.toFixed(2))),
            after: loadAfter.map((l) => Number(l.toFixed(2))),
          },
          byStatus: Object.fromEntries([...byStatus].sort()),
          '503ByRoute': Object.fromEntries(bad503),
          '503ByReason': Object.fromEntries(reasons503),
          refusedAttemptsWhileTheProcessRestarted: refusedAttempts,
          restart: { killedAtMs: killedAt, answeringAgainAtMs: backAt },
          resets: resets.length,
          resetSamples: resets.slice(0, 5),
          clientTimeouts: Object.fromEntries(timeouts),
          unacceptable: bad.length,
          unacceptableSamples: bad.slice(0, 5),
          p50ms: Number(pct(latencies, 0.5).toFixed(1)),
          p99ms: Number(pct(latencies, 0.99).toFixed(1)),
          servedP50ms: Number(pct(served, 0.5).toFixed(1)),
          servedP99ms: Number(pct(served, 0.99).toFixed(1)),
          routes,
          audits: { requested: audits.length, completed, reportsServed: reports.filter((s) => s === 200).length },
          chain: {
            bounded: verify,
            full: { pages: pages.length, ok: full?.ok, verifiedThrough: full?.verifiedThrough },
          },
          pollRetries,
          everyAuditCompletedOnce: completed === audits.length && verify.ok && full?.ok === true,
        },
        null,
        2,
      ),
    );
  } finally {
    const logFile = values['server-log'];
    if (logFile) writeFileSync(`${logFile}.${backend}`, [...killedOutput, server.out()].join('\n'));
    for (const p of procs()) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await redis.stop();
    await pg?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const backend of ['pglite', 'postgres'] as const) {
  if (values.only && values.only !== backend) continue;
  await run(backend);
}
