import { sql, type Kysely, type Transaction } from 'kysely';
import { probeIds } from './probe-ids.ts';
import type { DB, GraduateRow } from './schema.ts';
import { shapeOf, type StatementShape } from './statement-shape.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A graduate as the candidate index reads it: the row and whether employers may see the profile. */
export type IndexableGraduateRow = GraduateRow & { employer_consent: boolean };

const PAGE = 5_000;

/** The latest profile_visible_to_employers consent event is a grant (the candidate lists' rule). */
const employerConsent = sql<boolean>`coalesce((select c.granted from consents c where c.graduate_id = graduates.id
    and c.purpose = 'profile_visible_to_employers' order by c.created_at desc limit 1), false)`;

/** The tenant's graduate version, bumped by a trigger on every indexed change ('0' before the first). */
export async function tenantGraduatesVersion(db: Db, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('tenant_graduates_version')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return String(row?.version ?? '0');
}

/** The latest change mark of the tenant (null before any): where the next incremental read starts. */
export async function latestGraduateChange(db: Db, tenantId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('graduate_index_changes')
    .select((eb) => eb.fn.max('changed_at').as('at'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

/**
 * The ids of the tenant's graduates in id order: a full read takes them once, then its pages by id
 * (indexableGraduatesWithIds). A keyset page (`id > after order by id limit n`) has no (tenant_id, id) index to
 * follow, so PostgreSQL scanned and sorted every remaining graduate of the tenant for each page (1.5 s a page of
 * 5,000 at 100,000 graduates, the sort spilled to disk).
 */
export async function tenantGraduateIdsInOrder(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom('graduates').select('id').where('tenant_id', '=', tenantId).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The tenant's graduates among `ids` as the candidate index reads them, in id order: a primary-key probe each. */
export async function indexableGraduatesWithIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<IndexableGraduateRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<IndexableGraduateRow>`select graduates.*, ${employerConsent} as employer_consent
    from ${probeIds(ids)}
    cross join lateral (select * from graduates where id = k.id::uuid and tenant_id = ${tenantId} limit 1) graduates
    order by graduates.id`.execute(db);
  return result.rows;
}

/** Every graduate of the tenant, in id order, a page at a time. */
export async function* allIndexableGraduates(db: Db, tenantId: string): AsyncGenerator<IndexableGraduateRow[]> {
  const ids = await tenantGraduateIdsInOrder(db, tenantId);
  for (let start = 0; start < ids.length; start += PAGE) {
    const rows = await indexableGraduatesWithIds(db, tenantId, ids.slice(start, start + PAGE));
    if (rows.length > 0) yield rows;
  }
}

/** Graduates marked changed at or after `since`: the rows still there, and the ids deleted or gone. */
export async function graduateChangesSince(
  db: Db,
  tenantId: string,
  since: Date,
): Promise<{ rows: IndexableGraduateRow[]; gone: string[]; latest: Date | null }> {
  const marks = await db
    .selectFrom('graduate_index_changes')
    .select(['graduate_id', 'changed_at', 'deleted'])
    .where('tenant_id', '=', tenantId)
    .where('changed_at', '>=', since)
    .execute();
  const latest = marks.reduce<Date | null>((m, r) => (m === null || r.changed_at > m ? r.changed_at : m), null);
  const ids = marks.filter((m) => !m.deleted).map((m) => m.graduate_id);
  const rows: IndexableGraduateRow[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    rows.push(
      ...(await db
        .selectFrom('graduates')
        .selectAll()
        .select(employerConsent.as('employer_consent'))
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', ids.slice(i, i + PAGE))
        .execute()),
    );
  }
  const found = new Set(rows.map((r) => r.id));
  const gone = marks.filter((m) => m.deleted || !found.has(m.graduate_id)).map((m) => m.graduate_id);
  return { rows, gone, latest };
}

/** How many graduates the tenant has (an index holding more has missed an erasure, which leaves no mark). */
export async function countTenantGraduates(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('graduates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The ids of every graduate of the tenant. */
export async function tenantGraduateIds(db: Db, tenantId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('graduates').select('id').where('tenant_id', '=', tenantId).execute();
  return new Set(rows.map((r) => r.id));
}

/** Which of `ids` (UUIDs, of any tenant) are graduates still: a primary-key probe each, in pages of 5,000. */
export async function presentGraduateIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (let from = 0; from < ids.length; from += 5_000) {
    const page = ids.slice(from, from + 5_000);
    const rows = await sql<{ id: string }>`select id from graduates where id = any(${page}::uuid[])`.execute(db);
    for (const row of rows.rows) present.add(row.id);
  }
  return present;
}

/** The graduates with these ids (the rows a candidate list finally scores and shows). */
export async function graduatesByIds(db: Db, tenantId: string, ids: readonly string[]): Promise<GraduateRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('graduates').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** What a candidate list shows of a listed graduate: only these columns are read (the profile's JSON is not). */
export type CandidateCardRow = Pick<GraduateRow, 'id' | 'name' | 'education'>;

export async function candidateCardsByIds(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<CandidateCardRow[]> {
  if (ids.length === 0) return [];
  let shape = cardShapes.get(ids.length);
  if (shape === undefined) {
    shape = shapeOf(1 + ids.length, ([tenant = '', ...some]) => candidateCardsQuery(db, tenant, some));
    if (cardShapes.size >= CARD_SHAPES_HELD) cardShapes.clear();
    cardShapes.set(ids.length, shape);
  }
  return (await db.executeQuery(shape.bind([tenantId, ...ids]))).rows;
}

/** candidateCardsByIds' statement as Kysely builds it (exported for the test comparing the compiled-once text). */
export const candidateCardsQuery = (db: Db, tenantId: string, ids: readonly string[]) =>
  db
    .selectFrom('graduates')
    .select(['id', 'name', 'education'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids);

/** Compiled once per id count (a list's length: a few recur), bounded as a caller may pass any count. */
const cardShapes = new Map<number, StatementShape<CandidateCardRow>>();
const CARD_SHAPES_HELD = 64;
