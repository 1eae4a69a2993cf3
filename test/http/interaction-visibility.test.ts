import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { CandidateList, Problem, RecommendationList } from '../support/bodies.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { job, profile, testMatching } from '../support/matching.ts';

/**
 * An interaction recorded about a graduate must refer to something the recording key may see: fuzzing found an
 * employer recording an offer for a graduate of the tenant it was never shown. The link is a candidate list of
 * the posting that showed the graduate, the graduate's application to it, or (for the career office) the posting
 * in the graduate's own recommendations.
 */
describe('interactions refer to an impression or application the caller may see', () => {
  let database: Database;
  let api: TestApi;

  beforeAll(async () => {
    database = await postgresDatabase();
    api = testApp(database, { matching: await testMatching(database) });
  });
  afterAll(async () => database.close());

  const fieldOf = (res: { status: number; json: Problem }) => [res.status, res.json.errors?.[0]?.path];

  it('refuses an offer for a graduate never shown or applied, and accepts one once they were', async () => {
    const t = await newTenant(database);
    const employer = await t.employer();
    const rival = await t.employer();
    const postingId = (await api.call<{ id: string }>('POST', '/v1/jobs', employer.key, job())).json.id;
    const shown = await t.graduate({ ...profile(), visibility: 'employers' } as never);
    await database.db
      .insertInto('consents')
      .values({
        id: crypto.randomUUID(),
        tenant_id: t.tenantId,
        graduate_id: shown.id,
        purpose: 'profile_visible_to_employers',
        granted: true,
        text_version: 'v1',
        actor: 'test',
      })
      .execute();
    const applicant = await t.graduate(profile() as never);
    const record = (key: string, body: Record<string, unknown>) =>
      api.call<Problem>('POST', '/v1/interactions', key, { type: 'offer', postingId, ...body });

    // Nothing links either graduate to the posting yet: neither the employer nor the career office may record.
    expect(fieldOf(await record(employer.key, { graduateId: shown.id }))).toEqual([400, 'body.graduateId']);
    expect(fieldOf(await record(t.staff.career_office, { graduateId: shown.id }))).toEqual([400, 'body.graduateId']);

    // The posting shown in the graduate's own recommendations: the career office sees that, the employer does not,
    // not even when it names the impression.
    const recs = await api.call<RecommendationList>('GET', `/v1/graduates/${shown.id}/recommendations`, shown.key);
    const rec = recs.json.items.find((i) => i.posting.id === postingId);
    if (!rec) throw new Error('expected the posting among the recommendations');
    expect(fieldOf(await record(employer.key, { graduateId: shown.id }))).toEqual([400, 'body.graduateId']);
    const viaRec = await record(employer.key, { graduateId: shown.id, impressionId: rec.impressionId });
    expect(fieldOf(viaRec)).toEqual([400, 'body.graduateId']);
    expect((await record(t.staff.career_office, { graduateId: shown.id, type: 'interview' })).status).toBe(201);

    // The employer's own candidate list showed the graduate: now it may record, with or without the impression.
    const list = await api.call<CandidateList>('GET', `/v1/jobs/${postingId}/candidates`, employer.key);
    const candidate = list.json.items.find((i) => i.graduate.id === shown.id);
    if (!candidate) throw new Error('expected the graduate among the candidates');
    expect((await record(employer.key, { graduateId: shown.id, type: 'interview' })).status).toBe(201);
    expect((await record(employer.key, { graduateId: shown.id, impressionId: candidate.impressionId })).status).toBe(
      201,
    );
    // Another employer's key never reaches this posting.
    expect(fieldOf(await record(rival.key, { graduateId: shown.id }))).toEqual([400, 'body.postingId']);

    // A graduate who applied is visible to the posting's employer through the application.
    expect(fieldOf(await record(employer.key, { graduateId: applicant.id }))).toEqual([400, 'body.graduateId']);
    const applied = await api.call('POST', `/v1/graduates/${applicant.id}/applications`, applicant.key, { postingId });
    expect(applied.status).toBe(201);
    expect((await record(employer.key, { graduateId: applicant.id, type: 'interview' })).status).toBe(201);
  });
});
