import type { Db } from './db.ts';
import { afterCursor, type Cursor } from './keyset.ts';
import type { OutcomeRow } from './schema.ts';

/** An outcome as a use-case writes it (one per graduate and date). */
export interface OutcomeValues {
  tenantId: string;
  graduateId: string;
  asOf: string;
  status: string;
  employerName: string | null;
  employerId: string | null;
  occupation: string | null;
  city: string | null;
  industry: string | null;
  salaryBand: string | null;
  jobType: string | null;
  source: string;
  actorKeyId: string | null;
  actorRole: string;
}

export type OutcomeChange = 'created' | 'updated' | 'unchanged';

const CONTENT = [
  'status',
  'employer_name',
  'employer_id',
  'occupation',
  'city',
  'industry',
  'salary_band',
  'job_type',
] as const;

const columns = (v: OutcomeValues) => ({
  status: v.status,
  employer_name: v.employerName,
  employer_id: v.employerId,
  occupation: v.occupation,
  city: v.city,
  industry: v.industry,
  salary_band: v.salaryBand,
  job_type: v.jobType,
});

/**
 * Writes the graduate's record for `asOf`: a new row, a replacement of that date's row, or nothing when
 * the content is the same (an import run twice changes nothing). The existing row is locked first, so two
 * writers of one date serialize.
 */
export async function upsertOutcome(
  db: Db,
  id: string,
  v: OutcomeValues,
  now: Date,
): Promise<{ row: OutcomeRow; change: OutcomeChange }> {
  const existing = await db
    .selectFrom('graduate_outcomes')
    .selectAll()
    .where('tenant_id', '=', v.tenantId)
    .where('graduate_id', '=', v.graduateId)
    .where('as_of', '=', v.asOf)
    .forUpdate()
    .executeTakeFirst();
  const content = columns(v);
  if (existing) {
    if (CONTENT.every((c) => existing[c] === content[c])) return { row: existing, change: 'unchanged' };
    const row = await db
      .updateTable('graduate_outcomes')
      .set({
        ...content,
        source: v.source,
        actor_key_id: v.actorKeyId,
        actor_role: v.actorRole,
        updated_at: now,
      })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, change: 'updated' };
  }
  const row = await db
    .insertInto('graduate_outcomes')
    .values({
      id,
      tenant_id: v.tenantId,
      graduate_id: v.graduateId,
      as_of: v.asOf,
      ...content,
      source: v.source,
      actor_key_id: v.actorKeyId,
      actor_role: v.actorRole,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, change: 'created' };
}

/** Many outcomes at once (the demo loader); no conflict handling, the caller writes fresh rows. */
export async function insertOutcomes(db: Db, rows: readonly (OutcomeValues & { id: string; at: Date })[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('graduate_outcomes')
    .values(
      rows.map((v) => ({
        id: v.id,
        tenant_id: v.tenantId,
        graduate_id: v.graduateId,
        as_of: v.asOf,
        ...columns(v),
        source: v.source,
        actor_key_id: v.actorKeyId,
        actor_role: v.actorRole,
        created_at: v.at,
        updated_at: v.at,
      })),
    )
    .execute();
}

/** The graduate's records, newest date first. */
export async function listOutcomesOf(db: Db, tenantId: string, graduateId: string): Promise<OutcomeRow[]> {
  return db
    .selectFrom('graduate_outcomes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .orderBy('as_of', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** The tenant's records in (created_at, id) order, a page at a time (exports). */
export async function listTenantOutcomes(
  db: Db,
  tenantId: string,
  opts: { limit: number; cursor?: Cursor | undefined },
): Promise<OutcomeRow[]> {
  return db
    .selectFrom('graduate_outcomes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(afterCursor(opts.cursor))
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
}

export async function deleteOutcome(db: Db, tenantId: string, graduateId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('graduate_outcomes')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Every record of these graduates of the tenant (an outcomes import's batch looks its rows up in one query). */
export async function outcomesOfGraduates(
  db: Db,
  tenantId: string,
  graduateIds: readonly string[],
): Promise<OutcomeRow[]> {
  if (graduateIds.length === 0) return [];
  return db
    .selectFrom('graduate_outcomes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', 'in', [...new Set(graduateIds)])
    .execute();
}
