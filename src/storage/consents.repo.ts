import type { Kysely, Transaction } from 'kysely';
import type { ConsentRow, DB, DemographicsRow } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ConsentEventValues {
  id: string;
  tenantId: string;
  graduateId: string;
  purpose: string;
  granted: boolean;
  textVersion: string;
  actorKeyId: string;
  actorRole: string;
  now: Date;
}

/** Appends one grant or withdrawal; the table refuses updates (see the migration's trigger). */
export async function insertConsentEvent(db: Db, v: ConsentEventValues): Promise<ConsentRow> {
  return db
    .insertInto('consents')
    .values({
      id: v.id,
      tenant_id: v.tenantId,
      graduate_id: v.graduateId,
      purpose: v.purpose,
      granted: v.granted,
      text_version: v.textVersion,
      actor: v.actorKeyId,
      actor_role: v.actorRole,
      created_at: v.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every event of one graduate, in the order they happened. */
export async function listConsentEvents(db: Db, tenantId: string, graduateId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .orderBy('seq')
    .execute();
}

/** The latest event for one purpose: the current state. */
export async function latestConsent(
  db: Db,
  tenantId: string,
  graduateId: string,
  purpose: string,
): Promise<ConsentRow | undefined> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('purpose', '=', purpose)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findDemographics(
  db: Db,
  tenantId: string,
  graduateId: string,
): Promise<DemographicsRow | undefined> {
  return db
    .selectFrom('graduate_demographics')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .executeTakeFirst();
}

export interface DemographicsValues {
  gender: string | null;
  ethnicity: string | null;
  hukou_type: string | null;
  region_of_origin: string | null;
  disability: string | null;
  birth_year: number | null;
  school_tier: string | null;
}

/** Replaces the whole row: PUT semantics, a field not sent is no longer held. */
export async function upsertDemographics(
  db: Db,
  tenantId: string,
  graduateId: string,
  values: DemographicsValues,
  now: Date,
): Promise<DemographicsRow> {
  return db
    .insertInto('graduate_demographics')
    .values({ graduate_id: graduateId, tenant_id: tenantId, ...values, updated_at: now })
    .onConflict((oc) => oc.column('graduate_id').doUpdateSet({ ...values, updated_at: now }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDemographics(db: Db, tenantId: string, graduateId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('graduate_demographics')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
