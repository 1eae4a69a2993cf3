import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import type { ConsentOverview } from '../../src/domain/model/consent.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import type { Problem } from '../support/bodies.ts';
import { backends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';

const FA = 'fairness_audit/2026-11';
interface ConsentText {
  purpose: string;
  zh: string;
  en: string;
}
type Withdrawal = ConsentOverview & { demographicsErased: boolean };

const demo = { gender: 'female', hukouType: 'rural', regionOfOrigin: 'west', birthYear: 2003 };

describe.each(backends)('consent and demographics on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(open));
  });
  afterAll(async () => database.close());

  it('serves every consent text in zh and en, marking the current version', async () => {
    const g = await t.graduate();
    const res = await api.call<{ items: ConsentText[] }>('GET', '/v1/consent-texts', g.key);
    expect(res.status).toBe(200);
    const fa = res.json.items.find((i) => i.purpose === 'fairness_audit');
    expect(fa).toMatchObject({ version: FA, current: true, sensitive: true });
    expect(fa?.zh).toMatch(/公平性审计/);
    expect(fa?.en).toMatch(/fairness audits/);
    expect(res.json.items.map((i) => i.purpose).sort()).toEqual(['fairness_audit', 'profile_visible_to_employers']);
  });

  it('records grants and withdrawals with actor and text version; the history is append-only', async () => {
    const g = await t.graduate();
    const granted = await api.call<ConsentOverview>('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, {
      textVersion: FA,
    });
    expect(granted.status).toBe(201);
    expect(granted.json.purposes).toContainEqual(
      expect.objectContaining({ purpose: 'fairness_audit', granted: true, textVersion: FA }),
    );
    const again = await api.call<ConsentOverview>('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, {
      textVersion: FA,
    });
    expect(again.status).toBe(200);
    expect(again.json.history).toHaveLength(1);

    const withdrawn = await api.call<Withdrawal>('DELETE', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.purposes).toContainEqual(
      expect.objectContaining({ purpose: 'fairness_audit', granted: false }),
    );
    const history = withdrawn.json.history;
    expect(history.map((h) => h.granted)).toEqual([true, false]);
    expect(history[1]).toMatchObject({ purpose: 'fairness_audit', textVersion: FA, actorRole: 'graduate' });
    expect(history[1]?.actorKeyId).toMatch(/^[0-9a-f-]{36}$/);

    // The career office reads the state and the history, but cannot act for the graduate.
    const asStaff = await api.call<ConsentOverview>('GET', `/v1/graduates/${g.id}/consents`, t.staff.career_office);
    expect(asStaff.status).toBe(200);
    expect(asStaff.json.history).toHaveLength(2);
    expect(
      (
        await api.call('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, t.staff.career_office, {
          textVersion: FA,
        })
      ).status,
    ).toBe(403);
    expect((await api.call('DELETE', `/v1/graduates/${g.id}/consents/fairness_audit`, t.staff.admin)).status).toBe(403);

    await expect(
      sql`update consents set granted = true where graduate_id = ${g.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('names the failing field for unknown purposes, versions and extra keys', async () => {
    const g = await t.graduate();
    const purpose = await api.call<Problem>('POST', `/v1/graduates/${g.id}/consents/marketing`, g.key, {
      textVersion: FA,
    });
    expect(purpose.status).toBe(400);
    expect(purpose.json.errors?.[0]?.path).toBe('path.purpose');
    const version = await api.call<Problem>('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, {
      textVersion: 'fairness_audit/1999',
    });
    expect(version.status).toBe(400);
    expect(version.json.errors?.[0]?.path).toBe('body.textVersion');
    const wrongPurpose = await api.call<Problem>(
      'POST',
      `/v1/graduates/${g.id}/consents/profile_visible_to_employers`,
      g.key,
      { textVersion: FA },
    );
    expect(wrongPurpose.json.errors?.[0]?.path).toBe('body.textVersion');
    const missing = await api.call<Problem>('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, {});
    expect(missing.json.errors?.[0]?.path).toBe('body.textVersion');
    const extra = await api.call('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, {
      textVersion: FA,
      granted: false,
    });
    expect(extra.status).toBe(400);
    expect(extra.headers.get('content-type')).toBe('application/problem+json');
    expect((await api.call<ConsentOverview>('GET', `/v1/graduates/${g.id}/consents`, g.key)).json.history).toHaveLength(
      0,
    );
  });

  it('stores demographics only while fairness_audit consent is held and erases them on withdrawal', async () => {
    const g = await t.graduate();
    const refused = await api.call<Problem & { missingConsent: string }>(
      'PUT',
      `/v1/graduates/${g.id}/demographics`,
      g.key,
      demo,
    );
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.json.missingConsent).toBe('fairness_audit');
    expect(refused.json.detail).toMatch(/fairness_audit consent/);

    await api.call('POST', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key, { textVersion: FA });
    const stored = await api.call('PUT', `/v1/graduates/${g.id}/demographics`, g.key, demo);
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject(demo);
    const replaced = await api.call('PUT', `/v1/graduates/${g.id}/demographics`, g.key, { gender: 'male' });
    expect(replaced.json).toEqual({ gender: 'male', updatedAt: expect.any(String) });
    const bad = await api.call<Problem>('PUT', `/v1/graduates/${g.id}/demographics`, g.key, {
      gender: 'x',
      religion: 'none',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.map((e) => e.path).sort()).toEqual(['body', 'body.gender'].sort());

    const withdrawn = await api.call<Withdrawal>('DELETE', `/v1/graduates/${g.id}/consents/fairness_audit`, g.key);
    expect(withdrawn.json.demographicsErased).toBe(true);
    const rows = await database.db
      .selectFrom('graduate_demographics')
      .select('graduate_id')
      .where('graduate_id', '=', g.id)
      .execute();
    expect(rows).toHaveLength(0);
    expect((await api.call('GET', `/v1/graduates/${g.id}/demographics`, g.key)).status).toBe(404);
    expect((await api.call('PUT', `/v1/graduates/${g.id}/demographics`, g.key, demo)).status).toBe(409);
  });

  it('keeps consents and demographics from other graduates, employers and auditors', async () => {
    const me = await t.graduate();
    const peer = await t.graduate();
    const employer = await t.employer();
    await api.call('POST', `/v1/graduates/${me.id}/consents/fairness_audit`, me.key, { textVersion: FA });
    await api.call('PUT', `/v1/graduates/${me.id}/demographics`, me.key, demo);
    for (const key of [peer.key, employer.key, t.staff.auditor]) {
      expect((await api.call('GET', `/v1/graduates/${me.id}/consents`, key)).status).toBe(404);
      expect((await api.call('GET', `/v1/graduates/${me.id}/demographics`, key)).status).toBe(404);
      expect((await api.call('PUT', `/v1/graduates/${me.id}/demographics`, key, demo)).status).toBe(404);
      expect(
        (await api.call('POST', `/v1/graduates/${me.id}/consents/fairness_audit`, key, { textVersion: FA })).status,
      ).toBe(404);
    }
    // Even the career office does not read protected attributes through the API.
    expect((await api.call('GET', `/v1/graduates/${me.id}/demographics`, t.staff.career_office)).status).toBe(403);
    const other = await newTenant(database);
    expect((await api.call('GET', `/v1/graduates/${me.id}/consents`, other.staff.career_office)).status).toBe(404);
    expect((await api.call('GET', `/v1/graduates/${me.id}/demographics`, me.key)).json).toMatchObject(demo);
  });
});
