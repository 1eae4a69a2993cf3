import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableLines } from '../../src/logger.ts';

/*
 * The career office's analytics pages in a real browser (Debian's chromium through playwright-core) against
 * the real server on PGlite with the demo history (24 months of postings, two years of outcomes, a funnel).
 * Every view in English and Chinese, axe-core on each, a phone width, the CSV links; screenshots go to
 * test-output/analytics/ for a person to look at.
 */

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'test-output', 'analytics');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWS = ['cohort', 'skills', 'supply-demand', 'forecast', 'outcomes'] as const;

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
  return { child, done };
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

describe('the analytics pages in a browser', () => {
  let dataDir: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let base = '';
  let startup = '';
  const cspErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'bole-browser-analytics-'));
    const port = await freePort();
    // No Redis: nothing here runs a background job, and the pages must not wait for one.
    const s = start(
      process.execPath,
      ['src/entry/node.ts'],
      {
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        REDIS_URL: 'redis://127.0.0.1:1',
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'auto',
      },
      /Listening on/,
      420_000,
    );
    server = s.child;
    // Start-up lines are JSON log lines; their `msg` holds the text the logins are read from.
    startup = readableLines(await s.done);
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }, 480_000);

  afterAll(async () => {
    await browser?.close();
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  const login = (role: string) => {
    const m = new RegExp(`^${role} login: (\\S+) (\\S+)$`, 'm').exec(startup);
    if (!m?.[1] || !m[2]) throw new Error(`no ${role} login in the start-up lines`);
    return { email: m[1], password: m[2] };
  };

  async function signedIn(role: string, viewport = { width: 1280, height: 900 }) {
    const context = await (browser as Browser).newContext({ viewport, locale: 'en-US' });
    const page = await context.newPage();
    // Pages render on a machine shared by many: navigation may take long, and that is not what is tested.
    page.setDefaultTimeout(90_000);
    page.setDefaultNavigationTimeout(90_000);
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(`${page.url()}: ${m.text()}`);
    });
    const who = login(role);
    await page.goto(`${base}/console/login`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/console`, { timeout: 90_000 });
    return page;
  }

  async function check(page: Page, name: string) {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    expect(await axeProblems(page), name).toEqual([]);
  }

  it('shows every view in English with its charts, tables and a CSV of the same filters', async () => {
    const page = await signedIn('career_office');
    await page.getByRole('link', { name: 'Analytics', exact: true }).click();
    await page.waitForURL(/\/console\/analytics\/supply-demand/, { timeout: 90_000 });

    // The four-region grid, each tile with its figures, and the same figures as a table.
    const grid = page.locator('ul.region-grid');
    expect(await grid.locator('> li').count()).toBe(4);
    for (const name of ['Eastern China', 'Central China', 'Western China', 'North-eastern China'])
      expect(await grid.getByRole('heading', { name, exact: true }).count(), name).toBe(1);
    expect(await page.locator('table.bars tbody tr').count()).toBeGreaterThanOrEqual(4);
    await check(page, '01-supply-demand');

    // The CSV link downloads what the page shows, as CSV.
    const href = (await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')) ?? '';
    const csv = await page.request.get(`${base}${href}`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[0]).toContain('table,dimension,key,label,measure,n,value,suppressed');

    // A filter: by occupation, through the form.
    await page.getByLabel('Group by').selectOption('occupation');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/by=occupation/, { timeout: 90_000 });
    expect(await page.locator('ul.region-grid').count()).toBe(0);
    expect(await page.locator('table.bars tbody tr').count()).toBeGreaterThan(4);
    expect(await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toContain('by=occupation');
    await check(page, '02-supply-demand-occupation');

    await page.getByRole('link', { name: 'Cohort', exact: true }).click();
    await page.waitForURL(/analytics\/cohort/, { timeout: 90_000 });
    expect(await page.locator('h1').textContent()).toContain('Cohort');
    expect(await page.getByRole('table', { name: 'Interaction funnel' }).count()).toBe(1);
    await check(page, '03-cohort');

    await page.getByRole('link', { name: 'Skills: supply and demand', exact: true }).click();
    await page.waitForURL(/analytics\/skills/, { timeout: 90_000 });
    await page.getByLabel('Group by').selectOption('major');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/by=major/, { timeout: 90_000 });
    expect(await page.getByRole('table', { name: 'Largest skill gaps per major' }).count()).toBe(1);
    await check(page, '04-skills-major');

    await page.getByRole('link', { name: 'Demand forecast', exact: true }).click();
    await page.waitForURL(/analytics\/forecast/, { timeout: 90_000 });
    // Each series: an SVG with its title and description, the bands, and the backtest error beside it.
    const charts = page.locator('svg.forecast[role=img]');
    expect(await charts.count()).toBeGreaterThan(1);
    expect(await page.locator('svg.forecast .band95').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.forecast .band80').count()).toBeGreaterThan(0);
    expect(await page.getByText(/Backtest MAE/).count()).toBeGreaterThan(0);
    await page.getByLabel('Group by').selectOption('region');
    await page.getByLabel('Months ahead').fill('12');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/horizon=12/, { timeout: 90_000 });
    await check(page, '05-forecast-region');

    await page.getByRole('link', { name: 'Graduate outcomes', exact: true }).click();
    await page.waitForURL(/analytics\/outcomes/, { timeout: 90_000 });
    expect(await page.getByText(/Placement rate by graduation year/).count()).toBeGreaterThan(0);
    expect(await page.locator('ul.region-grid > li').count()).toBe(4);
    await check(page, '06-outcomes');

    // A threshold under the tenant's is refused beside its field.
    await page.getByLabel('Minimum group size').fill('1');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/minGroupSize=1/, { timeout: 90_000 });
    expect(await page.locator('#f-minGroupSize').getAttribute('aria-invalid')).toBe('true');
    await check(page, '07-outcomes-refused');
    await page.context().close();
  });

  it('shows every view in Chinese', async () => {
    const page = await signedIn('career_office');
    await page.goto(`${base}/console/analytics/cohort?lang=zh`);
    const titles: Record<(typeof VIEWS)[number], string> = {
      cohort: '毕业生概况',
      skills: '技能供需',
      'supply-demand': '人才供需',
      forecast: '需求预测',
      outcomes: '毕业去向',
    };
    for (const [i, view] of VIEWS.entries()) {
      await page.goto(`${base}/console/analytics/${view}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('h1').textContent()).toBe(`数据分析 · ${titles[view]}`);
      expect(await page.getByRole('link', { name: '下载 CSV' }).count()).toBe(1);
      await check(page, `${String(10 + i)}-${view}-zh`);
    }
    await page.goto(`${base}/console/analytics/supply-demand`);
    for (const name of ['东部', '中部', '西部', '东北'])
      expect(await page.locator('ul.region-grid').getByRole('heading', { name, exact: true }).count(), name).toBe(1);
    await page.context().close();
  });

  it('fits a phone, and keeps analytics from auditors', async () => {
    const page = await signedIn('career_office', { width: 390, height: 844 });
    for (const view of ['supply-demand', 'forecast'] as const) {
      await page.goto(`${base}/console/analytics/${view}`);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow, view).toBeLessThanOrEqual(0);
      await check(page, `20-${view}-phone`);
    }
    await page.context().close();
    const auditor = await signedIn('auditor');
    expect(await auditor.getByRole('link', { name: 'Analytics', exact: true }).count()).toBe(0);
    const refused = await auditor.goto(`${base}/console/analytics/cohort`);
    expect(refused?.status()).toBe(403);
    await auditor.context().close();
    expect(cspErrors).toEqual([]);
  });
});
