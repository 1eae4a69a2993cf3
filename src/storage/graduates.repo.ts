import type { Kysely, Transaction, Updateable } from 'kysely';
import type { GraduateCreate, GraduateUpdate } from '../domain/model/graduate.ts';
import type { Cursor } from '../services/pagination.ts';
import { afterCursor } from './keyset.ts';
import type { DB, GraduateRow, GraduatesTable } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const columns = (input: GraduateUpdate): Updateable<GraduatesTable> => {
  const out: Updateable<GraduatesTable> = {};
  if (input.name !== undefined) out.name = input.name;
  if ('email' in input) out.email = input.email ?? null;
  if ('phone' in input) out.phone = input.phone ?? null;
  if (input.education !== undefined) out.education = JSON.stringify(input.education);
  if (input.skills !== undefined) out.skills = JSON.stringify(input.skills);
  if (input.languages !== undefined) out.languages = JSON.stringify(input.languages);
  if (input.certificates !== undefined) out.certificates = JSON.stringify(input.certificates);
  if (input.experiences !== undefined) out.experiences = JSON.stringify(input.experiences);
  if (input.summary !== undefined) out.summary = input.summary;
  if (input.preferences !== undefined) out.preferences = JSON.stringify(input.preferences);
  if (input.visibility !== undefined) out.visibility = input.visibility;
  if (input.lang !== undefined) out.lang = input.lang;
  return out;
};

export async function insertGraduate(db: Db, row: { id: string; tenantId: string; now: Date }, input: GraduateCreate): Promise<GraduateRow> {
  return db.insertInto('graduates')
    .values({ ...columns(input), id: row.id, tenant_id: row.tenantId, name: input.name, created_at: row.now, updated_at: row.now })
    .returningAll().executeTakeFirstOrThrow();
}

export async function findGraduate(db: Db, tenantId: string, id: string): Promise<GraduateRow | undefined> {
  return db.selectFrom('graduates').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function updateGraduate(db: Db, tenantId: string, id: string, input: GraduateUpdate, now: Date): Promise<GraduateRow | undefined> {
  return db.updateTable('graduates').set({ ...columns(input), updated_at: now })
    .where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteGraduate(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('graduates').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function listGraduates(db: Db, tenantId: string, opts: { limit: number; after?: Cursor | undefined }): Promise<GraduateRow[]> {
  return db.selectFrom('graduates').selectAll().where('tenant_id', '=', tenantId).where(afterCursor(opts.after))
    .orderBy('created_at').orderBy('id').limit(opts.limit + 1).execute();
}
