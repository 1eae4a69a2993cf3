import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, isCanonicalJsonText } from '../../src/domain/audit-report/canonical-json.ts';
import { sha256Hex } from '../../src/domain/sha256.ts';
import { appendReport } from '../../src/services/audits/chain.ts';
import { insertRun } from '../../src/storage/audits.repo.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { ChainVerdict } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

/**
 * GET /v1/audits/verify on chains longer than one check covers: the bounded incremental check (the checkpoint,
 * up to 32 new links, a window of 8 older ones) and the paged full re-verification (`from`). Reports are small
 * here (the check does not care what a report says), so a chain of 40 links costs little to build.
 */
describe.each(backends)('audit chain verification on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;

  beforeAll(async () => {
    database = await open();
    api = testApp(database);
  });
  afterAll(async () => database.close());

  async function appendReports(tenantId: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const runId = crypto.randomUUID();
      const now = new Date();
      await insertRun(database.db, {
        id: runId,
        tenantId,
        source: 'upload',
        status: 'running',
        params: {},
        requestedBy: 'test:verify',
        now,
      });
      await appendReport(database.db, {
        id: crypto.randomUUID(),
        tenantId,
        runId,
        report: { schema: 'test', runId, figures: { rate: i / 10, label: `report ${i}` } },
        now,
      });
    }
  }

  const verify = async (key: string, query = '') =>
    (await api.call<ChainVerdict>('GET', `/v1/audits/verify${query}`, key)).json;

  const editBody = (tenantId: string, seq: number) =>
    sql`update audit_reports set body = replace(body, '"label":"report', '"label":"edited')
      where tenant_id = ${tenantId} and seq = ${seq}`.execute(database.db);

  it('checks new links and a moving window of old ones, and finds an edit in the middle', async () => {
    const t = await newTenant(database);
    const auditor = t.staff.auditor;
    await appendReports(t.tenantId, 20);
    // The first check walks the whole chain (20 ≤ 32): a full pass, and the checkpoint is link 20.
    const first = await verify(auditor);
    expect(first).toMatchObject({
      ok: true,
      mode: 'incremental',
      reports: 20,
      chainLength: 20,
      verifiedThrough: 20,
      complete: true,
      checkedLinks: 20,
      sweep: null,
    });
    expect(first.fullPassAt).not.toBeNull();

    await appendReports(t.tenantId, 3);
    // The checkpoint link, the 3 new links, and the window 1–8 of older ones.
    expect(await verify(auditor)).toMatchObject({
      ok: true,
      verifiedThrough: 23,
      checkedLinks: 12,
      sweep: { from: 1, through: 8 },
      fullPassAt: first.fullPassAt,
    });
    // Link 12, in the middle and behind the checkpoint, is edited: the next window (9–16) finds it.
    await editBody(t.tenantId, 12);
    const tampered = await verify(auditor);
    expect(tampered).toMatchObject({
      ok: false,
      complete: false,
      verifiedThrough: 11,
      reports: 11,
      sweep: { from: 9, through: 16 },
      firstBroken: { seq: 12, kind: 'report', problem: expect.stringContaining('does not hash') },
    });
    // Nothing moved: every later check reports it again, and so does a full re-verification.
    expect((await verify(auditor)).firstBroken).toMatchObject({ seq: 12 });
    expect(await verify(auditor, '?from=1')).toMatchObject({
      ok: false,
      mode: 'range',
      verifiedThrough: 11,
      checkedLinks: 12,
      nextFrom: null,
      firstBroken: { seq: 12 },
    });
  });

  it('finds a link rewritten with a fresh hash, and an edited or removed checkpoint link, at once', async () => {
    const t = await newTenant(database);
    const auditor = t.staff.auditor;
    await appendReports(t.tenantId, 12);
    expect((await verify(auditor)).verifiedThrough).toBe(12);
    // A careful edit: link 5's body changed and re-hashed, and link 6's prev_sha256 column set to match. Link
    // 6's body still names the old hash, and the first window (1–8) sees it.
    const five = await database.db
      .selectFrom('audit_reports')
      .select(['body'])
      .where('tenant_id', '=', t.tenantId)
      .where('seq', '=', 5)
      .executeTakeFirstOrThrow();
    const body = five.body.replace('"label":"report', '"label":"edited');
    const sha = await sha256Hex(body);
    await database.db
      .updateTable('audit_reports')
      .set({ body, sha256: sha })
      .where('tenant_id', '=', t.tenantId)
      .where('seq', '=', 5)
      .execute();
    await database.db
      .updateTable('audit_reports')
      .set({ prev_sha256: sha })
      .where('tenant_id', '=', t.tenantId)
      .where('seq', '=', 6)
      .execute();
    expect(await verify(auditor)).toMatchObject({
      ok: false,
      sweep: { from: 1, through: 8 },
      firstBroken: { seq: 6, problem: "does not link to link #5's hash" },
    });

    const u = await newTenant(database);
    await appendReports(u.tenantId, 4);
    expect((await verify(u.staff.auditor)).verifiedThrough).toBe(4);
    await editBody(u.tenantId, 4);
    expect((await verify(u.staff.auditor)).firstBroken).toMatchObject({
      seq: 4,
      problem: expect.stringContaining('no longer has the hash'),
    });
    await database.db.deleteFrom('audit_reports').where('tenant_id', '=', u.tenantId).where('seq', '=', 4).execute();
    expect((await verify(u.staff.auditor)).firstBroken).toMatchObject({
      seq: 3,
      problem: expect.stringContaining('link #4'),
    });
  });

  it('bounds one check to 32 new links, and pages a full re-verification', async () => {
    const t = await newTenant(database);
    const auditor = t.staff.auditor;
    await appendReports(t.tenantId, 40);
    expect(await verify(auditor)).toMatchObject({
      ok: true,
      chainLength: 40,
      verifiedThrough: 32,
      complete: false,
      checkedLinks: 32,
      fullPassAt: null,
    });
    expect(await verify(auditor)).toMatchObject({
      ok: true,
      verifiedThrough: 40,
      complete: true,
      checkedLinks: 1 + 8 + 8,
      sweep: { from: 1, through: 8 },
    });

    const pages: ChainVerdict[] = [];
    for (let from: number | null = 1; from !== null;) {
      const page = await verify(auditor, `?from=${from}&limit=15`);
      pages.push(page);
      from = page.nextFrom;
    }
    expect(pages.map((p) => [p.verifiedThrough, p.checkedLinks, p.nextFrom, p.ok])).toEqual([
      [15, 15, 16, true],
      [30, 15, 31, true],
      [40, 10, null, true],
    ]);
    await editBody(t.tenantId, 20);
    expect(await verify(auditor, '?from=16&limit=15')).toMatchObject({
      ok: false,
      verifiedThrough: 19,
      firstBroken: { seq: 20 },
    });
    const bad = await api.call('GET', '/v1/audits/verify?from=0', auditor);
    expect(bad.status).toBe(400);
    expect((await api.call('GET', '/v1/audits/verify?limit=201&from=1', auditor)).status).toBe(400);
    const employer = await t.employer();
    expect((await api.call('GET', '/v1/audits/verify', employer.key)).status).toBe(403);
  });

  it('tells canonical JSON text by the quick path and by re-encoding alike', () => {
    const cases: unknown[] = [
      { b: 1, a: [{ d: 2, c: 'x' }] },
      { '10': 1, '9': 2 },
      { z: null, é: 'ü', A: 1.5 },
    ];
    for (const value of cases) {
      const text = canonicalJson(value);
      expect(isCanonicalJsonText(text, JSON.parse(text))).toBe(true);
      const plain = JSON.stringify(value);
      expect(isCanonicalJsonText(plain, JSON.parse(plain))).toBe(plain === text);
    }
    expect(isCanonicalJsonText('{"a": 1}', { a: 1 })).toBe(false);
  });
});
