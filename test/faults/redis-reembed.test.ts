import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Supervisor } from '../../jobs/worker.ts';
import { graduateCreate } from '../../src/domain/model/graduate.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { systemClock } from '../../src/services/context.ts';
import { loadSupervisedEmbedder } from '../../src/services/matching/active-embedder.ts';
import { setActiveEmbedder } from '../../src/services/matching/embedder-store.ts';
import { requestReembedding } from '../../src/services/matching/reembed-request.ts';
import type { Database } from '../../src/storage/db.ts';
import { insertGraduates } from '../../src/storage/graduates.repo.ts';
import { testApp } from '../support/app.ts';
import { eventually } from '../support/audit-seed.ts';
import { newTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';
import { ownPostgres, ownRedis, type OwnPostgres, type OwnRedis } from '../support/own-services.ts';
import { background, migratedDatabase, newTally, tallied } from './fault-support.ts';

const TENANTS = 4;
const PER_TENANT = 750; // two pages of the re-embedding's 500 each
const SKILLS = ['Python', 'SQL', 'Java', '机器学习', 'Excel', '数据分析', 'React', 'Go'];

/*
 * Re-embedding asked for (as `npm start` asks at start-up, one job per tenant) while the test's own Redis is
 * down, with the background supervisor in process; Redis comes back, and is killed (coming back empty) while
 * the jobs run or wait. Every graduate is embedded exactly once in all, every job's outbox row settles, and
 * requests meanwhile answer (success, or 503 with Retry-After) rather than hang.
 */
describe('re-embedding asked for while Redis is down, then Redis restarted empty while it runs', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let database: Database;
  let supervisor: Supervisor | undefined;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([ownPostgres(), ownRedis()]);
    ({ database } = await migratedDatabase(pg));
  });
  afterAll(async () => {
    await supervisor?.close(5_000);
    await database?.close();
    await redis?.stop();
    await pg?.destroy();
  });

  it('keeps the request, runs it when Redis is back, and relays again what an empty Redis lost', async () => {
    const now = new Date();
    const tenants = [];
    for (let k = 0; k < TENANTS; k++) {
      const t = await newTenant(database);
      tenants.push(t);
      const rows = Array.from({ length: PER_TENANT }, (_, i) => {
        const n = k * PER_TENANT + i;
        return {
          id: crypto.randomUUID(),
          input: graduateCreate.parse({
            name: `reembed ${n}`,
            summary: `Graduate ${n} with experience in ${SKILLS[n % 8]} and ${SKILLS[(n * 3 + 1) % 8]} projects.`,
            skills: [{ name: SKILLS[n % 8] }, { name: SKILLS[(n * 5 + 2) % 8] }],
          }),
        };
      });
      await insertGraduates(database.db, t.tenantId, now, rows);
    }
    const total = TENANTS * PER_TENANT;
    const supervised = await loadSupervisedEmbedder();
    await setActiveEmbedder(database, supervised.id);
    const stored = async () =>
      (
        await sql<{ n: number }>`
          select count(*)::int as n from embeddings
          where entity_type = 'graduate' and model_id = ${supervised.id}`.execute(database.db)
      ).rows[0]?.n ?? 0;
    // What each run of a re-embedding job reports when it ends.
    const runs: number[] = [];
    const logger: Logger = {
      ...silentLogger,
      info: (event, fields) => {
        if (event === 'reembed_done') runs.push(Number(fields?.embedded));
      },
    };

    await redis.stop();
    supervisor = background(database, redis.url, logger);
    await supervisor.firstAttempt;
    expect((await supervisor.health()).redis).toBe('unavailable');
    // Asked for while Redis is away: stored at once, one job per tenant.
    expect(await requestReembedding({ database, clock: systemClock }, supervised.id, 'manual')).toBe(TENANTS);
    const api = testApp(database, { matching: await testMatching(database) });
    const tally = newTally();
    for (const t of tenants)
      await tallied(tally, () => api.call('GET', '/v1/admin/embedder', t.staff.admin), 'GET embedder', 10_000);
    await tallied(tally, () => api.call('GET', '/ready'), 'GET ready', 10_000);
    expect(tally.hungWhat).toEqual([]);
    expect(tally.bad).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stored()).toBe(0);

    // Back: the jobs run. Killed again (empty) once some vectors are stored and before the last.
    await redis.start();
    const midway = await eventually(async () => {
      const n = await stored();
      return n > 0 && n < total;
    }, 120_000);
    await redis.stop();
    await redis.start();
    expect(midway).toBe(true);

    const outbox = () =>
      database.db
        .selectFrom('audit_outbox')
        .select(['job_id', 'settled_at', 'last_error', 'sweeps'])
        .where('job_name', '=', 'reembed')
        .execute();
    const settled = await eventually(async () => {
      const rows = await outbox();
      return rows.length === TENANTS && rows.every((r) => r.settled_at !== null);
    }, 180_000);
    expect(settled, JSON.stringify(await outbox())).toBe(true);
    expect(await stored()).toBe(total);
    // Once in all: the runs together embedded each graduate once (a job run again after the empty restart finds
    // its tenant done and embeds nothing); none was given up.
    expect(runs.reduce((a, b) => a + b, 0)).toBe(total);
    expect((await outbox()).filter((r) => r.last_error?.includes('given up'))).toEqual([]);
    // What an operator reads: every graduate has a vector of the serving embedder.
    const status = await api.call<{ coverage: { graduate: { total: number; embedded: number } } }>(
      'GET',
      '/v1/admin/embedder',
      tenants[0]?.staff.admin,
    );
    expect(status.json.coverage.graduate).toEqual({ total, embedded: total });
  }, 420_000);
});
