/**
 * `npm run bench:console [-- --runs N]`: how fast the career-office console's pages answer on the demo data.
 * Starts the service as a user would (src/entry/node.ts on a fresh embedded data directory with the demo),
 * signs in with the printed career_office login, then requests each page `runs` times one after another
 * and prints p50, p95 and the largest time per page against the 300 ms p95 target. Figures, not asserts.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readableLines } from '../src/logger.ts';

const TARGET_P95_MS = 300;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] ?? 0) || 40;
const root = fileURLToPath(new URL('..', import.meta.url));
const port = 18_000 + Math.floor(Math.random() * 2_000);
const base = `http://127.0.0.1:${port}`;
const dataDir = await mkdtemp(join(tmpdir(), 'bole-bench-console-'));

const child = spawn(process.execPath, [join(root, 'src/entry/node.ts')], {
  cwd: root,
  // No Redis: background jobs would compete with the pages for the one PGlite connection.
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let startup = '';
const started = performance.now();
await new Promise<void>((resolve, reject) => {
  child.stdout.on('data', (chunk: Buffer) => {
    startup += chunk.toString('utf8');
    if (startup.includes('Listening on')) resolve();
  });
  child.on('exit', (code) => reject(new Error(`the service exited (${code}) before listening:\n${startup}`)));
});
console.log(`service ready in ${((performance.now() - started) / 1000).toFixed(1)} s (demo data, PGlite)`);

const stop = async () => {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
};

try {
  const lines = readableLines(startup); // start-up lines are JSON log lines; `msg` holds the text
  const login = /^career_office login: (\S+) (\S+)$/m.exec(lines);
  const graduate = /^demo graduate: (\S+)$/m.exec(lines)?.[1];
  if (!login?.[1] || !login[2] || !graduate) throw new Error('no career_office login or demo graduate printed');

  // Sign in as a browser does: the login page sets the CSRF cookie, the form posts it back.
  const loginPage = await fetch(`${base}/console/login`);
  const csrfCookie = (loginPage.headers.getSetCookie().find((c) => c.startsWith('bole_login_csrf=')) ?? '').split(
    ';',
  )[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())?.[1] ?? '';
  const signedIn = await fetch(`${base}/console/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie ?? '' },
    body: new URLSearchParams({ _csrf: csrf, email: login[1], password: login[2] }),
  });
  const session = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (signedIn.status !== 303 || !session) throw new Error(`sign-in answered ${signedIn.status}`);

  const get = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie: session }, redirect: 'manual' });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return { ms: performance.now() - t0, body };
  };
  const postingId = /href="\/console\/postings\/([0-9a-f-]{36})"/.exec((await get('/console/postings')).body)?.[1];
  const pages = [
    '/console',
    '/console/graduates',
    '/console/graduates?q=python&degree=bachelor',
    `/console/graduates/${graduate}`,
    '/console/postings',
    ...(postingId ? [`/console/postings/${postingId}`] : []),
    '/console/reviews',
    '/console/audits',
    '/console/settings',
  ];

  const quantile = (sorted: number[], q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  console.log(`${runs} sequential requests per page, after one warm-up request each`);
  console.log('page'.padEnd(48), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8), '  p95 / target');
  for (const path of pages) {
    await get(path);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await get(path)).ms);
    times.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    console.log(
      path.replace(/[0-9a-f-]{36}/, '{id}').padEnd(48),
      quantile(times, 0.5).toFixed(1).padStart(8),
      p95.toFixed(1).padStart(8),
      (times.at(-1) ?? 0).toFixed(1).padStart(8),
      `  ${(p95 / TARGET_P95_MS).toFixed(2)}× of ${TARGET_P95_MS} ms`,
    );
  }
} finally {
  await stop();
}
