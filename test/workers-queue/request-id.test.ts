import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../jobs/worker.ts';
import { createJsonLogger, createSay, readableLines } from '../../src/logger.ts';
import { jobLogFields } from '../../src/queue/job-scope.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { auditableTenant, eventually } from '../support/audit-seed.ts';
import { isolatedPostgresDatabase } from '../support/db.ts';

const REDIS = 'redis://127.0.0.1:6379';
const prefix = `bole-test-rid-${process.pid}-${Date.now().toString(36)}`;

describe('the request id travels from the request into the job and its log lines', () => {
  let database: Database;
  let background: Background;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    database = await isolatedPostgresDatabase();
    const logger = createJsonLogger('info', (line) => lines.push(JSON.parse(line)), jobLogFields);
    background = startBackground({
      ctx: systemContext({ database, clock: systemClock, logger }),
      redisUrl: REDIS,
      prefix,
      sweep: { afterMs: 60_000 },
    });
  });
  afterAll(async () => {
    await background?.close(5_000);
    await database?.close();
  });

  it('stores it with the outbox row, hands it to the job, and every line the job writes carries it', async () => {
    const { app } = testApp(database);
    const t = await auditableTenant(database);
    const requestId = `req-${crypto.randomUUID()}`;
    const res = await app.request('/v1/audits', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.staff.auditor}`,
        'content-type': 'application/json',
        'x-request-id': requestId,
      },
      body: '{}',
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const runId = ((await res.json()) as { id: string }).id;
    const outbox = await database.db
      .selectFrom('audit_outbox')
      .select(['request_id'])
      .where('job_id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(outbox.request_id).toBe(requestId);
    const settled = () => lines.find((l) => l.event === 'job_settled' && l.jobId === runId);
    expect(await eventually(async () => settled() !== undefined, 60_000)).toBe(true);
    expect(settled()).toMatchObject({ job: 'audit', jobId: runId, requestId, outcome: 'completed', attempt: 1 });
    // Nothing the job wrote lacks it, and no other job's line claims it.
    const ofJob = lines.filter((l) => l.jobId === runId);
    expect(ofJob.length).toBeGreaterThan(0);
    expect(ofJob.filter((l) => l.requestId !== requestId)).toEqual([]);
    expect(lines.filter((l) => l.requestId === requestId && l.jobId !== runId)).toEqual([]);
  });

  it('keeps start-up lines JSON with their text in msg, which readableLines gives back', () => {
    const out: string[] = [];
    const say = createSay('warn', (line) => out.push(line));
    say('graduate key: bole_abc', 'demo_key', { role: 'graduate' });
    say('Listening on http://127.0.0.1:1', 'listening');
    createSay('silent', (line) => out.push(line))('not printed');
    expect(out.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      { level: 'info', event: 'demo_key', role: 'graduate', msg: 'graduate key: bole_abc' },
      { level: 'info', event: 'listening', msg: 'Listening on http://127.0.0.1:1' },
    ]);
    const text = readableLines([...out, '{"event":"request","status":200}', 'plain'].join('\n'));
    expect(/^graduate key: (\S+)$/m.exec(text)?.[1]).toBe('bole_abc');
    expect(text.split('\n')).toEqual(['graduate key: bole_abc', 'Listening on http://127.0.0.1:1', 'plain']);
  });
});
