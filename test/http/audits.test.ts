import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusteredRateTest } from '../../src/domain/fairness/clustered.ts';
import { mantelHaenszel } from '../../src/domain/fairness/contingency.ts';
import { fisherExact } from '../../src/domain/fairness/significance.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMemoryQueue } from '../../src/queue/memory.ts';
import { relayOutbox } from '../../src/services/audits/relay.ts';
import { appendReport } from '../../src/services/audits/chain.ts';
import { runAuditJob } from '../../src/services/audits/run.ts';
import { insertRun } from '../../src/storage/audits.repo.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import { present, type AuditRun, type Problem, type ServedReport } from '../support/bodies.ts';
import { addImpressions, addInteraction, addPeople, type ImpressionSpec } from '../support/audit-factory.ts';
import { isolatedBackends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

/**
 * A tenant whose numbers are worked out by hand: 20 women, 20 men, 1 non-binary person (a group of one:
 * suppressed), 3 people without demographics and 2 who withdrew consent (5 unknown). Two candidate lists
 * of 46 with scores 1 − rank/100, so the pooled median over the 92 (posting, graduate) pairs is
 * (0.76 + 0.77)/2 = 0.765 and "above the median" means rank ≤ 23.
 *   P1: men 0–7 at 1–8, women 0–1 at 9–10, men 8–19 at 11–22, women 2–19 at 23–40, NB 41, unknown 42–46.
 *   P2: men 0–5 at 1–6, women 0–3 at 7–10, men 6–19 at 11–24, women 4–19 at 25–40, NB 41, unknown 42–46.
 * Selection (top 10): women 2 + 4 = 6 of 40 = .15, men 8 + 6 = 14 of 40 = .35, IR = .15/.35 = 3/7.
 * Scoring (rank ≤ 23): women 3 + 4 = 7 of 40, men 20 + 19 = 39 of 40, IR = (7/40)/(39/40) = 7/39.
 */
async function seed(database: Database, tenantId: string) {
  const women = await addPeople(
    database,
    tenantId,
    Array.from({ length: 20 }, (_, i) => ({
      demographics: { gender: 'female', hukou_type: i % 2 === 0 ? 'rural' : 'urban' },
      consents: i === 19 ? [false, true] : [true],
    })),
  );
  const men = await addPeople(
    database,
    tenantId,
    Array.from({ length: 20 }, (_, i) => ({
      demographics: { gender: 'male', hukou_type: i % 2 === 0 ? 'rural' : 'urban' },
    })),
  );
  const [nb = ''] = await addPeople(database, tenantId, [{ demographics: { gender: 'nonbinary' } }]);
  const unknown = [
    ...(await addPeople(database, tenantId, [{}, {}, {}])),
    ...(await addPeople(database, tenantId, [
      { demographics: { gender: 'female' }, consents: [true, false] },
      { demographics: { gender: 'male' }, consents: [true, false] },
    ])),
  ];
  const p1 = crypto.randomUUID();
  const p2 = crypto.randomUUID();
  const list = (postingId: string, order: string[]): ImpressionSpec[] => {
    const listId = crypto.randomUUID();
    return order.map((graduateId, i) => ({
      listId,
      listKind: 'candidates',
      graduateId,
      postingId,
      rank: i + 1,
      score: 1 - (i + 1) / 100,
    }));
  };
  const rows = [
    ...list(p1, [...men.slice(0, 8), ...women.slice(0, 2), ...men.slice(8), ...women.slice(2), nb, ...unknown]),
    ...list(p2, [...men.slice(0, 6), ...women.slice(0, 4), ...men.slice(6), ...women.slice(4), nb, ...unknown]),
    // Outside the default 30-day window: must not count.
    {
      listId: crypto.randomUUID(),
      listKind: 'candidates' as const,
      graduateId: women[5] ?? '',
      postingId: p1,
      rank: 1,
      score: 0.99,
      at: new Date(Date.now() - 40 * 86_400_000),
    },
  ];
  // Recommendation quality: every woman's top postings score .3, every man's .6, the rest .45.
  for (const [group, score] of [
    [women, 0.3],
    [men, 0.6],
    [[nb, ...unknown], 0.45],
  ] as const) {
    for (const g of group) {
      const listId = crypto.randomUUID();
      for (let r = 1; r <= 3; r++)
        rows.push({
          listId,
          listKind: 'recommendations',
          graduateId: g,
          postingId: crypto.randomUUID(),
          rank: r,
          score,
        });
    }
  }
  await addImpressions(database, tenantId, rows);
  await addInteraction(database, tenantId, { graduateId: women[0] ?? '', postingId: p1, type: 'apply' });
  await addInteraction(database, tenantId, { graduateId: women[0] ?? '', postingId: p1, type: 'interview' });
  await addInteraction(database, tenantId, { graduateId: men[0] ?? '', postingId: p1, type: 'apply' });
  await addInteraction(database, tenantId, { graduateId: men[0] ?? '', postingId: p1, type: 'hire' });
  await addInteraction(database, tenantId, { graduateId: men[1] ?? '', postingId: p2, type: 'hire' });
  return { people: [...women, ...men, nb, ...unknown] };
}

describe.each(isolatedBackends)('audits API on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  const queue = () =>
    createMemoryQueue({
      audit: (payload, job) =>
        runAuditJob(systemContext({ database, clock: systemClock, logger: silentLogger }), payload, job),
    });

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
  });
  afterAll(async () => database.close());

  it("queues through the outbox, runs once, and reports hand-computed rates without any person's data", async () => {
    const t = await newTenant(database);
    const { people } = await seed(database, t.tenantId);
    const created = await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {});
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({ status: 'queued', progress: 0, phase: null, links: { report: null } });
    const id = created.json.id;

    const q = queue();
    expect(await relayOutbox({ database, queue: q, clock: systemClock, logger: silentLogger })).toBeGreaterThanOrEqual(
      1,
    );
    expect(await relayOutbox({ database, queue: q, clock: systemClock, logger: silentLogger })).toBe(0);
    await q.drain();
    expect(q.jobs.get(id)?.state).toBe('completed');

    const status = await api.call('GET', `/v1/audits/${id}`, t.staff.career_office);
    expect(status.json).toMatchObject({
      status: 'completed',
      progress: 100,
      phase: 'report',
      links: { reportHtml: `/v1/audits/${id}/report.html` },
    });
    const listed = await api.call<{ items: AuditRun[] }>('GET', '/v1/audits', t.staff.auditor);
    expect(listed.json.items.find((r) => r.id === id)).toMatchObject({ progress: 100, phase: 'report' });

    const res = await api.call<ServedReport>('GET', `/v1/audits/${id}/report`, t.staff.auditor);
    expect(res.status).toBe(200);
    const report = res.json;
    expect(report.totals).toMatchObject({ decisions: 92, unknownDecisions: 10, consented: 41, candidateLists: 2 });
    expect(report.sampleMedian.selection).toBeCloseTo(0.765, 12);
    const gender = present(
      report.groupings.find((g) => g.key === 'gender'),
      'the gender grouping',
    );
    const selection = present(gender.selection, 'selection');
    const sel = selection.value;
    expect(sel.rows.map((r) => [r.group, r.n, r.selected])).toEqual([
      ['female', 40, 6],
      ['male', 40, 14],
    ]);
    expect(sel.rows[0]?.impactRatio).toBeCloseTo(3 / 7, 15);
    expect(sel.rows[0]?.flagged).toBe(true);
    expect(sel.rows[0]?.fisher?.pValue).toBe(
      fisherExact([
        [6, 34],
        [14, 26],
      ]).pValue,
    );
    expect(selection.excluded).toEqual([
      { group: 'nonbinary', n: 1, reason: 'below-min-size', decisions: null, selected: null, rate: null },
    ]);
    expect(selection.unknown).toBe(10);
    expect(selection.unknownPeople).toBe(5);
    // People beside decisions: 20 women and 20 men, two decisions each (one per list); the clustered test
    // is computed from per-person sums read in SQL (its value is checked against statsmodels in unit tests).
    expect(sel.rows.map((r) => [r.group, r.people, r.n])).toEqual([
      ['female', 20, 40],
      ['male', 20, 40],
    ]);
    // Per person (2 decisions each): women 0–1 selected twice, 2–3 once; men 0–5 twice, 6–7 once.
    expect(sel.rows[0]?.clustered).toEqual(
      clusteredRateTest(
        { decisions: 40, selected: 6, people: 20, sumN2: 80, sumX2: 4 + 4 + 1 + 1, sumXN: 2 * 6 },
        { decisions: 40, selected: 14, people: 20, sumN2: 80, sumX2: 6 * 4 + 2, sumXN: 2 * 14 },
      ),
    );
    expect(sel.rows[0]?.clustered?.z).toBeLessThan(0);
    expect(sel.rows[0]?.holmP).toBeGreaterThanOrEqual(sel.rows[0]?.clustered?.pValue ?? 1);
    expect(report.totals.unknownByAttribute.find((u) => u.attribute === 'gender')).toEqual({
      attribute: 'gender',
      people: 5,
      decisions: 10,
    });
    expect(gender.outcomes?.value.labelDefinition).toContain('interview, offer or hire');
    // Mean score of women's 40 decisions: ranks 9, 10, 23–40 in P1 and 7–10, 25–40 in P2, score 1 − rank/100.
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    const womenRanks = [9, 10, ...range(23, 40), ...range(7, 10), ...range(25, 40)];
    const womenScores = womenRanks.map((r) => 1 - r / 100);
    const womenMean = womenScores.reduce((s, x) => s + x, 0) / 40;
    const womenSd = Math.sqrt(womenScores.reduce((s, x) => s + (x - womenMean) ** 2, 0) / 39);
    const women = present(gender.meanScores, 'mean scores').value[0];
    expect(women?.mean).toBeCloseTo(womenMean, 12);
    expect(women?.sd).toBeCloseTo(womenSd, 10);
    const scoring = present(gender.scoring, 'scoring').value.rows;
    expect(scoring.map((r) => r.selected)).toEqual([7, 39]);
    expect(scoring[0]?.impactRatio).toBeCloseTo(7 / 39, 15);
    const quality = present(gender.recommendationQuality, 'recommendation quality').value.scoring.rows;
    expect(quality.map((r) => [r.group, r.selected, r.n])).toEqual([
      ['female', 0, 20],
      ['male', 20, 20],
    ]);
    // Funnel pairs: 2 candidate pairs + 3 recommended postings per person = 5 × 20 = 100 per group.
    const funnel = present(gender.funnel, 'funnel').value.rows;
    expect(funnel.map((r) => r.counts)).toEqual([
      { shown: 100, applied: 1, interview: 1, offer: 0, hire: 0 },
      { shown: 100, applied: 2, interview: 2, offer: 2, hire: 2 },
    ]);
    // Mantel–Haenszel across the two postings (strata): P1 women 2 of 20 in the top 10, men 8 of 20; P2 women
    // 4 of 20, men 6 of 20. E[a] = 20·10/40 = 5 in each, Var = 20·20·10·30/(40²·39) = 25/13, so χ² = (6 − 10)²
    // / (50/13) = 4.16; pooled OR = (2·12/40 + 4·14/40)/(18·8/40 + 16·6/40) = 1/3.
    const mh = present(gender.mantelHaenszel, 'Mantel–Haenszel');
    expect(mh.convention).toBe('mantel-haenszel-posting');
    const tables = [
      [
        [2, 18],
        [8, 12],
      ],
      [
        [4, 16],
        [6, 14],
      ],
    ] as const;
    expect(mh.rows).toEqual([{ group: 'female', reference: 'male', ...mantelHaenszel(tables) }]);
    expect(mh.rows[0]?.statistic).toBeCloseTo(4.16, 12);
    expect(mh.rows[0]?.pooledOddsRatio).toBeCloseTo(1 / 3, 12);
    expect(report.conventions['mantel-haenszel-posting']).toContain('postings');
    // The same decisions uploaded with the posting as the stratum column give the same numbers (pure path).
    const order = (menTop: number, womenTop: number) => [
      ...Array.from({ length: menTop }, (_, i) => `m${i}`),
      ...Array.from({ length: womenTop }, (_, i) => `w${i}`),
      ...Array.from({ length: 20 - menTop }, (_, i) => `m${menTop + i}`),
      ...Array.from({ length: 20 - womenTop }, (_, i) => `w${womenTop + i}`),
    ];
    const uploaded = (
      [
        ['P1', order(8, 2)],
        ['P2', order(6, 4)],
      ] as const
    ).flatMap(([stratum, ids]) =>
      ids.map((subjectId, i) => ({
        subjectId,
        groups: { gender: subjectId.startsWith('w') ? 'female' : 'male' },
        listId: stratum,
        rank: i + 1,
        score: 1 - (i + 1) / 100,
        selected: i < 10,
        stratum,
      })),
    );
    const pure = await api.call<AuditRun>('POST', '/v1/audits/external', t.staff.auditor, { rows: uploaded, k: 10 });
    expect(pure.status).toBe(201);
    const pureReport = (await api.call<ServedReport>('GET', pure.json.links.report ?? '', t.staff.auditor)).json;
    const pureGender = present(
      pureReport.groupings.find((g) => g.key === 'gender'),
      'the uploaded gender grouping',
    );
    expect(pureGender.mantelHaenszel?.convention).toBe('mantel-haenszel');
    expect(pureGender.mantelHaenszel?.rows).toEqual(mh.rows);
    expect(report.groupings.some((g) => g.key === 'gender × hukouType')).toBe(true);
    expect(report.flags.some((f) => f.grouping === 'gender' && f.group === 'female' && f.metric === 'selection')).toBe(
      true,
    );
    const text = JSON.stringify(report);
    for (const p of people) expect(text).not.toContain(p);

    const html = await api.call('GET', `/v1/audits/${id}/report.html`, t.staff.auditor);
    expect(html.status).toBe(200);
    expect(html.text).toContain('<svg');
    expect(html.text).toContain('偏差审计报告');
    expect(html.text).toContain('historical impressions');

    // A second delivery of the same job id is a no-op: still one report.
    await q.enqueue('audit', { runId: id, tenantId: t.tenantId }, { jobId: id });
    const again = createMemoryQueue({
      audit: (payload, job) =>
        runAuditJob(systemContext({ database, clock: systemClock, logger: silentLogger }), payload, job),
    });
    await again.enqueue('audit', { runId: id, tenantId: t.tenantId }, { jobId: id });
    await again.drain();
    const count = await sql<{ n: number }>`select count(*)::int as n from audit_reports where run_id = ${id}`.execute(
      database.db,
    );
    expect(count.rows[0]?.n).toBe(1);
    const logged = await sql<{
      n: number;
    }>`select count(*)::int as n from access_log where tenant_id = ${t.tenantId} and action =
      'read_audit_report'`.execute(database.db);
    // The JSON and HTML reports of the run and the uploaded report read beside it.
    expect(logged.rows[0]?.n).toBe(3);
  });

  it('lets only career office, admin and auditor of the tenant in', async () => {
    const t = await newTenant(database);
    const other = await newTenant(database);
    const g = await t.graduate();
    expect((await api.call('POST', '/v1/audits', g.key, {})).status).toBe(403);
    const created = await api.call<AuditRun>('POST', '/v1/audits', t.staff.career_office, {
      k: 5,
      attributes: ['gender'],
    });
    expect(created.status).toBe(202);
    expect(created.json.params).toMatchObject({ k: 5, attributes: ['gender'] });
    expect((await api.call('GET', `/v1/audits/${created.json.id}`, other.staff.auditor)).status).toBe(404);
    expect((await api.call('GET', `/v1/audits/${created.json.id}/report`, t.staff.admin)).status).toBe(409);
    const bad = await api.call<Problem>('POST', '/v1/audits', t.staff.admin, {
      k: 0,
      from: '2026-11-28T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.map((e) => e.path).sort()).toEqual(['body.from', 'body.k']);
  });

  it("lists the tenant's runs newest first, a page at a time, by status, to its own roles only", async () => {
    const t = await newTenant(database);
    const other = await newTenant(database);
    await api.call('POST', '/v1/audits', other.staff.auditor, {});
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await api.call<AuditRun>('POST', '/v1/audits', t.staff.auditor, {})).json.id);
    // Distinct times, so the order does not rest on two requests landing in different milliseconds.
    for (const [i, id] of ids.entries()) {
      const createdAt = new Date(Date.now() - (3 - i) * 60_000);
      await database.db.updateTable('audit_runs').set({ created_at: createdAt }).where('id', '=', id).execute();
    }
    await database.db
      .updateTable('audit_runs')
      .set({ status: 'failed' })
      .where('id', '=', ids[0] ?? '')
      .execute();
    type RunPage = { items: AuditRun[]; nextCursor: string | null };
    const first = await api.call<RunPage>('GET', '/v1/audits?limit=2', t.staff.career_office);
    expect(first.status).toBe(200);
    expect(first.json.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.json.items[0]).toMatchObject({ status: 'queued', links: { self: `/v1/audits/${ids[2]}` } });
    const cursor = encodeURIComponent(first.json.nextCursor ?? '');
    const second = await api.call<RunPage>('GET', `/v1/audits?limit=2&cursor=${cursor}`, t.staff.admin);
    expect(second.json).toMatchObject({ items: [{ id: ids[0], status: 'failed' }], nextCursor: null });
    const queued = await api.call<RunPage>('GET', '/v1/audits?status=queued', t.staff.auditor);
    expect(queued.json.items.map((r) => r.id)).toEqual([ids[2], ids[1]]);

    const g = await t.graduate();
    expect((await api.call('GET', '/v1/audits', g.key)).status).toBe(403);
    const bad = await api.call<Problem>('GET', '/v1/audits?status=done&cursor=x', t.staff.auditor);
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.map((e) => e.path)).toContain('query.status');
    const badCursor = await api.call<Problem>('GET', '/v1/audits?cursor=x', t.staff.auditor);
    expect(badCursor.json.errors?.map((e) => e.path)).toEqual(['query.cursor']);
  });

  it(
    'audits an uploaded file (JSON and CSV), names the bad row and field, chains reports and ' + 'finds a tampered one',
    async () => {
      const t = await newTenant(database);
      const rows = Array.from({ length: 60 }, (_, i) => ({
        subjectId: `s${i}`,
        groups: { gender: i % 2 === 0 ? 'female' : 'male' },
        listId: `L${i % 3}`,
        rank: Math.floor(i / 3) + 1,
        score: i % 2 === 0 ? 0.4 : 0.8,
        selected: i % 2 === 1 || i % 6 === 0,
        outcome: 'none',
      }));
      const broken = rows.map((r, i) => (i === 3 ? { ...r, score: 'high' } : r));
      const bad = await api.call<Problem>('POST', '/v1/audits/external', t.staff.auditor, { rows: broken });
      expect(bad.status).toBe(400);
      expect(bad.json.errors?.[0]?.path).toBe('body.rows.3.score');

      const ok = await api.call<AuditRun>('POST', '/v1/audits/external', t.staff.auditor, { rows, k: 5 });
      expect(ok.status).toBe(201);
      expect(ok.json.status).toBe('completed');
      const report = (await api.call<ServedReport>('GET', ok.json.links.report ?? '', t.staff.auditor)).json;
      // Women: selected when i % 6 = 0 → 10 of 30; men: 30 of 30 → IR 1/3.
      const gender = present(
        report.groupings.find((g) => g.key === 'gender'),
        'the gender grouping',
      );
      const sel = present(gender.selection, 'selection').value.rows;
      expect(sel.map((r) => [r.selected, r.n])).toEqual([
        [10, 30],
        [30, 30],
      ]);
      expect(sel[0]?.impactRatio).toBeCloseTo(1 / 3, 15);
      expect(report.source).toBe('upload');

      const csv =
        'subjectId,listId,rank,score,selected,outcome,gender\n' +
        rows
          .map((r) => `${r.subjectId},${r.listId},${r.rank},${r.score},${r.selected},${r.outcome},${r.groups.gender}`)
          .join('\n');
      const res = await api.app.request('/v1/audits/external?k=5', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.staff.auditor}`, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(res.status).toBe(201);
      const badCsv = await api.app.request('/v1/audits/external', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.staff.auditor}`, 'content-type': 'text/csv' },
        body: csv.replace('s2,L2,1,0.4,false', 's2,L2,0,0.4,maybe'),
      });
      const problem = (await badCsv.json()) as { errors: { path: string }[] };
      expect(badCsv.status).toBe(400);
      expect(problem.errors.map((e) => e.path)).toEqual(['body.lines.4.rank', 'body.lines.4.selected']);

      const verified = await api.call('GET', '/v1/audits/verify', t.staff.auditor);
      expect(verified.json).toMatchObject({ ok: true, reports: 2, publications: 0, firstBroken: null, complete: true });
      await sql`update audit_reports set body = replace(body, '"source":"upload"', '"source":"impressions"')
      where tenant_id = ${t.tenantId} and seq = 1`.execute(database.db);
      const tampered = await api.call<{ ok: boolean; firstBroken: unknown }>(
        'GET',
        '/v1/audits/verify',
        t.staff.auditor,
      );
      expect(tampered.json.ok).toBe(false);
      expect(tampered.json.firstBroken).toMatchObject({ seq: 1, runId: ok.json.id });
    },
  );

  it(
    'a stored report of format /1 stays verifiable and readable beside /2 reports, and ' + 'tampering with it is found',
    async () => {
      const t = await newTenant(database);
      // report-v1.json was produced by `npm run audit` before format /2 (people, clustered test, Holm/BH).
      const v1 = JSON.parse(
        readFileSync(new URL('../unit/audit-report/fixtures/report-v1.json', import.meta.url), 'utf8'),
      ) as Record<string, unknown>;
      expect(v1.schema).toBe('bole.audit-report/1');
      const runId = crypto.randomUUID();
      await insertRun(database.db, {
        id: runId,
        tenantId: t.tenantId,
        source: 'upload',
        status: 'running',
        params: {},
        requestedBy: 'test:format-v1',
        now: new Date(),
      });
      await appendReport(database.db, {
        id: crypto.randomUUID(),
        tenantId: t.tenantId,
        runId,
        report: { ...v1, runId, tenantId: t.tenantId },
        now: new Date(),
      });
      const csv =
        'subjectId,listId,rank,score,selected,hired,gender\n' +
        Array.from(
          { length: 40 },
          (_, i) =>
            `s${i % 20},L${i % 2},${(i % 20) + 1},${i % 2},${i % 3 === 0},${i % 4 === 0 ? 'yes' : 'no'}` +
            `,${i % 2 === 0 ? 'female' : 'male'}`,
        ).join('\n');
      const res = await api.app.request('/v1/audits/external?k=5&posLabel=yes&referenceGroup=male&scoreThreshold=1', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.staff.auditor}`, 'content-type': 'text/csv' },
        body: csv.replace('selected,hired,', 'selected,label,'),
      });
      expect(res.status).toBe(201);
      const run = (await res.json()) as AuditRun;
      const v2 = (await api.call<ServedReport>('GET', run.links.report ?? '', t.staff.auditor)).json;
      expect(v2.schema).toBe('bole.audit-report/2');
      expect(v2.params).toMatchObject({ scoreThreshold: 1, referenceGroup: 'male' });
      const gender = present(
        v2.groupings.find((g) => g.key === 'gender'),
        'gender',
      );
      // 20 people, 40 decisions: each subject appears in two rows.
      expect(gender.selection?.value.rows.map((r) => [r.group, r.people, r.n])).toEqual([
        ['female', 10, 20],
        ['male', 10, 20],
      ]);
      expect(gender.outcomes?.value.referenceGroup).toBe('male');
      const bad = await api.call<Problem>('POST', '/v1/audits/external?skewEpsilon=2', t.staff.auditor, { rows: [] });
      expect(bad.status).toBe(400);

      expect((await api.call('GET', '/v1/audits/verify', t.staff.auditor)).json).toMatchObject({
        ok: true,
        reports: 2,
        publications: 0,
        firstBroken: null,
        complete: true,
      });
      const page = await api.app.request(`/v1/audits/${runId}/report.html`, {
        headers: { authorization: `Bearer ${t.staff.auditor}` },
      });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('偏差审计报告');
      await sql`update audit_reports set body = replace(body, '"k":10', '"k":11') where tenant_id =
      ${t.tenantId} and seq = 1`.execute(database.db);
      const tampered = await api.call<{ ok: boolean; firstBroken: unknown }>(
        'GET',
        '/v1/audits/verify',
        t.staff.auditor,
      );
      expect(tampered.json).toMatchObject({ ok: false, firstBroken: { seq: 1, runId } });
    },
  );
});
