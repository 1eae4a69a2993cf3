import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/weights.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import { ensureLsaEmbedder } from '../../src/services/matching/embedder-store.ts';
import { MatchingEngine } from '../../src/services/matching/engine.ts';
import { directImpressionSink } from '../../src/services/matching/impression-log.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import type { RecommendationList } from '../support/bodies.ts';
import { pgliteDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';

/** VECTOR_SEARCH=pgvector on PGlite (the embedded default has pgvector; Debian's PostgreSQL 15 here has not). */
describe('pgvector serving mode (PGlite)', () => {
  let database: Database;
  let memory: MatchingDeps;
  let pgvector: MatchingDeps;

  beforeAll(async () => {
    database = await pgliteDatabase();
    const embedder = await ensureLsaEmbedder(database, { dimensions: 256, seed: 11, minCorpus: 400 });
    const engine = new MatchingEngine(embedder);
    memory = { engine, impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };
    pgvector = { ...memory, vectorSearch: 'pgvector' };
  });
  afterAll(async () => database.close());

  it('stores vectors in the pgvector column and ranks a small tenant as the in-memory index does', async () => {
    expect(database.hasVector).toBe(true);
    const t = await newTenant(database);
    const emp = await t.employer();
    const mem = testApp(database, { matching: memory });
    const specs = [
      ['数据分析师', ['SQL', 'Python'], '武汉'],
      ['Data engineer', ['Python', 'Spark'], 'Shanghai'],
      ['会计', ['Excel', '财务报表分析'], '武汉'],
      ['前端工程师', ['React', 'TypeScript'], '杭州'],
      ['护士', ['护理'], '成都'],
      ['Marketing specialist', ['SEO', 'Excel'], '武汉'],
    ] as const;
    for (const [title, skills, city] of specs) {
      const res = await mem.call('POST', '/v1/jobs', emp.key, {
        title,
        description: `${title}：${skills.join('、')}`,
        requiredSkills: skills,
        locations: [city],
        status: 'open',
        minDegree: 'bachelor',
      });
      expect(res.status).toBe(201);
    }
    const g = await t.graduate({
      skills: [
        { name: 'Python', source: 'declared' },
        { name: 'SQL', source: 'declared' },
      ],
      summary: '熟悉数据分析',
      education: [{ school: 'X', degree: 'bachelor', major: '统计学', graduationDate: '2026-06-30' }],
    });
    const pg = testApp(database, { matching: pgvector });
    for (const q of ['limit=10', `limit=10&location=${encodeURIComponent('Wuhan')}`]) {
      const a = (await mem.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations?${q}`, g.key)).json
        .items;
      const b = (await pg.call<RecommendationList>('GET', `/v1/graduates/${g.id}/recommendations?${q}`, g.key)).json
        .items;
      expect(b.map((i) => i.posting.id)).toEqual(a.map((i) => i.posting.id));
      b.forEach((item, i) => expect(item.match?.score).toBeCloseTo(a[i]?.match?.score ?? Number.NaN, 5));
    }
    const stored = await database.db
      .selectFrom('embeddings')
      .select(['dims'])
      .where('entity_type', '=', 'posting')
      .where('tenant_id', '=', t.tenantId)
      .where('embedding', 'is not', null)
      .execute();
    expect(stored).toHaveLength(specs.length);
  });
});
