import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableLines } from '../../src/logger.ts';

/*
 * The console in a real browser (Debian's chromium, driven by playwright-core) against the real server:
 * `node src/entry/node.ts` on PGlite with the demo data, its own Redis for the audit worker, one start for
 * the whole file. Screenshots of every page go to test-output/console/ for a person to look at.
 */

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'test-output', 'console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });

/** Starts a process and resolves once its output has matched `ready`; the output so far is kept. */
function start(cmd: string, args: string[], env: Record<string, string>, ready: RegExp, ms: number) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const done = new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${cmd} not ready in ${ms} ms:\n${out.slice(-3000)}`)), ms);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        ok(out);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${cmd} exited ${code}:\n${out.slice(-3000)}`)));
  });
  return { child, done, output: () => out };
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page: the serious and critical violations, by rule and first target. */
async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the driver, not as a page script, so the page's CSP stays as strict as it is.
  await page.evaluate(`${await axeSource}\n;0`);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes[0]?.target)}`);
}

describe('the console in a browser', () => {
  let dataDir: string;
  let redis: ChildProcess | undefined;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let base = '';
  let startup = '';
  let redisUrl = '';
  const cspErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'bole-browser-'));
    const redisPort = await freePort();
    const r = start(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
      /Ready to accept connections/,
      20_000,
    );
    redis = r.child;
    await r.done;
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    const port = await freePort();
    const s = start(
      process.execPath,
      ['src/entry/node.ts'],
      {
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'auto',
      },
      /background workers \(audits, re-embedding\): running/,
      420_000,
    );
    server = s.child;
    // Start-up lines are JSON log lines; their readable text (`msg`) is what a person greps.
    startup = readableLines(await s.done);
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // No --user-data-dir: playwright refuses it here and gives every launch a fresh empty profile itself.
      ],
    });
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    await stop(server);
    await stop(redis);
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const login = (role: string) => {
    const m = new RegExp(`^${role} login: (\\S+) (\\S+)$`, 'm').exec(startup);
    if (!m?.[1] || !m[2]) throw new Error(`no ${role} login in the start-up lines`);
    return { email: m[1], password: m[2] };
  };
  const key = (role: string) => new RegExp(`^${role} key: (\\S+)$`, 'm').exec(startup)?.[1] ?? '';

  async function newPage(viewport = { width: 1280, height: 900 }) {
    const context = await (browser as Browser).newContext({ viewport, locale: 'en-US' });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(`${page.url()}: ${m.text()}`);
    });
    return page;
  }

  async function check(page: Page, name: string) {
    const problems = await axeProblems(page);
    // A full-page shot of the audit report (tens of tables and charts) can take a while on a busy machine.
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true, timeout: 120_000 });
    expect(problems, name).toEqual([]);
  }

  async function signIn(page: Page, who: { email: string; password: string }) {
    await page.goto(`${base}/console`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('refuses a wrong password and a post without its CSRF token', async () => {
    const page = await newPage();
    await page.goto(`${base}/console`);
    expect(page.url()).toContain('/console/login');
    await check(page, '01-sign-in');
    await signIn(page, { email: login('career_office').email, password: 'not the password' });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong');
    await signIn(page, login('career_office'));
    await expect.poll(() => page.url()).toBe(`${base}/console`);
    const forged = await page.request.post(`${base}/console/logout`, { form: { nothing: '1' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(page.url()).toBe(`${base}/console`);
    await page.context().close();
  });

  it(
    'walks a reviewer through home, a graduate and an explanation, a review, an audit and its ' +
      'report, both languages, and out',
    async () => {
      // A graduate contests a recommendation through the API, so the queue has something to decide.
      const gradKey = key('graduate');
      const graduateId = /^demo graduate: (\S+)$/m.exec(startup)?.[1] ?? '';
      const headers = { authorization: `Bearer ${gradKey}`, 'content-type': 'application/json' };
      const recs = (await (
        await fetch(`${base}/v1/graduates/${graduateId}/recommendations?limit=3`, { headers })
      ).json()) as { items: { impressionId: string }[] };
      const filed = await fetch(`${base}/v1/graduates/${graduateId}/reviews`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          kind: 'flag',
          impressionId: recs.items[0]?.impressionId,
          reason: 'wrong_skills',
          text: '这个岗位要求的技能我没有。',
        }),
      });
      expect(filed.status, await filed.clone().text()).toBe(201);

      const page = await newPage();
      await signIn(page, login('career_office'));
      await expect.poll(() => page.url()).toBe(`${base}/console`);
      const numbers = await page.locator('.card .n').allTextContents();
      expect(numbers[0]).toBe('2000');
      expect(numbers[1]).toBe('300');
      await check(page, '02-home');

      await page.getByRole('link', { name: 'Graduates', exact: true }).first().click();
      await check(page, '03-graduates');
      await page.locator('table a').first().click();
      await expect.poll(() => page.getByRole('heading', { name: 'Consents' }).count()).toBe(1);
      await check(page, '04-graduate');
      await page.getByRole('link', { name: 'Why?' }).first().click();
      await expect.poll(() => page.getByText('Contribution').count()).toBeGreaterThan(0);
      await check(page, '05-explanation');

      await page.getByRole('link', { name: 'Postings', exact: true }).first().click();
      await check(page, '06-postings');
      await page.locator('table a').first().click();
      await check(page, '07-posting');

      await page.getByRole('link', { name: 'Reviews & appeals' }).click();
      await check(page, '08-reviews');
      await page.locator('table a').first().click();
      await page.getByRole('button', { name: 'Assign to me' }).click();
      await page.getByLabel('Decision').selectOption('not_upheld');
      await page
        .getByLabel('Reply to the graduate (reason)')
        .fill('已核对：推荐依据是你简历中的 Python 与 SQL 技能，与岗位要求一致。');
      await page.getByRole('button', { name: 'Decide' }).click();
      await expect.poll(() => page.getByText('已核对').count()).toBeGreaterThan(0);
      await check(page, '09-review-decided');

      await page.getByRole('link', { name: 'Audits' }).click();
      await page.getByRole('button', { name: 'Run an audit now' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Audit requested');
      await expect
        .poll(
          async () => {
            await page.goto(`${base}/console/audits`);
            return page.getByRole('link', { name: 'Open report' }).count();
          },
          { timeout: 120_000, interval: 2_000 },
        )
        .toBeGreaterThan(0);
      await check(page, '10-audits');
      await page.getByRole('link', { name: 'Open report' }).first().click();
      await expect.poll(() => page.getByRole('link', { name: /Back to the console/ }).count()).toBe(1);
      await check(page, '11-report');
      await page.getByRole('link', { name: /Back to the console/ }).click();

      // Publishing is a step (the button asks first); the public page then shows the published run.
      const tenantId = /^demo tenant: (\S+)/m.exec(startup)?.[1] ?? '';
      const summaryUrl = `${base}/v1/audits/latest/summary.html?tenant=${tenantId}`;
      expect((await page.request.get(summaryUrl)).status()).toBe(404);
      await page.getByRole('link', { name: 'Audits' }).click();
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Publish' }).first().click();
      await expect.poll(async () => (await page.request.get(summaryUrl)).status()).toBe(200);
      const summary = await newPage();
      await summary.goto(summaryUrl);
      await expect.poll(() => summary.locator('h1').count()).toBeGreaterThan(0);
      await check(summary, '11b-public-summary');
      await summary.context().close();

      await page.getByRole('link', { name: 'Settings' }).click();
      await check(page, '12-settings');
      await page.getByRole('link', { name: '中文' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('设置');
      await page.getByRole('link', { name: '概览' }).click();
      await expect.poll(() => page.getByText('在招岗位').count()).toBe(1);
      await check(page, '13-home-zh');
      await page.getByRole('button', { name: '退出' }).click();
      await expect.poll(() => page.url()).toContain('/console/login');
      await page.goto(`${base}/console`);
      expect(page.url()).toContain('/console/login');
      await page.context().close();
    },
    // The audit itself may take up to 120 s on a busy machine (the poll above); the walk around it needs more.
    360_000,
  );

  it('shows an admin the job queues, retries and removes a failed job, and keeps other roles out', async () => {
    // The deployment's prefix, from the keys the service's queues made (the re-embedding job of the start).
    const conn = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    const prefix = ((await conn.keys('bole:*:reembed:*'))[0] ?? '').split(':').slice(0, 2).join(':');
    expect(prefix).toMatch(/^bole:\S+$/);
    // A job the real worker fails for good (its payload is not one the catalog accepts), as a request made it.
    const queue = new Queue('webhook-delivery', {
      connection: { host: '127.0.0.1', port: Number(new URL(redisUrl).port) },
      prefix,
    });
    const jobId = `browser-broken-${Date.now()}`;
    await queue.add(
      'webhook-delivery',
      { alertId: 'not-a-uuid', requestId: 'req-browser-queue' },
      { jobId, attempts: 1 },
    );
    await expect
      .poll(async () => (await queue.getJob(jobId))?.failedReason ?? '', { timeout: 60_000 })
      .toContain('invalid');

    const page = await newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, login('admin'));
    await expect.poll(() => page.url()).toBe(`${base}/console`);
    await page.getByRole('link', { name: 'Job queues' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Job queues');
    await check(page, '16-queues');
    await page.getByLabel('Kind').selectOption('webhook-delivery');
    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    const row = page.locator('tr', { hasText: jobId });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('req-browser-queue');
    expect(await row.textContent()).toContain('invalid webhook-delivery payload');
    await check(page, '17-queue-failed');

    await row.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`Job ${jobId} will run again`);
    // It runs again at once and fails again (the payload is still wrong): one more attempt, from the first.
    await expect
      .poll(
        async () => {
          const job = await queue.getJob(jobId);
          return job ? `${await job.getState()} ${job.attemptsMade}` : 'gone';
        },
        { timeout: 60_000 },
      )
      .toBe('failed 1');
    await page.goto(`${base}/console/queues?kind=webhook-delivery&state=failed`);
    await page.locator('tr', { hasText: jobId }).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`Job ${jobId} was removed`);
    expect(await queue.getJob(jobId)).toBeUndefined();
    expect(await page.locator('tr', { hasText: jobId }).count()).toBe(0);

    // Without the session's CSRF token the action is refused before anything runs; a bad state is a 400.
    const forged = await page.request.post(`${base}/console/queues/webhook-delivery/${jobId}/remove`, {
      form: { nothing: '1' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    const bad = await page.request.get(`${base}/console/queues?state=stuck`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain('state');
    await page.context().close();

    // A career office member has no queue view: no link, and 403 at the address.
    const staff = await newPage();
    await signIn(staff, login('career_office'));
    await expect.poll(() => staff.url()).toBe(`${base}/console`);
    expect(await staff.getByRole('link', { name: 'Job queues' }).count()).toBe(0);
    expect((await staff.request.get(`${base}/console/queues`)).status()).toBe(403);
    await staff.context().close();
    await queue.close();
    conn.disconnect();
  });

  it('fits a phone', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signIn(page, login('admin'));
    await expect.poll(() => page.url()).toBe(`${base}/console`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await check(page, '14-home-phone');
    await page.context().close();
  });

  it('serves /docs from the package, with no outside request, and no page broke the CSP', async () => {
    // Swagger UI 5 renders only the operations near the viewport: 7 to 9 in a 720-800 px window, so a tall one.
    const page = await newPage({ width: 1280, height: 4000 });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(`${base}/docs`);
    await expect.poll(() => page.locator('.swagger-ui .opblock').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.screenshot({ path: join(shots, '15-docs.png') });
    // The bearer scheme is in the document, so "Authorize" is offered and "Try it out" sends the key.
    expect(await page.locator('.swagger-ui .btn.authorize').count()).toBeGreaterThan(0);
    const doc = (await (await page.request.get(`${base}/docs/openapi.json`)).json()) as {
      paths: Record<
        string,
        { get?: { parameters?: { name: string; example?: unknown; schema?: { example?: unknown } }[] } }
      >;
    };
    const q = doc.paths['/v1/graduates']?.get?.parameters?.find((p) => p.name === 'q');
    expect(q).toBeTruthy();
    expect(q?.example ?? q?.schema?.example).toBeUndefined();
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });
});
