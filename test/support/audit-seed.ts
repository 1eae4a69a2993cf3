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
