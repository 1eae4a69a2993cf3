import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PHASES } from '../../src/domain/audit-report/phases.ts';
import type { AuditAggregates } from '../../src/domain/audit-report/types.ts';
import { silentLogger } from '../../src/logger.ts';
import { computeAggregates, type AuditChunking } from '../../src/services/audits/compute.ts';
import { runAuditJob } from '../../src/services/audits/run.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import { insertRun } from '../../src/storage/audits.repo.ts';
import type { Database } from '../../src/storage/db.ts';
import { jsonb } from '../../src/storage/jsonb.ts';
import * as agg from '../../src/storage/audit-aggregates.repo.ts';
import { addImpressions, addInteraction, addPeople, type ImpressionSpec } from '../support/audit-factory.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

/**
 * The audit reads its impressions a chunk of graduates at a time (so that on PGlite a request waits for one chunk,
 * not the audit). Chunks must not change a figure: the same data audited in chunks of 7 impressions and 2 lists and
 * in one chunk gives the same counts and, up to rounding, the same moments, medians and ranking metrics.
 */
const ONE_PASS: AuditChunking = { impressions: Number.POSITIVE_INFINITY, lists: 1_000_000 };
const SMALL: AuditChunking = { impressions: 7, lists: 2, proxyImpressions: 5 };

/** Deterministic pseudo-random numbers in [0, 1) (a 32-bit LCG), so the data is the same on every run. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const GENDERS = ['female', 'male', 'undisclosed'] as const;
const REGIONS = ['east', 'central', 'west', 'northeast'] as const;

async function seed(database: Database, tenantId: string): Promise<number> {
  const rand = lcg(7);
  const people = await addPeople(
    database,
    tenantId,
    Array.from({ length: 36 }, (_, i) => ({
      ...(i % 9 === 8
        ? {}
        : {
            demographics: {
              gender: GENDERS[i % 3] ?? 'male',
              region_of_origin: REGIONS[i % 4] ?? 'east',
              hukou_type: i % 2 === 0 ? 'rural' : 'urban',
            },
          }),
      ...(i % 11 === 10 ? { consents: [true, false] } : {}),
    })),
  );
  const postings = Array.from({ length: 5 }, () => crypto.randomUUID());
  const rows: ImpressionSpec[] = [];
  // Candidate lists: the same posting is served twice, so some pairs have two impressions (their score is a mean).
  for (let l = 0; l < 10; l++) {
    const listId = crypto.randomUUID();
    const chosen = people.filter(() => rand() < 0.6);
    const scored = chosen.map((g) => ({ g, s: Math.round(rand() * 1000) / 1000 })).sort((a, b) => b.s - a.s);
    for (const [i, { g, s }] of scored.entries())
      rows.push({
        listId,
        listKind: 'candidates',
        graduateId: g,
        postingId: postings[l % postings.length] ?? '',
        rank: i + 1,
        score: s,
        components: { semantic: rand(), requiredSkills: rand(), salaryFit: 1 },
      });
  }
  for (const g of people.filter(() => rand() < 0.8)) {
    const listId = crypto.randomUUID();
    for (let r = 1; r <= 3; r++)
      rows.push({
        listId,
        listKind: 'recommendations',
        graduateId: g,
        postingId: postings[r] ?? '',
        rank: r,
        score: Math.round(rand() * 100) / 100,
      });
  }
  await addImpressions(database, tenantId, rows);
  // Search impressions have no graduate: they count in the totals, the funnel and the proxy table.
  await database.db
    .insertInto('impressions')
    .values(
      [1, 2, 3].map((rank) => ({
        id: crypto.randomUUID(),
        tenant_id: tenantId,
        request_id: 'test',
        list_id: crypto.randomUUID(),
        list_kind: 'search',
        viewer_role: 'graduate',
        viewer_id: null,
        graduate_id: null,
        posting_id: postings[rank] ?? '',
        rank,
        score: 0.5,
        components: jsonb({ semantic: 0.5 }),
        model_version: 'search-test',
        embedder_id: 'lsa-test',
        personalized: false,
        created_at: new Date(),
      })),
    )
    .execute();
  for (const [i, g] of people.entries()) {
    if (i % 4 === 0)
      await addInteraction(database, tenantId, { graduateId: g, postingId: postings[0] ?? '', type: 'apply' });
    if (i % 6 === 0) {
      await addInteraction(database, tenantId, { graduateId: g, postingId: postings[0] ?? '', type: 'interview' });
    }
    if (i % 12 === 0)
      await addInteraction(database, tenantId, { graduateId: g, postingId: postings[1] ?? '', type: 'hire' });
  }
  return rows.length + 3;
}

/** Equal, numbers within a relative 1e-12 (sums taken in another order round differently in the last bits). */
function expectSame(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b)) expect(a, path).toBe(b);
    else expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a), Math.abs(b)));
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, path).toBe(b.length);
    a.forEach((x, i) => expectSame(x, b[i], `${path}[${i}]`));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
    for (const [k, v] of Object.entries(a)) expectSame(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

describe.each(backends)('chunked audit on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => database.close());

  it('gives the same aggregates in chunks of 7 impressions as in one pass, and reports monotone progress', async () => {
    const t = await newTenant(database);
    const impressions = await seed(database, t.tenantId);
    const w = {
      tenantId: t.tenantId,
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 60_000),
      k: 5,
    };
    const trace = (log: [number, string][]) => async (p: number, phase: string) => void log.push([p, phase]);
    const oneLog: [number, string][] = [];
    const smallLog: [number, string][] = [];
    const one: AuditAggregates = await computeAggregates(database.db, w, trace(oneLog), ONE_PASS);
    const small: AuditAggregates = await computeAggregates(database.db, w, trace(smallLog), SMALL);

    expect(one.totals).toMatchObject({ impressions, candidateLists: 10, graduates: 36 });
    expect(one.totals.recommendationLists).toBeGreaterThan(20);
    expect(one.selection.cells.length).toBeGreaterThan(10);
    expect(one.proxy.some((c) => c.values.every((v) => v === null))).toBe(true);
    expectSame(small, one);

    // One pass: a single graduate chunk (plus the one for impressions without a graduate); small: many.
    const chunks = (log: [number, string][]) => log.filter(([, phase]) => phase === 'reading').length;
    expect(chunks(oneLog)).toBe(2);
    expect(chunks(smallLog)).toBeGreaterThan(20);
    for (const log of [oneLog, smallLog]) {
      const percents = log.map(([p]) => p);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      expect(Math.max(...percents)).toBe(93);
      expect(log.map(([, phase]) => phase).filter((p, i, all) => p !== all[i - 1])).toEqual([
        'planning',
        'reading',
        'scoring',
        'lists',
      ]);
    }
  });

  it('splits one graduate with many impressions for the proxy read and counts each impression once', async () => {
    const t = await newTenant(database);
    const [heavy, light] = await addPeople(database, t.tenantId, [
      { demographics: { gender: 'female', hukou_type: 'rural' } },
      { demographics: { gender: 'male', hukou_type: 'urban' } },
    ]);
    const posting = crypto.randomUUID();
    const at = new Date(Date.now() - 3_600_000);
    const rows: ImpressionSpec[] = Array.from({ length: 40 }, (_, i) => ({
      listId: crypto.randomUUID(),
      listKind: i % 4 === 0 ? 'candidates' : 'recommendations',
      graduateId: (i < 34 ? heavy : light) ?? '',
      postingId: posting,
      rank: 1 + (i % 3),
      score: (i % 10) / 10,
      components: { semantic: (i % 7) / 7, requiredSkills: (i % 5) / 5 },
      at,
    }));
    await addImpressions(database, t.tenantId, rows);
    // Timestamps a microsecond apart (a Date holds milliseconds), three impressions sharing each one.
    await sql`update impressions set created_at = created_at + make_interval(secs => (rank - 1) * 0.000001)
      where tenant_id = ${t.tenantId}`.execute(database.db);
    const w = { tenantId: t.tenantId, from: new Date(at.getTime() - 1_000), to: new Date(Date.now() + 60_000), k: 2 };

    // The ends of the proxy read's ranges: the heavy graduate's impressions are split over several of them.
    const ends: agg.ImpressionKey[] = [];
    for (let end = await agg.impressionChunkEnd(database.db, w, null, 7); end && ends.length < 20;) {
      ends.push(end);
      end = await agg.impressionChunkEnd(database.db, w, end, 7);
    }
    expect(ends.filter((e) => e.graduateId === heavy).length).toBeGreaterThanOrEqual(3);
    const small = await computeAggregates(database.db, w, async () => {}, SMALL);
    const one = await computeAggregates(database.db, w, async () => {}, ONE_PASS);
    expectSame(small, one);
    // Every impression once: two components each, in their bins.
    expect(small.proxy.reduce((sum, c) => sum + c.count, 0)).toBe(80);
  });

  it('moves the run through every phase, one step per chunk, and shows 100 only once it is completed', async () => {
    const t = await newTenant(database);
    await seed(database, t.tenantId);
    const runId = crypto.randomUUID();
    const now = Date.now();
    await insertRun(database.db, {
      id: runId,
      tenantId: t.tenantId,
      source: 'impressions',
      status: 'queued',
      params: {
        from: new Date(now - 86_400_000).toISOString(),
        to: new Date(now + 60_000).toISOString(),
        k: 5,
        attributes: ['gender', 'regionOfOrigin', 'hukouType'],
        minGroupSize: 2,
      },
      requestedBy: 'test',
      now: new Date(now),
    });
    const seen: { job: number; stored: number; status: string }[] = [];
    const phases: (string | null)[] = [];
    const result = await runAuditJob(
      systemContext({ database, clock: systemClock, logger: silentLogger }),
      { runId, tenantId: t.tenantId },
      {
        jobId: runId,
        attempt: 1,
        finalAttempt: true,
        progress: async (p) => {
          const row = await database.db
            .selectFrom('audit_runs')
            .select(['progress', 'status', 'phase'])
            .where('id', '=', runId)
            .executeTakeFirstOrThrow();
          seen.push({ job: p, stored: row.progress, status: row.status });
          phases.push(row.phase);
        },
      },
      undefined,
      SMALL,
    );
    expect(result.status).toBe('completed');
    const percents = seen.map((s) => s.job);
    expect(percents).toEqual([...new Set(percents)].sort((a, b) => a - b));
    expect(percents.length).toBeGreaterThan(40);
    expect(percents.at(-1)).toBe(98);
    for (const s of seen) expect(s).toEqual({ job: s.job, stored: s.job, status: 'running' });
    const done = await database.db
      .selectFrom('audit_runs')
      .select(['progress', 'status'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(done).toEqual({ progress: 100, status: 'completed' });

    // The stored phase, read as GET /v1/audits/{id} reads it at every step, moves through every phase in order.
    expect(phases.filter((p, i, all) => p !== all[i - 1])).toEqual([...AUDIT_PHASES]);
    const final = await database.db
      .selectFrom('audit_runs')
      .select('phase')
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(final.phase).toBe('report');
  });
});
