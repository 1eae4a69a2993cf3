import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { EmployerCreate, EmployerUpdate } from '../domain/model/employer.ts';
import { afterCursor, type Cursor } from './keyset.ts';
import type { DB, EmployerRow, EmployersTable } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const columns = (input: EmployerUpdate): Updateable<EmployersTable> => {
  const out: Updateable<EmployersTable> = {};
  if (input.name !== undefined) out.name = input.name;
  if ('industry' in input) out.industry = input.industry ?? null;
  if ('city' in input) out.city = input.city ?? null;
  if ('size' in input) out.size = input.size ?? null;
  if ('website' in input) out.website = input.website ?? null;
  if (input.description !== undefined) out.description = input.description;
  if ('externalId' in input) out.external_id = input.externalId ?? null;
  return out;
};

export async function insertEmployer(
  db: Db,
  row: { id: string; tenantId: string; now: Date },
  input: EmployerCreate,
): Promise<EmployerRow> {
  return db
    .insertInto('employers')
    .values({
      ...columns(input),
      id: row.id,
      tenant_id: row.tenantId,
      name: input.name,
      created_at: row.now,
      updated_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findEmployer(db: Db, tenantId: string, id: string): Promise<EmployerRow | undefined> {
  return db
    .selectFrom('employers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateEmployer(
  db: Db,
  tenantId: string,
  id: string,
  input: EmployerUpdate,
  now: Date,
): Promise<EmployerRow | undefined> {
  return db
    .updateTable('employers')
    .set({ ...columns(input), updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteEmployer(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('employers')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function listEmployers(
  db: Db,
  tenantId: string,
  opts: { limit: number; after?: Cursor | undefined; approvedOnly?: boolean },
): Promise<EmployerRow[]> {
  let query = db.selectFrom('employers').selectAll().where('tenant_id', '=', tenantId);
  if (opts.approvedOnly === true) query = query.where('status', '=', 'approved');
  return query
    .where(afterCursor(opts.after))
    .orderBy('created_at')
    .orderBy('id')
    .limit(opts.limit + 1)
    .execute();
}

/** Employer names by id (for list items that show who is hiring). */
export async function employerNamesByIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('employers')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every employer's name in the tenant (the names a process holds for its lists; tenant_employers_version). */
export async function employerNamesOfTenant(db: Db, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('employers').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface RegisteredEmployer {
  name: string;
  creditCode: string;
  website: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
}

/** A self-registered employer, pending until the career office decides; a duplicate code violates the unique index. */
export async function insertRegisteredEmployer(
  db: Db,
  row: { id: string; tenantId: string; now: Date },
  input: RegisteredEmployer,
): Promise<EmployerRow | undefined> {
  // A concurrent sign-up with the same code passes the pre-check and meets the unique index: undefined, not a throw.
  return db
    .insertInto('employers')
    .values({
      id: row.id,
      tenant_id: row.tenantId,
      name: input.name,
      website: input.website,
      status: 'pending',
      credit_code: input.creditCode,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
      contact_phone: input.contactPhone,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'credit_code']).where('credit_code', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function employerWithCreditCode(db: Db, tenantId: string, creditCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('employers')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records the career office's decision on a pending employer; undefined when it is not pending (or not there). */
export async function decideEmployer(
  db: Db,
  tenantId: string,
  id: string,
  decision: { status: 'approved' | 'rejected'; reason: string; now: Date },
): Promise<EmployerRow | undefined> {
  return db
    .updateTable('employers')
    .set({
      status: decision.status,
      decision_reason: decision.reason,
      decided_at: decision.now,
      updated_at: decision.now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

/** The tenant's employers with these external ids. */
export async function employersByExternalIds(
  db: Db,
  tenantId: string,
  externalIds: readonly string[],
): Promise<EmployerRow[]> {
  if (externalIds.length === 0) return [];
  // One index probe per id (`limit 1` keeps the lateral subquery from being flattened into a join): as an IN list
  // the planner chose a sequential scan of the tenant's rows for every batch, ~0.9 s a batch at 50,000 graduates.
  const r = await sql<EmployerRow>`select t.* from unnest(${[...externalIds]}::text[]) as k(external_id)
    cross join lateral (select * from employers where tenant_id = ${tenantId} and external_id = k.external_id
      limit 1) t`.execute(db);
  return r.rows;
}

/** External ids of these employers (a posting export names its employer by it). */
export async function employerExternalIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('employers')
    .select(['id', 'external_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.external_id]));
}
