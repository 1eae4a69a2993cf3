import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger, silentLogger } from '../../src/logger.ts';
import { createBullQueue } from '../../src/queue/bullmq.ts';
import type { JobQueue } from '../../src/queue/port.ts';
import { relayOutbox } from '../../src/services/audits/relay.ts';
import { systemClock, systemContext } from '../../src/services/context.ts';
import { runImportJob } from '../../src/services/imports/index.ts';
import { insertAlerts } from '../../src/storage/audit-ops.repo.ts';
import { insertRun } from '../../src/storage/audits.repo.ts';
import type { Database } from '../../src/storage/db.ts';
import { TEXT_COLUMNS } from '../../src/storage/erasure-registry.ts';
import { testApp, type TestApi } from '../support/app.ts';
import type { CandidateList, Created, GraduateExport, RecommendationList } from '../support/bodies.ts';
import { isolatedBackends } from '../support/db.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import { job, profile, testMatching } from '../support/matching.ts';

const REDIS = 'redis://127.0.0.1:6379';
/** Column types that can hold text a person wrote. */
const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'];
/**
 * Columns erasure clears that the test cannot plant through the API without also writing the hash-chained
 * audit report, which erasure never rewrites (README, privacy): an uploaded audit's description.
 */
// impressions.match_detail quotes the profile only through skill evidence (a skill's name or matched span), which
// a planted marker never becomes; that erasure clears it is checked on its own below.
const UNPLANTED = new Set(['audit_runs.params', 'impressions.match_detail']);

interface Column {
  table: string;
  column: string;
  type: string;
}

async function textColumns(database: Database): Promise<Column[]> {
  const r = await sql<Column>`select table_name as "table", column_name as "column", data_type as type from
      information_schema.columns
    where table_schema = current_schema() and data_type = any(${TEXT_TYPES}) and udt_name not in ('vector',
      'halfvec', 'sparsevec')
    order by 1, 2`.execute(database.db);
  return r.rows;
}

/** `table.column` of every text column holding any of the needles (case-insensitive, row by row). */
async function columnsHolding(database: Database, needles: readonly string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const { table, column } of await textColumns(database)) {
    const patterns = needles.map((n) => `%${n}%`);
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
      where ${sql.ref(column)}::text ilike any(${patterns})`.execute(database.db);
    if ((r.rows[0]?.n ?? 0) > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

/** Every value under the queue prefix in Redis, whatever its type, as one text. */
async function redisText(redis: Redis, prefix: string): Promise<string> {
  const parts: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      parts.push(key);
      if (type === 'string') parts.push((await redis.get(key)) ?? '');
      else if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      else if (type === 'list') parts.push(...(await redis.lrange(key, 0, -1)));
      else if (type === 'set') parts.push(...(await redis.smembers(key)));
      else if (type === 'zset') parts.push(...(await redis.zrange(key, 0, -1)));
      else if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
  } while (cursor !== '0');
  return parts.join('\n');
}

describe.each(isolatedBackends)('erasure leaves no free text about the graduate on $name', ({ open }) => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  const logs: string[] = [];
  const prefix = `bole-erasure-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  let queue: JobQueue;
  let redis: Redis;

  beforeAll(async () => {
    database = await open();
    const logger = createJsonLogger('info', (line) => logs.push(line));
    api = testApp(database, { matching: await testMatching(database), logger });
    t = await newTenant(database);
    queue = createBullQueue({ url: REDIS, prefix });
    redis = new Redis(REDIS);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await queue.close();
    await database.close();
  });

  it(
    'knows every column that can hold text: erased, cleared where it names the graduate, or ' +
      'unable to hold personal text',
    async () => {
      const columns = await textColumns(database);
      const live = new Set(columns.map((c) => `${c.table}.${c.column}`));
      expect(
        columns
          .filter((c) => !(`${c.table}.${c.column}` in TEXT_COLUMNS))
          .map((c) => `${c.table}.${c.column} (${c.type})`),
      ).toEqual([]);
      expect(Object.keys(TEXT_COLUMNS).filter((k) => !live.has(k))).toEqual([]);
      // What erasure clears by tenant must be text or jsonb in a table that names its tenant.
      const cleared = columns.filter((c) =>
        ['named', 'linked'].includes(TEXT_COLUMNS[`${c.table}.${c.column}`]?.rule ?? ''),
      );
      const tenantColumns = await sql<{
        key: string;
      }>`select table_name || '.' || column_name as key from information_schema.columns
      where table_schema = current_schema()`.execute(database.db);
      const all = new Set(tenantColumns.rows.map((r) => r.key));
      const tenantOf = (c: Column) =>
        `${c.table}.${TEXT_COLUMNS[`${c.table}.${c.column}`]?.tenantColumn ?? 'tenant_id'}`;
      expect(
        cleared.filter((c) => !all.has(tenantOf(c)) || !['text', 'jsonb', 'character varying'].includes(c.type)),
      ).toEqual([]);
    },
  );

  it(
    "plants the graduate's name, email, phone and a marker in every field people write, " +
      'exports them, erases, and none is left',
    async () => {
      const marker = `MK${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const digits = `139${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`;
      const name = `欧阳${marker.slice(2, 8)}`;
      const email = `${marker.toLowerCase()}@example.edu.cn`;
      const phone = `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
      // Staff write the number their own way; erasure must still recognise it.
      const planted = (who: string) =>
        `${who}: ${name}（${email}，电话 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}）${marker}`;
      const markerOnly = (who: string) => `${who} ${marker}`;

      const created = await api.call<Created>(
        'POST',
        '/v1/graduates',
        t.staff.career_office,
        profile({
          name,
          email,
          phone,
          summary: `${planted('summary')} 熟悉 SQL 和 Python，做过用户留存分析。`,
          experiences: [
            { title: '数据分析实习生', organization: '武汉某科技公司', description: planted('experience') },
          ],
        }),
      );
      expect(created.status).toBe(201);
      const gid = created.json.id;
      const gkey = await t.key('graduate', { graduateId: gid });
      const consent = { textVersion: 'profile_visible_to_employers/2026-11' };
      expect(
        (await api.call('POST', `/v1/graduates/${gid}/consents/profile_visible_to_employers`, gkey, consent)).status,
      ).toBeLessThan(300);
      const emp = await t.employer();
      const posted = await api.call<Created>('POST', '/v1/jobs', emp.key, job());
      expect(posted.status).toBe(201);
      const postingId = posted.json.id;

      // The graduate sees a list and acts on it; the employer sees a candidate list with them on it.
      const recs = await api.call<RecommendationList>('GET', `/v1/graduates/${gid}/recommendations`, gkey);
      expect(recs.status).toBe(200);
      const recItem = recs.json.items.find((i) => i.posting.id === postingId);
      expect(recItem).toBeDefined();
      const cands = await api.call<CandidateList>('GET', `/v1/jobs/${postingId}/candidates`, emp.key);
      expect(cands.status).toBe(200);
      const candItem = cands.json.items.find((i) => i.graduate.id === gid);
      expect(candItem).toBeDefined();

      const writes: [string, string, string, string | undefined, unknown][] = [
        [
          'graduate dismisses with a reason',
          'POST',
          '/v1/interactions',
          gkey,
          { postingId, impressionId: recItem?.impressionId, type: 'dismiss', reason: planted('dismiss') },
        ],
        [
          'employer records an interview with a reason',
          'POST',
          '/v1/interactions',
          emp.key,
          { graduateId: gid, postingId, type: 'interview', reason: markerOnly('interview') },
        ],
        [
          'employer reviews the candidate list',
          'POST',
          `/v1/candidate-lists/${cands.json.listId}/human-review`,
          emp.key,
          { note: markerOnly('shortlist') },
        ],
        [
          'admin suspends AI ranking naming the graduate',
          'POST',
          '/v1/admin/ai-ranking/suspend',
          t.staff.admin,
          { reason: planted('suspend') },
        ],
        ['admin resumes it', 'POST', '/v1/admin/ai-ranking/resume', t.staff.admin, { reason: planted('resume') }],
      ];
      for (const [what, method, path, key, body] of writes)
        expect((await api.call(method, path, key, body)).status, what).toBeLessThan(300);

      const appeal = await api.call<Created>('POST', `/v1/graduates/${gid}/reviews`, gkey, {
        kind: 'human_review',
        listId: recs.json.listId,
        text: planted('appeal'),
      });
      expect(appeal.status).toBe(201);
      const answered = await api.call('PATCH', `/v1/reviews/${appeal.json.id}`, t.staff.career_office, {
        assignee: `${name} ${marker}`,
        status: 'resolved',
        decision: 'upheld',
        reply: planted('reply'),
      });
      expect(answered.status).toBe(200);

      // An alert the audit raised, acknowledged with a note that names the graduate.
      const run = await insertRun(database.db, {
        id: crypto.randomUUID(),
        tenantId: t.tenantId,
        source: 'impressions',
        status: 'completed',
        params: { k: 10 },
        requestedBy: 'test',
        now: new Date(),
      });
      const [alert] = await insertAlerts(
        database.db,
        t.tenantId,
        run.id,
        [
          {
            id: crypto.randomUUID(),
            kind: 'adverse_impact',
            grouping: 'gender',
            group: 'female',
            metric: 'impact_ratio',
            figures: { ratio: 0.6 },
          },
        ],
        new Date(),
      );
      expect(
        (
          await api.call('PATCH', `/v1/alerts/${alert?.id}`, t.staff.career_office, {
            status: 'acknowledged',
            note: planted('alert'),
          })
        ).status,
      ).toBe(200);

      // A held posting decided with a note that names the graduate.
      const held = await api.call<Created>('POST', '/v1/jobs', emp.key, job({ description: '限男性，35岁以下。' }));
      expect(
        (
          await api.call('POST', `/v1/jobs/${held.json.id}/compliance-review`, t.staff.career_office, {
            decision: 'reject',
            note: planted('compliance'),
          })
        ).status,
      ).toBe(200);
      // A key labelled after the graduate (the label is also in the operator log's detail).
      expect(
        (
          await api.call('POST', '/v1/keys', t.staff.admin, {
            role: 'career_office',
            label: planted('key').slice(0, 200),
          })
        ).status,
      ).toBe(201);

      // An import job whose failing row quotes the graduate: its stored report keeps the cell until erasure.
      const upload = await api.app.request('/v1/imports/graduates?background=true&dryRun=true', {
        method: 'POST',
        headers: { authorization: `Bearer ${t.staff.career_office}`, 'content-type': 'text/csv' },
        body: `学号,姓名,可见范围\nimp-1,x,${planted('import')}\n`,
      });
      expect(upload.status).toBe(202);
      const importRun = (await upload.json()) as { id: string };
      await runImportJob(
        systemContext({ database, clock: systemClock, logger: silentLogger }),
        { runId: importRun.id, tenantId: t.tenantId },
        { jobId: 'import', attempt: 1, finalAttempt: true, progress: async () => {} },
      );

      // Work queued in Redis for this tenant: an audit run and the alert's webhook.
      expect((await api.call('POST', '/v1/audits', t.staff.auditor, {})).status).toBe(202);
      await relayOutbox({
        database,
        queue,
        clock: systemClock,
        logger: createJsonLogger('info', (line) => logs.push(line)),
      });
      await queue.enqueue(
        'webhook-delivery',
        { alertId: alert?.id ?? '', tenantId: t.tenantId },
        { jobId: `webhook-${alert?.id}` },
      );
      await queue.enqueue(
        'reembed',
        { embedderId: 'test', reason: 'tag_deleted', tenantId: t.tenantId, graduateId: gid },
        { jobId: `reembed-${gid}` },
      );

      // Every column erasure is meant to clear now holds the marker: the planting reached it.
      const reached = await columnsHolding(database, [marker]);
      const toClear = Object.entries(TEXT_COLUMNS)
        .filter(([k, c]) => c.rule !== 'none' && !UNPLANTED.has(k))
        .map(([k]) => k);
      const mustReach = toClear.filter(
        (k) =>
          TEXT_COLUMNS[k]?.rule !== 'deleted' ||
          ['graduates.email', 'graduates.summary', 'graduates.experiences'].includes(k),
      );
      expect(mustReach.filter((k) => !reached.includes(k))).toEqual([]);
      expect(reached.filter((k) => TEXT_COLUMNS[k]?.rule === 'none')).toEqual([]);

      // The export shows all of it before erasure.
      const exported = await api.call<GraduateExport>('GET', `/v1/graduates/${gid}/export`, gkey);
      expect(exported.status).toBe(200);
      const x = exported.json;
      expect(x.interactions.map((i) => i.reason)).toEqual(
        expect.arrayContaining([planted('dismiss'), markerOnly('interview')]),
      );
      expect(x.reviews[0]).toMatchObject({ text: planted('appeal'), reply: planted('reply') });
      expect(x.listReviewNotes.map((n) => n.note)).toEqual([markerOnly('shortlist')]);
      const named = new Set(x.textNamingGraduate.map((n) => `${n.table}.${n.column}`));
      for (const k of [
        'audit_alerts.note',
        'job_postings.compliance_review_note',
        'operator_actions.reason',
        'operator_actions.detail',
        'api_keys.label',
        'reviews.text',
        'reviews.reply',
        'reviews.assignee',
      ]) {
        expect(named.has(k), k).toBe(true);
      }

      const before = await sql<{
        n: number;
      }>`select count(*)::int as n from interactions where tenant_id = ${t.tenantId}`.execute(database.db);
      const details = (listId: string) =>
        database.db
          .selectFrom('impressions')
          .select('match_detail')
          .where('list_id', '=', listId)
          .where('match_detail', 'is not', null)
          .execute();
      expect((await details(recs.json.listId)).length).toBeGreaterThan(0);
      const del = await api.call('DELETE', `/v1/graduates/${gid}`, gkey);
      expect(del.status, logs.filter((l) => l.includes('error')).join('\n')).toBe(204);

      const needles = [
        name,
        email,
        marker,
        digits,
        `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
        phone,
        gid,
      ];
      expect(await columnsHolding(database, needles)).toEqual([]);
      expect(await details(recs.json.listId)).toEqual([]);
      const queued = await redisText(redis, prefix);
      expect(queued).toContain(t.tenantId); // the queue was searched, and holds the jobs
      for (const n of needles.slice(0, -1)) expect(queued.includes(n), `redis holds ${n}`).toBe(false);
      const logText = logs.join('\n');
      expect(logText).toContain('"event":"request"');
      for (const n of needles) expect(logText.includes(n), `the log holds ${n}`).toBe(false);

      // Counts and codes stay for the audit: the interactions, the reviewed list, the operator's actions.
      const after = await sql<{
        n: number;
      }>`select count(*)::int as n from interactions where tenant_id = ${t.tenantId}`.execute(database.db);
      expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
      const list = await api.call('GET', `/v1/candidate-lists/${cands.json.listId}`, emp.key);
      expect(list.json).toMatchObject({ automated: false, humanReview: { reviewerRole: 'employer', note: '' } });
      const alertAfter = await api.call('GET', `/v1/alerts/${alert?.id}`, t.staff.career_office);
      expect(alertAfter.json).toMatchObject({ status: 'acknowledged', note: '' });
    },
  );
});
