import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import { runFairAssignmentJob } from '../../src/services/job-fairs/run.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import {
  present,
  type Booth,
  type Created,
  type FairCancellation,
  type FairRegistration,
  type FairRun,
  type FairSchedule,
  type JobFair,
  type Problem,
  type ValidationProblem,
} from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { postJobs, profile } from '../support/matching.ts';

const FAIR = {
  name: '2027届秋季双选会 <b>',
  date: '2026-12-20',
  venue: '体育馆',
  slotMinutes: 30,
  start: '09:00',
  end: '11:30',
  breaks: [{ from: '10:00', to: '10:30' }],
  maxInterviewsPerGraduate: 2,
  maxRankings: 2,
};
const jobCtx = { jobId: 'test', attempt: 1, finalAttempt: true, progress: async () => {} };

describe.each(backends)('job fairs API on $name', ({ open }) => {
  let database: Database;
  let matching: MatchingDeps;
  let api: TestApi;
  let t: TestTenant;
  let employers: { id: string; key: string }[];
  const postings: Record<string, string> = {};

  beforeAll(async () => {
    ({ database, api, t, matching } = await openHttpTest(open, { matching: true }));
    employers = [await t.employer({ name: '楚天数据' }), await t.employer({ name: '<script>x</script>护理' })];
    Object.assign(postings, await postJobs(api.call, employers[0]?.key ?? '', { analyst: {} }));
    Object.assign(
      postings,
      await postJobs(api.call, employers[1]?.key ?? '', {
        nurse: {
          title: '护士',
          description: '负责病房护理工作。',
          requiredSkills: ['护理', '急救'],
          acceptedMajors: ['护理学'],
          preferredSkills: [],
        },
      }),
    );
  });
  afterAll(async () => database.close());

  const createFair = async <T = JobFair>(over: Record<string, unknown> = {}) =>
    api.call<T>('POST', '/v1/job-fairs', t.staff.career_office, { ...FAIR, ...over });
  const graduate = async (over: Record<string, unknown> = {}) => {
    const res = await api.call<Created>('POST', '/v1/graduates', t.staff.career_office, profile(over));
    expect(res.status).toBe(201);
    return { id: res.json.id as string, key: await t.key('graduate', { graduateId: res.json.id }) };
  };
  const run = async (fairId: string, body: Record<string, unknown>) => {
    const queued = await api.call<FairRun>('POST', `/v1/job-fairs/${fairId}/assignments`, t.staff.career_office, body);
    expect(queued.status).toBe(202);
    expect(queued.json).toMatchObject({ status: 'queued', progress: 0 });
    await runFairAssignmentJob(
      systemContext({ database, clock: systemClock, logger: silentLogger }),
      { runId: queued.json.id, tenantId: t.tenantId },
      jobCtx,
      async () => matching,
    );
    const done = await api.call<FairRun>(
      'GET',
      `/v1/job-fairs/${fairId}/assignments/${queued.json.id}`,
      t.staff.career_office,
    );
    expect(done.json.status).toBe('completed');
    return {
      ...done.json,
      summary: present(done.json.summary, 'summary'),
      fairness: present(done.json.fairness, 'fairness'),
    };
  };

  it('rejects bad input with a problem naming the field', async () => {
    const outside = await createFair<ValidationProblem>({ breaks: [{ from: '08:00', to: '08:30' }] });
    expect(outside.status).toBe(400);
    expect(outside.headers.get('content-type')).toMatch(/problem\+json/);
    expect(outside.json.errors.map((e: { path: string }) => e.path)).toContain('body.breaks.0.from');
    expect((await createFair<ValidationProblem>({ maxInterviewsPerGraduate: 9 })).json.errors[0].path).toBe(
      'body.maxInterviewsPerGraduate',
    );
    expect((await api.call<JobFair>('POST', '/v1/job-fairs', (await graduate()).key, FAIR)).status).toBe(403);
    const fair = (await createFair()).json;
    expect(fair.slots).toEqual([
      { start: '09:00', end: '09:30' },
      { start: '09:30', end: '10:00' },
      { start: '10:30', end: '11:00' },
      { start: '11:00', end: '11:30' },
    ]);
    const booth = <T = Booth>(body: Record<string, unknown>) =>
      api.call<T>('POST', `/v1/job-fairs/${fair.id}/booths`, employers[0]?.key, {
        postingIds: [postings.analyst],
        room: 'A厅',
        table: 'A-1',
        interviewers: 1,
        ...body,
      });
    const negative = await booth<ValidationProblem>({ capacity: -1 });
    expect(negative.status).toBe(400);
    expect(negative.json.errors[0].path).toBe('body.capacity');
    const over = await booth<ValidationProblem>({ capacity: 5 });
    expect(over.status).toBe(422);
    expect(over.json.errors[0].path).toBe('body.capacity');
    expect((await booth<ValidationProblem>({ postingIds: [postings.nurse] })).json.errors[0].path).toBe(
      'body.postingIds.0',
    );
    const g = await graduate();
    const unknown = await api.call<ValidationProblem>('POST', `/v1/job-fairs/${fair.id}/registrations`, g.key, {
      rankings: [crypto.randomUUID()],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0].path).toBe('body.rankings.0');
    const cancel = await api.call<ValidationProblem>(
      'POST',
      `/v1/job-fairs/${fair.id}/cancellations`,
      t.staff.career_office,
      { boothId: crypto.randomUUID() },
    );
    expect(cancel.status).toBe(422);
    expect(cancel.json.errors[0].path).toBe('body.boothId');
    const other = await newTenant(database);
    expect((await api.call('GET', `/v1/job-fairs/${fair.id}`, other.staff.career_office)).status).toBe(404);
    expect(
      (await api.call<FairRun>('POST', `/v1/job-fairs/${fair.id}/assignments`, other.staff.career_office, {})).status,
    ).toBe(404);
  });

  it('plans, explains, publishes, shows each role its own part, and repairs a cancellation locally', async () => {
    const fair = (await createFair()).json;
    const [e0, e1] = employers;
    if (!e0 || !e1) throw new Error('employers');
    const analyst = (
      await api.call<Booth>('POST', `/v1/job-fairs/${fair.id}/booths`, e0.key, {
        postingIds: [postings.analyst],
        room: 'A厅',
        table: 'A-1',
        interviewers: 1,
        capacity: 2,
      })
    ).json;
    const nurse = (
      await api.call<Booth>('POST', `/v1/job-fairs/${fair.id}/booths`, t.staff.career_office, {
        employerId: e1.id,
        postingIds: [postings.nurse],
        room: 'B厅',
        table: 'B-7',
        interviewers: 1,
      })
    ).json;
    expect(analyst.capacity).toBe(2);
    expect(nurse.capacity).toBe(4);
    const strong = await graduate({ name: '张伟' });
    const weak = await graduate({ name: '李娜', skills: [{ name: 'Excel' }], summary: '会用 Excel。' });
    const nurseGrad = await graduate({
      name: '王芳',
      education: [{ school: '武汉大学', degree: 'bachelor', major: '护理学', graduationDate: '2026-06-30' }],
      skills: [{ name: '护理' }, { name: '急救' }],
      summary: '护理专业。',
    });
    const third = await graduate({ name: '赵强', skills: [{ name: 'Python' }] });
    for (const g of [strong, weak, third]) {
      expect(
        (
          await api.call<FairRegistration>('POST', `/v1/job-fairs/${fair.id}/registrations`, g.key, {
            rankings: [analyst.id],
          })
        ).status,
      ).toBe(201);
    }
    expect(
      (
        await api.call<FairRegistration>('POST', `/v1/job-fairs/${fair.id}/registrations`, t.staff.career_office, {
          graduateId: nurseGrad.id,
          rankings: [nurse.id],
        })
      ).status,
    ).toBe(201);

    const plan = await run(fair.id, { mode: 'optimal' });
    expect(plan.summary).toMatchObject({ mode: 'optimal', graduates: 4, booths: 2, slots: 4 });
    expect(plan.summary.interviews).toBeLessThanOrEqual(2 * 2 + 4);
    expect(present(plan.summary.solver, 'solver').rounds).toBeGreaterThanOrEqual(1);
    expect(plan.fairness.map((f: { attribute: string }) => f.attribute)).toEqual(['regionOfOrigin', 'hukouType']);
    const stable = await run(fair.id, { mode: 'stable' });
    expect(stable.summary.blockingPairs).toBe(0);

    expect((await api.call<FairSchedule>('GET', `/v1/job-fairs/${fair.id}/schedule`, strong.key)).status).toBe(404);
    const published = await api.call<FairRun>(
      'POST',
      `/v1/job-fairs/${fair.id}/assignments/${plan.id}/publish`,
      t.staff.career_office,
    );
    expect(published.status).toBe(200);
    const staffView = (
      await api.call<FairSchedule>('GET', `/v1/job-fairs/${fair.id}/schedule?view=booth`, t.staff.career_office)
    ).json;
    const items: {
      graduateId: string;
      boothId: string;
      start: string;
      interviewer: number;
      rank: number | null;
      why: { zh: string; en: string };
      components: unknown[];
    }[] = staffView.items;
    expect(items).toHaveLength(plan.summary.interviews);
    const analystGraduates = items.filter((i) => i.boothId === analyst.id).map((i) => i.graduateId);
    expect(analystGraduates).toHaveLength(2);
    expect(analystGraduates).not.toContain(weak.id);
    const seen = new Set<string>();
    for (const i of items) {
      expect(i.why.zh).toContain('匹配分');
      expect(i.components.length).toBeGreaterThan(0);
      for (const key of [`${i.graduateId}@${i.start}`, `${i.boothId}.${i.interviewer}@${i.start}`]) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    const mine = (await api.call<FairSchedule>('GET', `/v1/job-fairs/${fair.id}/schedule`, weak.key)).json;
    expect(mine.items.every((i: { graduateId: string }) => i.graduateId === weak.id)).toBe(true);
    expect(mine.missed).toHaveLength(1);
    expect(mine.missed[0]).toMatchObject({ boothId: analyst.id, rank: 1, reason: 'higher_scored' });
    expect(present(mine.missed[0], 'a missed interview').why.en).toMatch(/higher match scores/);
    const employerView = (await api.call<FairSchedule>('GET', `/v1/job-fairs/${fair.id}/schedule?view=booth`, e1.key))
      .json;
    expect(employerView.items.every((i: { boothId: string }) => i.boothId === nurse.id)).toBe(true);
    expect(
      (await api.call<{ items: Booth[] }>('GET', `/v1/job-fairs/${fair.id}/booths`, e1.key)).json.items.map(
        (b: { id: string }) => b.id,
      ),
    ).toEqual([nurse.id]);

    const csv = await api.call<FairSchedule>(
      'GET',
      `/v1/job-fairs/${fair.id}/schedule?view=room&format=csv`,
      t.staff.career_office,
    );
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'graduateName,employerName,room,table,interviewer,start,end,score,rank,graduateId,boothId',
    );
    const html = await api.call<FairSchedule>(
      'GET',
      `/v1/job-fairs/${fair.id}/schedule?view=booth&format=html`,
      t.staff.career_office,
    );
    expect(html.text).toContain('&lt;script&gt;x&lt;/script&gt;护理');
    expect(html.text).not.toContain('<script>');
    expect(html.text).toContain('2027届秋季双选会 &lt;b&gt;');

    const winner = analystGraduates[0] ?? '';
    const cancelled = await api.call<FairCancellation>(
      'POST',
      `/v1/job-fairs/${fair.id}/cancellations`,
      t.staff.career_office,
      { graduateId: winner },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.revision).toBe(1);
    const removed = cancelled.json.changes.filter((c: { change: string }) => c.change === 'removed');
    const added = cancelled.json.changes.filter((c: { change: string }) => c.change === 'added');
    expect(removed.every((c: { graduateId: string }) => c.graduateId === winner)).toBe(true);
    expect(added.map((c: { graduateId: string; boothId: string }) => [c.graduateId, c.boothId])).toContainEqual([
      weak.id,
      analyst.id,
    ]);
    const after = (
      await api.call<FairSchedule>('GET', `/v1/job-fairs/${fair.id}/schedule?view=booth`, t.staff.career_office)
    ).json;
    const untouched = (list: typeof items) =>
      list
        .filter((i) => i.graduateId !== winner && i.graduateId !== weak.id)
        .map((i) => `${i.graduateId}${i.boothId}${i.start}`)
        .sort();
    expect(untouched(after.items)).toEqual(untouched(items));
    expect(after.revision).toBe(1);
    const mineAfter = (await api.call<FairSchedule>('GET', `/v1/job-fairs/${fair.id}/schedule`, weak.key)).json;
    expect(mineAfter.items.map((i: { boothId: string }) => i.boothId)).toContain(analyst.id);
    expect(mineAfter.missed).toEqual([]);

    // Erasing two graduates the published plan and its change name: their registrations go, the plan and the
    // change keep their counts under pseudonyms, and no job-fair row holds their ids any more.
    const erased = [winner, weak.id];
    const registered = async () =>
      (
        await database.db
          .selectFrom('job_fair_registrations')
          .select('graduate_id')
          .where('fair_id', '=', fair.id)
          .execute()
      )
        .map((r) => r.graduate_id)
        .sort();
    const stillRegistered = (await registered()).filter((id) => !erased.includes(id));
    expect(stillRegistered).toHaveLength(2);
    for (const id of erased)
      expect((await api.call('DELETE', `/v1/graduates/${id}`, t.staff.career_office)).status).toBe(204);
    expect(await registered()).toEqual(stillRegistered);
    const fairRows = await sql<{ row: string }>`select r::text as row from job_fair_runs r where r.fair_id =
      ${fair.id}
      union all select c::text from job_fair_changes c join job_fair_runs r on r.id = c.run_id where r.fair_id
      = ${fair.id}`.execute(database.db);
    expect(fairRows.rows.length).toBeGreaterThanOrEqual(3);
    for (const id of erased) expect(fairRows.rows.filter((r) => r.row.includes(id))).toEqual([]);
    const kept = (
      await api.call<FairSchedule>('GET', `/v1/job-fairs/${fair.id}/schedule?view=booth`, t.staff.career_office)
    ).json;
    expect(kept.items).toHaveLength(after.items.length);
    expect(kept.items.filter((i: { graduateName: string }) => i.graduateName === '(erased)')).toHaveLength(
      after.items.filter((i: { graduateId: string }) => erased.includes(i.graduateId)).length,
    );
    expect(kept.revision).toBe(1);
  });

  it('makes no plan while AI ranking is suspended for the tenant', async () => {
    const own = await newTenant(database);
    const fair = (await api.call<JobFair>('POST', '/v1/job-fairs', own.staff.career_office, FAIR)).json;
    const e = await own.employer();
    const { analyst } = await postJobs(api.call, e.key, { analyst: {} });
    expect(
      (
        await api.call<Booth>('POST', `/v1/job-fairs/${fair.id}/booths`, e.key, {
          postingIds: [analyst],
          room: 'A',
          table: '1',
          interviewers: 1,
        })
      ).status,
    ).toBe(201);
    expect(
      (await api.call('POST', '/v1/admin/ai-ranking/suspend', own.staff.admin, { reason: '审计待查' })).status,
    ).toBe(200);
    const refused = await api.call<Problem>(
      'POST',
      `/v1/job-fairs/${fair.id}/assignments`,
      own.staff.career_office,
      {},
    );
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toMatch(/suspended/);
  });

  it('applies a floor for a consented group and reports interview rates by group', async () => {
    const fair = (await createFair({ maxInterviewsPerGraduate: 1 })).json;
    const booth = (
      await api.call<Booth>('POST', `/v1/job-fairs/${fair.id}/booths`, employers[0]?.key, {
        postingIds: [postings.analyst],
        room: 'A',
        table: '1',
        interviewers: 1,
        capacity: 2,
      })
    ).json;
    const people: string[] = [];
    for (let i = 0; i < 4; i++) {
      // The two western graduates have the weaker profiles: only the floor gets them both interviews.
      const g = await graduate(i < 2 ? { skills: [{ name: 'Excel' }], summary: '会用 Excel。' } : {});
      expect(
        (
          await api.call('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, {
            textVersion: 'fairness_audit/2026-11',
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await api.call('PUT', `/v1/graduates/${g.id}/demographics`, g.key, {
            regionOfOrigin: i < 2 ? 'west' : 'east',
          })
        ).status,
      ).toBe(200);
      people.push(g.id);
    }
    for (const id of people)
      expect(
        (
          await api.call<FairRegistration>('POST', `/v1/job-fairs/${fair.id}/registrations`, t.staff.career_office, {
            graduateId: id,
          })
        ).status,
      ).toBe(201);
    const plan = await run(fair.id, {
      floors: [{ attribute: 'regionOfOrigin', groups: ['west'], minShare: 1 }],
      minGroupSize: 2,
    });
    expect(plan.summary.floors).toEqual([
      { attribute: 'regionOfOrigin', groups: ['west'], minShare: 1, minimum: 2, achieved: 2 },
    ]);
    const region = present(
      plan.fairness.find((f: { attribute: string }) => f.attribute === 'regionOfOrigin'),
      'regionOfOrigin rates',
    );
    expect(region.groups).toEqual([
      { group: 'east', n: 2, selected: 0, rate: 0, impactRatio: 0, flagged: true, slotShare: 0 },
      { group: 'west', n: 2, selected: 2, rate: 1, impactRatio: 1, flagged: false, slotShare: 1 },
    ]);
    const bad = await api.call<ValidationProblem>(
      'POST',
      `/v1/job-fairs/${fair.id}/assignments`,
      t.staff.career_office,
      { floors: [{ attribute: 'regionOfOrigin', groups: ['mars'], minShare: 0.2 }] },
    );
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('body.floors.0.groups.0');
    expect(booth.capacity).toBe(2);
  });
});
