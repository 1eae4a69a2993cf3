import { sql } from 'kysely';
import type { Db } from './db.ts';
import type { AuditRunRow } from './schema.ts';

/** The counts of the console's home page, one statement per table, all scoped to the tenant. */
export async function tenantCounts(db: Db, tenantId: string, since: Date, now: Date) {
  const [postings, graduates, shown, reviews, alerts] = await Promise.all([
    db
      .selectFrom('job_postings')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('graduates')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('impressions')
      .select([sql<string>`count(*)`.as('n'), sql<string>`count(distinct graduate_id)`.as('graduates')])
      .where('tenant_id', '=', tenantId)
      .where('list_kind', '=', 'recommendations')
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('reviews')
      .select([
        sql<string>`count(*)`.as('n'),
        sql<string>`count(*) filter (where due_at < ${now})`.as('overdue'),
        sql<Date | null>`min(due_at)`.as('next_due'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('status', '!=', 'resolved')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_alerts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    openPostings: Number(postings.n),
    graduates: Number(graduates.n),
    shown: Number(shown.n),
    graduatesServed: Number(shown.graduates),
    openReviews: Number(reviews.n),
    overdueReviews: Number(reviews.overdue),
    nextDue: reviews.next_due ? new Date(reviews.next_due) : null,
    openAlerts: Number(alerts.n),
  };
}

/** The tenant's audit runs, newest first, with the chain position of the report each produced. */
export async function listAuditRuns(
  db: Db,
  tenantId: string,
  limit: number,
): Promise<(AuditRunRow & { seq: number | null; sha256: string | null })[]> {
  return db
    .selectFrom('audit_runs as a')
    .leftJoin('audit_reports as r', 'r.run_id', 'a.id')
    .selectAll('a')
    .select(['r.seq', 'r.sha256'])
    .where('a.tenant_id', '=', tenantId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}
