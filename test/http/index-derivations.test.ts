import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzerId, decodePostingDerivation } from '../../src/domain/search/derived.ts';
import { inThreadCompute } from '../../src/services/matching/index-compute.ts';
import { precompute } from '../../src/services/matching/precompute.ts';
import { deleteSupersededDerivations } from '../../src/storage/index-derivations.repo.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { backends } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { postJobs, profile, testMatching } from '../support/matching.ts';

interface Stored {
  entity_type: string;
  entity_id: string;
  content_hash: string;
  derived: string;
}

describe.each(backends)('stored index derivations on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => database.close());

  const stored = async (ids: string[]): Promise<Stored[]> =>
    (
      await sql<Stored>`select entity_type, entity_id::text, content_hash, derived from index_derivations
        where entity_id in (${sql.join(ids)}) and analyzer = ${analyzerId(getTaxonomy())}
        order by entity_type`.execute(database.db)
    ).rows;

  it('a start reads them, not analysing again; an edit derives again; erasure deletes them', async () => {
    const t = await newTenant(database);
    const employer = await t.employer();
    const api = testApp(database, { matching: await testMatching(database) });
    const { job: postingId = '' } = await postJobs(api.call, employer.key, { job: {} });
    const g = await t.graduate(profile() as never);
    expect((await api.call('GET', `/v1/jobs/${postingId}/candidates`, t.staff.career_office)).status).toBe(200);
    const first = await stored([postingId, g.id]);
    expect(first.map((r) => r.entity_type)).toEqual(['graduate', 'posting']);

    // Stored terms under the same content hash: a new engine (a restart) must read these, not recompute.
    const graduateRow = first[0] as Stored;
    const tampered = JSON.parse(graduateRow.derived) as { queryTerms: string[] };
    tampered.queryTerms = ['zzstoredterm'];
    await sql`update index_derivations set derived = ${JSON.stringify(tampered)}
      where entity_id = ${g.id}`.execute(database.db);
    const restarted = await testMatching(database);
    const index = await restarted.engine.graduates(database, t.tenantId);
    expect(index.queryOf(g.id)).toEqual(['zzstoredterm']);
    const postings = await restarted.engine.postings(database, t.tenantId);
    expect(postings.lexical.documentSide(postingId)?.parts.size).toBeGreaterThan(0);

    // An edit changes the inputs' hash: the next start derives (and stores) the profile's terms again.
    const edited = await api.call('PATCH', `/v1/graduates/${g.id}`, t.staff.career_office, { summary: '护理学' });
    expect(edited.status).toBe(200);
    const again = await (await testMatching(database)).engine.graduates(database, t.tenantId);
    expect(again.queryOf(g.id)).not.toContain('zzstoredterm');
    const rederived = (await stored([g.id]))[0];
    expect(rederived?.content_hash).not.toBe(graduateRow.content_hash);
    expect(rederived?.derived).not.toContain('zzstoredterm');

    // The profile's terms are personal data: erasing the graduate deletes them with the vectors.
    expect((await api.call('DELETE', `/v1/graduates/${g.id}`, g.key)).status).toBe(204);
    expect((await stored([postingId, g.id])).map((r) => r.entity_type)).toEqual(['posting']);
  });

  it('reads rows an a1 analyzer stored (the same analysis, an older form); npm run embed rewrites them', async () => {
    const t = await newTenant(database);
    const employer = await t.employer();
    const matching = await testMatching(database);
    const api = testApp(database, { matching });
    const { job: postingId = '' } = await postJobs(api.call, employer.key, { job: {} });
    expect((await api.call('GET', `/v1/jobs/${postingId}/candidates`, t.staff.career_office)).status).toBe(200);
    const [row] = await stored([postingId]);
    const current = decodePostingDerivation(row?.derived ?? '');
    // Only an a1 row left, in a1's form (an array per term), with a term of its own to tell it was read.
    const a1 = JSON.stringify({ ...current, lexical: { lengths: [1, 0, 0], terms: [['zzlegacy', 1, 0, 0]] } });
    await sql`update index_derivations set analyzer = ${analyzerId(getTaxonomy(), 'a1')}, derived = ${a1}
      where entity_id = ${postingId}`.execute(database.db);
    const restarted = await testMatching(database);
    const postings = await restarted.engine.postings(database, t.tenantId);
    expect([...(postings.lexical.documentSide(postingId)?.parts.keys() ?? [])]).toEqual(['zzlegacy']);
    expect(await stored([postingId])).toEqual([]);

    await precompute(database, matching.engine.embedder, inThreadCompute(matching.engine.embedder), {
      tenantId: t.tenantId,
    });
    const [rewritten] = await stored([postingId]);
    expect(rewritten?.content_hash).toBe(row?.content_hash);
    expect(decodePostingDerivation(rewritten?.derived ?? '').lexical).toEqual({
      lengths: [1, 0, 0],
      terms: ['zzlegacy'],
      tf: [1, 0, 0],
    });
  });

  it('embed --prune deletes rows of older analyzer ids, of its tenant only, and keeps the current ones', async () => {
    const older = analyzerId(getTaxonomy(), 'a0');
    const current = analyzerId(getTaxonomy());
    const rowsOf = async (ids: string[]) =>
      (
        await sql<{ entity_id: string; analyzer: string }>`select entity_id::text, analyzer from index_derivations
          where entity_id in (${sql.join(ids)}) order by entity_id, analyzer`.execute(database.db)
      ).rows.map((r) => `${r.entity_id} ${r.analyzer}`);
    const postingOf = async () => {
      const t = await newTenant(database);
      const matching = await testMatching(database);
      const api = testApp(database, { matching });
      const { job: postingId = '' } = await postJobs(api.call, (await t.employer()).key, { job: {} });
      expect((await api.call('GET', `/v1/jobs/${postingId}/candidates`, t.staff.career_office)).status).toBe(200);
      // A superseded row beside the current one, as an earlier release left it.
      await sql`insert into index_derivations (entity_type, entity_id, tenant_id, analyzer, content_hash, derived,
          updated_at) select entity_type, entity_id, tenant_id, ${older}, content_hash, derived, updated_at
        from index_derivations where entity_id = ${postingId} and analyzer = ${current}`.execute(database.db);
      return { tenantId: t.tenantId, postingId };
    };
    const one = await postingOf();
    const other = await postingOf();
    const ids = [one.postingId, other.postingId];
    expect(await rowsOf(ids)).toHaveLength(4);

    expect(await deleteSupersededDerivations(database.db, current, one.tenantId)).toBe(1);
    expect(await rowsOf(ids)).toEqual(
      [`${one.postingId} ${current}`, `${other.postingId} ${current}`, `${other.postingId} ${older}`].sort(),
    );
    // The current rows are kept: a start still finds the posting.
    const restarted = await testMatching(database);
    expect((await restarted.engine.postings(database, one.tenantId)).lexical.documentSide(one.postingId)).toBeDefined();
  });
});
