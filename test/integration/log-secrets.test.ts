import { spawn, type ChildProcess } from 'node:child_process';
import type { Hono } from 'hono';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOptions } from '../../src/queue/bullmq.ts';
import { JOB_NAMES } from '../../src/queue/catalog.ts';
import { deploymentId, queuePrefix } from '../../src/services/deployment.ts';
import { createUser } from '../../src/services/people/users.ts';
import { auditableTenant } from '../support/audit-seed.ts';
import { isolatedPostgres } from '../support/db.ts';
import { consoleBrowser } from '../support/console.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { freePort } from '../support/own-services.ts';

/*
 * Secrets and personal data never reach the log. A real service (src/entry/node.ts, logging every request at
 * info, its workers in process on Redis) is driven through sign-ins, key use, creates, imports (inline and as a
 * job), an audit job and failures that carry distinctive planted names, emails, passwords and keys; afterwards
 * its whole stdout and stderr must not contain any of them.
 */
const REDIS = 'redis://127.0.0.1:6379';
const mark = `${process.pid}${Date.now().toString(36)}`;
const planted = {
  name: `Qiaoplanted${mark} Xuelan`,
  nameZh: `柏植${mark}`,
  email: `planted.${mark}@example.edu.cn`,
  userEmail: `console.${mark}@example.edu.cn`,
  password: `Planted-Password-${mark}`,
  wrongPassword: `Wrong-Password-${mark}`,
  forgedKey: `bole_planted${mark}forgedkeyvalue`,
  phone: '+86 138 0013 8000',
};

describe('the service log holds no secrets or personal data', () => {
  let child: ChildProcess;
  let output = '';
  let base: string;
  let drop: () => Promise<void>;
  let t: TestTenant;
  let graduate: { id: string; key: string };
  let auditor: string;
  let prefix: string;

  beforeAll(async () => {
    const own = await isolatedPostgres();
    drop = own.drop;
    t = await newTenant(own.database);
    graduate = await t.graduate();
    auditor = (await auditableTenant(own.database)).staff.auditor;
    // The service keeps this deployment's id: its queues are its own on the shared Redis.
    prefix = queuePrefix(await deploymentId(own.database));
    await createUser(own.database, {
      tenantId: t.tenantId,
      role: 'career_office',
      email: planted.userEmail,
      displayName: planted.nameZh,
      password: planted.password,
    });
    await own.database.close();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['src/entry/node.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: own.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_DATA: 'off',
        LOG_LEVEL: 'info',
        REDIS_URL: REDIS,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${output}`);
      const ready = await fetch(`${base}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    for (const name of JOB_NAMES) {
      const q = new Queue(name, { connection: redisOptions(REDIS), prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await drop();
  });

  const call = async (method: string, path: string, key: string | undefined, body?: unknown, type?: string) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = type ?? 'application/json';
    const init = body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) };
    const res = await fetch(`${base}${path}`, { method, headers, ...init });
    return { status: res.status, text: await res.text() };
  };

  it('logs requests, sign-ins, imports and failures but not the names, emails, passwords or keys in them', async () => {
    const office = t.staff.career_office;
    const statuses: number[] = [];
    const note = async (p: Promise<{ status: number }>) => statuses.push((await p).status);

    await note(call('GET', '/v1/me', office));
    await note(call('GET', '/v1/me', graduate.key));
    await note(call('GET', '/v1/me', planted.forgedKey));
    await note(call('GET', `/v1/graduates?q=${encodeURIComponent(planted.name)}`, office));
    const profile = { name: planted.name, email: planted.email, phone: planted.phone, summary: planted.nameZh };
    await note(call('POST', '/v1/graduates', office, profile));
    await note(call('POST', '/v1/graduates', office, { ...profile, email: 42, name: `${planted.name}\u0000` }));
    await note(call('POST', '/v1/graduates', office, `{"name": "${planted.name}", "email": "${planted.email}"`));
    await note(call('PATCH', `/v1/graduates/${encodeURIComponent(planted.email)}`, office, { name: planted.name }));
    await note(call('POST', '/v1/graduates', graduate.key, profile));
    await note(call('POST', '/v1/employers', office, { name: planted.nameZh, contactEmail: planted.email }));
    const minted = await call('POST', '/v1/keys', t.staff.admin, { role: 'auditor', label: planted.name });
    statuses.push(minted.status);
    const mintedKey = (JSON.parse(minted.text) as { key?: string }).key ?? '';
    await note(call('GET', '/v1/audits/verify', mintedKey));
    const csv = `学号,姓名,邮箱\nS${mark},${planted.nameZh},${planted.email}\n,${planted.name},not-an-email\n`;
    await note(call('POST', '/v1/imports/graduates?dryRun=false', office, csv, 'text/csv'));
    // The same people as an import job and an audit job, run by the workers: their lines are in the output too.
    const valid = `学号,姓名,邮箱\nJ${mark},${planted.nameZh},job.${planted.email}\n`;
    const queued = await call('POST', '/v1/imports/graduates?background=true', office, valid, 'text/csv');
    statuses.push(queued.status);
    const importRun = (JSON.parse(queued.text) as { links: { self: string } }).links.self;
    const audit = await call('POST', '/v1/audits', auditor, {});
    statuses.push(audit.status);
    const auditRun = `/v1/audits/${(JSON.parse(audit.text) as { id: string }).id}`;
    const statusOf = async (path: string, key: string) =>
      (JSON.parse((await call('GET', path, key)).text) as { status: string }).status;
    await expect.poll(() => statusOf(importRun, office), { timeout: 60_000 }).toBe('completed');
    await expect.poll(() => statusOf(auditRun, auditor), { timeout: 60_000 }).toBe('completed');

    const app = { request: (url: string, init: RequestInit) => fetch(url, { ...init, redirect: 'manual' }) };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the browser helper takes any app-like request
    const browser = consoleBrowser(app as unknown as Hono<any, any, any>, base);
    statuses.push((await browser.signIn(planted.userEmail, planted.wrongPassword)).status);
    statuses.push((await browser.signIn(`nobody.${planted.userEmail}`, planted.password)).status);
    const signedIn = await browser.signIn(planted.userEmail, planted.password);
    statuses.push(signedIn.status);
    statuses.push((await browser.get('/console/graduates')).status);

    // The requests did what they were meant to: successes and failures both.
    expect(statuses.filter((s) => s < 300).length).toBeGreaterThan(5);
    expect(statuses.filter((s) => s >= 400).length).toBeGreaterThan(5);
    expect(signedIn.location).toBe('/console');
    expect(output).toMatch(/"event":"request"/);
    expect(output).toMatch(/"event":"import_done"/);
    expect(output).toMatch(/"event":"audit_completed"/);
    // Every line is JSON, start-up lines and job lines included; a job's lines carry the request that queued it.
    const lines = output.split('\n').filter((l) => l.trim() !== '');
    const notJson = lines.filter((l) => {
      try {
        return typeof (JSON.parse(l) as { event?: unknown }).event !== 'string';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const done = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'import_done');
    expect(done?.requestId).toEqual(expect.any(String));

    const secrets = {
      ...planted,
      office,
      graduateKey: graduate.key,
      mintedKey,
      emailEncoded: encodeURIComponent(planted.email),
      nameEncoded: encodeURIComponent(planted.name),
    };
    const leaks = Object.entries(secrets).filter(([, value]) => value !== '' && output.includes(value));
    expect(leaks.map(([what]) => what)).toEqual([]);
  });
});
