import { sql } from 'kysely';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraduatesInWorker } from '../../src/entry/graduate-load-thread.ts';
import type { GraduateIndex } from '../../src/domain/search/graduate-index.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';
import { MatchingEngine } from '../../src/services/matching/engine.ts';
import type { LoadReport } from '../../src/services/matching/load-meter.ts';
import type { Database } from '../../src/storage/db.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { profile } from '../support/matching.ts';

/**
 * On PostgreSQL a start loads each tenant's graduates in a worker thread while the serving thread loads the
 * postings: the index it hands back must be the one a load in the serving thread builds, the graduates it could not
 * index without the embedder (a stale derivation) are indexed after it, and the index then follows changes.
 */
describe('graduates loaded in a worker thread', () => {
  let database: Database;
  beforeAll(async () => {
    database = await postgresDatabase();
  });
  afterAll(async () => database.close());

  const view = (index: GraduateIndex) =>
    index
      .ids()
      .sort()
      .map((id) => ({ id, query: index.queryOf(id), features: index.featuresOf(id) }));

  it('builds the index a load in this thread builds, indexes what it deferred, then follows changes', async () => {
    const t = await newTenant(database);
    const majors = ['统计学', '护理学', '软件工程', '会计学', '英语'];
    const graduates = [];
    for (const [i, major] of majors.entries())
      graduates.push(
        await t.graduate(
          profile({
            name: `毕业生${i}`,
            education: [{ school: '武汉大学', degree: 'bachelor', major, graduationDate: '2026-06-30' }],
            summary: i === 3 ? '' : `${major}方向，做过${i + 1}个项目。`,
          }) as never,
        ),
      );
    const embedder = await loadSupervisedEmbedder();
    // The first load here derives and embeds every graduate and stores both.
    const here = new MatchingEngine(embedder);
    const built = await here.graduates(database, t.tenantId);
    expect(built.size).toBe(majors.length);

    const reports: LoadReport[] = [];
    const errors: unknown[] = [];
    const threaded = () =>
      new MatchingEngine(embedder, {
        onLoad: (r) => reports.push(r),
        loadGraduatesElsewhere: loadGraduatesInWorker(inject('pgUrl'), embedder, (e) => errors.push(e)),
      });
    const there = await threaded().graduates(database, t.tenantId);
    expect(errors).toEqual([]);
    expect(reports.find((r) => r.side === 'graduates')?.thread).toBe('worker');
    expect(there.snapshot()).toEqual((await new MatchingEngine(embedder).graduates(database, t.tenantId)).snapshot());

    // A derivation whose inputs' hash no longer matches: the thread leaves that graduate to this one.
    const stale = graduates[1]?.id ?? '';
    await sql`update index_derivations set content_hash = 'stale' where entity_id = ${stale}::uuid`.execute(
      database.db,
    );
    const engine = threaded();
    const again = await engine.graduates(database, t.tenantId);
    expect(view(again)).toEqual(view(built));
    const stored = await sql<{ content_hash: string }>`select content_hash from index_derivations
      where entity_id = ${stale}::uuid`.execute(database.db);
    expect(stored.rows[0]?.content_hash).not.toBe('stale');

    // The trigger-versioned sync goes on from the worker's change mark.
    await sql`update graduates set summary = '护理学，ICU 实习。' where id = ${graduates[0]?.id ?? ''}::uuid`.execute(
      database.db,
    );
    const followed = await engine.graduates(database, t.tenantId);
    expect(followed.queryOf(graduates[0]?.id ?? '')).toEqual(
      (await new MatchingEngine(embedder).graduates(database, t.tenantId)).queryOf(graduates[0]?.id ?? ''),
    );
    expect(followed.queryOf(graduates[0]?.id ?? '')).not.toEqual(built.queryOf(graduates[0]?.id ?? ''));
    expect(errors).toEqual([]);
    expect(reports.filter((r) => r.side === 'graduates').map((r) => r.thread)).toEqual(['worker', 'worker']);
  });
});
