import { sql } from 'kysely';
import type { Database } from '../../src/storage/db.ts';
import { addImpressions, addPeople } from './audit-factory.ts';
import { newTenant } from './factories.ts';

/** A tenant with 24 consenting graduates (half female) shown in one candidate list: enough for an audit to report. */
export async function auditableTenant(database: Database, people = 24) {
  const t = await newTenant(database);
  const ids = await addPeople(
    database,
    t.tenantId,
    Array.from({ length: people }, (_, i) => ({ demographics: { gender: i % 2 === 0 ? 'female' : 'male' } })),
  );
  const listId = crypto.randomUUID();
  const postingId = crypto.randomUUID();
  await addImpressions(
    database,
    t.tenantId,
    ids.map((graduateId, i) => ({
      listId,
      listKind: 'candidates' as const,
      graduateId,
      postingId,
      rank: i + 1,
      score: 1 - i / (people + 1),
    })),
  );
  return t;
}

/** Runs, reports per run and unsettled outbox rows of a database: what "every run completed once" is checked on. */
export async function runLedger(database: Database, runIds: readonly string[]) {
  const runs = await database.db
    .selectFrom('audit_runs')
    .select(['id', 'status', 'failure_reason'])
    .where('id', 'in', runIds)
    .execute();
  const reports = await database.db
    .selectFrom('audit_reports')
    .select(['run_id', 'tenant_id', 'seq'])
    .where('run_id', 'in', runIds)
    .execute();
  const perRun = new Map<string, number>();
  for (const r of reports) perRun.set(r.run_id, (perRun.get(r.run_id) ?? 0) + 1);
  return { runs, reports, perRun };
}

/** Polls `done` every 100 ms until it holds or `ms` have passed; returns whether it held. */
export async function eventually(done: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (await done()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return done();
}

/**
 * Many impressions fast, in SQL: `lists` candidate lists, each ranking every one of `graduateIds`, so an
 * audit has real work (pages of lists) and can be interrupted in the middle.
 */
export async function bulkImpressions(
  database: Database,
  tenantId: string,
  graduateIds: readonly string[],
  lists: number,
): Promise<number> {
  const n = graduateIds.length;
  await sql`
    insert into impressions (id, tenant_id, request_id, list_id, list_kind, viewer_role, viewer_id, graduate_id,
      posting_id, rank, score, components, model_version, embedder_id, personalized, created_at)
    select gen_random_uuid(), ${tenantId}, 'bulk', l.list_id, 'candidates', 'career_office', null,
      (${sql.lit(`{${graduateIds.join(',')}}`)}::uuid[])[g.i], l.posting_id, g.i, 1 - g.i::float8 / ${n + 1},
      jsonb_build_object('semantic', 0.5, 'requiredSkills', 0.5), 'hybrid-test', 'lsa-test', true, now()
    from (select gen_random_uuid() as list_id, gen_random_uuid() as posting_id from generate_series(1, ${lists})) l
    cross join generate_series(1, ${n}) as g(i)`.execute(database.db);
  return n * lists;
}
