import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_QUALITY } from '../../src/domain/explain/measured-quality.ts';
import { weightSetSchema } from '../../src/domain/matching/weights.ts';
import { QUALITY_KEY, setQualityFigures } from '../../src/services/explain/disclosure-inputs.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { jsonb } from '../../src/storage/jsonb.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { Disclosure, RecommendationList } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';

type Doc = Disclosure['document'];
interface DisclosureVersions {
  items: Array<{ versionKey: string; weightsVersion: string; scope: string }>;
}

describe.each(backends)('algorithm disclosure on $name', ({ open }) => {
  let database: Database;
  let matching: MatchingDeps;
  let api: TestApi;

  beforeAll(async () => {
    database = await open();
    matching = await testMatching(database);
    api = testApp(database, { matching });
  });
  afterAll(async () => database.close());

  it(
    'is public, in zh or en, with the weights and embedder in force, and every recommendation ' + 'links to it',
    async () => {
      await database.db.deleteFrom('service_settings').where('key', '=', QUALITY_KEY).execute();
      const zh = await api.call<Disclosure>('GET', '/v1/algorithm');
      expect(zh.status).toBe(200);
      const doc: Doc = zh.json.document;
      expect(doc.lang).toBe('zh');
      expect(zh.json.scope).toBe('public');
      expect(doc.formula.weightsVersion).toBe(matching.weights.version);
      expect(Object.fromEntries(doc.formula.components.map((c) => [c.name, c.weight]))).toEqual(
        matching.weights.weights,
      );
      expect(doc.embedder).toMatchObject({ id: matching.engine.embedder.id, kind: 'supervised', dimensions: 64 });
      expect(doc.inputsNeverUsed.map((i) => i.id)).toEqual(
        expect.arrayContaining(['gender', 'ethnicity', 'hukou', 'age', 'religion']),
      );
      // The shipped configuration's measured figures (README), since it is what this service runs.
      expect(doc.quality).toMatchObject({ source: SHIPPED_QUALITY.source, date: SHIPPED_QUALITY.date });
      expect(SHIPPED_QUALITY).toMatchObject({ weightsVersion: matching.weights.version, embedderId: doc.embedder.id });
      expect(zh.json.qualityStatus).toMatch(
        /^最新质量评测（npm run bench:quality.*title→occupation MRR \(BM25: 0\.322\) 0\.434 \[0\.423, 0\.444\]/,
      );
      expect(doc.latestAudit).toBeNull();
      const en = await api.call<Disclosure>('GET', '/v1/algorithm?lang=en');
      expect(en.json.document.lang).toBe('en');
      expect(en.json.document.version).toBe(doc.version);
      expect(en.json.qualityStatus).toMatch(/^Latest quality benchmark \(npm run bench:quality/);
      expect((await api.call('GET', '/v1/algorithm?lang=fr')).status).toBe(400);
      // Other /v1 routes still need a key; a wrong key is refused here too rather than ignored.
      expect((await api.call('GET', '/v1/graduates')).status).toBe(401);
      expect((await api.call('GET', '/v1/algorithm', 'bole_not_a_key')).status).toBe(401);

      const t = await newTenant(database);
      const g = await t.graduate({ skills: [{ name: 'Python', source: 'declared' }] });
      const list = await api.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations`, g.key);
      expect(list.json.ai.disclosureUrl).toBe('/v1/algorithm');
      expect(list.headers.get('x-ai-notice')).toContain('disclosure=/v1/algorithm');
      expect((await api.call('GET', list.json.ai.disclosureUrl)).status).toBe(200);
      const paths = Object.keys(
        (await api.call<{ paths: Record<string, unknown> }>('GET', '/openapi.json')).json.paths,
      );
      expect(paths).toEqual(
        expect.arrayContaining([
          '/v1/algorithm',
          '/v1/algorithm/versions',
          '/v1/algorithm/versions/{key}',
          '/v1/graduates/{id}/jobs/{jobId}/why-not',
        ]),
      );
    },
  );

  it('shows the latest benchmark figures once stored', async () => {
    await setQualityFigures(database, {
      source: 'bench:quality',
      date: '2026-11-20',
      figures: [
        { name: 'nDCG@10', value: 0.7123 },
        { name: 'MRR', value: 0.65 },
      ],
    });
    const res = await api.call<Disclosure>('GET', '/v1/algorithm?lang=en');
    expect(res.json.document.quality).toMatchObject({ source: 'bench:quality', date: '2026-11-20' });
    expect(res.json.qualityStatus).toBe(
      'Latest quality benchmark (bench:quality, 2026-11-20): nDCG@10 0.712; MRR 0.650.',
    );
    await database.db.deleteFrom('service_settings').where('key', '=', QUALITY_KEY).execute();
  });

  it('makes a new version when the weights change, and older versions stay readable', async () => {
    const before = (await api.call<Disclosure>('GET', '/v1/algorithm?lang=en')).json.document;
    const weights = weightSetSchema.parse({
      version: `test-${crypto.randomUUID().slice(0, 8)}`,
      weights: {
        semantic: 0.25,
        requiredSkills: 0.35,
        preferredSkills: 0.08,
        majorFit: 0.1,
        degreeFit: 0.06,
        locationFit: 0.06,
        salaryFit: 0.05,
        jobTypeFit: 0.05,
        lexical: 0,
      },
    });
    const other = testApp(database, { matching: { ...matching, weights } });
    const after = (await other.call<Disclosure>('GET', '/v1/algorithm?lang=en')).json.document;
    expect(after.version).not.toBe(before.version);
    expect(after.formula.weightsVersion).toBe(weights.version);
    expect(after.formula.text).toContain('0.35 × required-skill coverage');
    // Figures measured for another weight set are not shown for this one.
    expect(after.quality).toBeNull();
    const versions = (await other.call<DisclosureVersions>('GET', '/v1/algorithm/versions')).json.items;
    expect(versions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          versionKey: before.version,
          weightsVersion: matching.weights.version,
          scope: 'public',
        }),
        expect.objectContaining({ versionKey: after.version, weightsVersion: weights.version, scope: 'public' }),
      ]),
    );
    // Asking again changes nothing: one row per version.
    await other.call('GET', '/v1/algorithm');
    expect(
      await database.db
        .selectFrom('disclosures')
        .select('version_key')
        .where('version_key', '=', after.version)
        .execute(),
    ).toHaveLength(1);
    const old = await other.call<Disclosure>('GET', `/v1/algorithm/versions/${before.version}?lang=zh`);
    expect(old.status).toBe(200);
    expect(old.json.document).toMatchObject({
      version: before.version,
      lang: 'zh',
      formula: { weightsVersion: matching.weights.version },
    });
    expect(old.json.document.formula.components.find((c) => c.name === 'requiredSkills')?.weight).toBe(
      matching.weights.weights.requiredSkills,
    );
    expect((await other.call('GET', '/v1/algorithm/versions/disc-0000000000000000')).status).toBe(404);
    expect((await other.call('GET', '/v1/algorithm/versions/not-a-key')).status).toBe(400);
  });

  it("with a key, adds the tenant's switch, flags and latest audit, kept to that tenant", async () => {
    const t = await newTenant(database);
    const stranger = await newTenant(database);
    const g = await t.graduate();
    const plain = (await api.call<Disclosure>('GET', '/v1/algorithm', g.key)).json;
    expect(plain.scope).toBe('public');
    expect(plain.document.latestAudit).toBeNull();

    const runId = crypto.randomUUID();
    await database.db
      .insertInto('audit_runs')
      .values({
        id: runId,
        tenant_id: t.tenantId,
        source: 'impressions',
        status: 'completed',
        params: JSON.stringify({}),
        requested_by: 'test',
      })
      .execute();
    const body = {
      auditDate: '2026-11-25',
      totals: { impressions: 1200, graduates: 80, consented: 60 },
      flags: [
        { impactRatio: 0.74, adverse: true },
        { impactRatio: 0.91, adverse: false },
      ],
    };
    const reportId = crypto.randomUUID();
    await database.db
      .insertInto('audit_reports')
      .values({
        id: reportId,
        tenant_id: t.tenantId,
        run_id: runId,
        seq: 1,
        body: JSON.stringify(body),
        sha256: 'x',
        prev_sha256: null,
      })
      .execute();
    expect((await api.call('POST', '/v1/admin/ai-ranking/suspend', t.staff.admin, { reason: '审计待查' })).status).toBe(
      200,
    );
    await database.db
      .updateTable('tenants')
      .set({ settings: sql`settings || ${jsonb({ reranking: { enabled: true } })}` })
      .where('id', '=', t.tenantId)
      .execute();
    await database.db
      .insertInto('audit_alerts')
      .values({
        id: crypto.randomUUID(),
        tenant_id: t.tenantId,
        run_id: runId,
        kind: 'adverse_impact',
        grouping: 'gender',
        group_label: 'female',
        metric: 'selection',
        figures: jsonb({ impactRatio: 0.74 }),
      })
      .execute();

    const res = await api.call<Disclosure>('GET', '/v1/algorithm?lang=en', g.key);
    const doc: Doc = res.json.document;
    expect(res.json.scope).toBe('tenant');
    expect(doc.operation).toMatchObject({ aiRankingSuspended: true, rerankingOn: true, openAlert: true });
    expect(doc.operation.notes).toHaveLength(3);
    expect(doc.version).not.toBe(plain.document.version);
    expect(doc.latestAudit).toEqual({
      date: '2026-11-25',
      reportId,
      text: expect.stringContaining('2026-11-25'),
      figures: [
        { name: 'impressions', value: 1200 },
        { name: 'graduates', value: 80 },
        { name: 'consented', value: 60 },
        { name: 'flags', value: 2 },
        { name: 'adverse flags', value: 1 },
        { name: 'lowest impact ratio', value: 0.74 },
      ],
    });
    // Public readers see neither this tenant's version nor its audit.
    const publicList = (await api.call<DisclosureVersions>('GET', '/v1/algorithm/versions')).json.items.map(
      (v) => v.versionKey,
    );
    expect(publicList).not.toContain(doc.version);
    expect((await api.call('GET', `/v1/algorithm/versions/${doc.version}`)).status).toBe(404);
    expect((await api.call('GET', `/v1/algorithm/versions/${doc.version}`, stranger.staff.career_office)).status).toBe(
      404,
    );
    const own = await api.call<Disclosure>(
      'GET',
      `/v1/algorithm/versions/${doc.version}?lang=en`,
      t.staff.career_office,
    );
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({
      scope: 'tenant',
      document: { latestAudit: null, operation: { aiRankingSuspended: true } },
    });
    expect((await api.call<Disclosure>('GET', '/v1/algorithm')).json.document.latestAudit).toBeNull();
  });
});
