import type { Db } from './db.ts';
import type { ImpressionsTable } from './schema.ts';
import { CompiledQuery, type Insertable } from 'kysely';
import type { MatchDetail } from '../domain/matching/served.ts';
import { placeholder } from './statement-shape.ts';

/** One item of a served list, as the matching use-cases describe it. */
export interface NewImpression {
  id: string;
  tenantId: string;
  requestId: string;
  listId: string;
  listKind: 'recommendations' | 'candidates' | 'search' | 'alert';
  viewerRole: string;
  viewerId: string | null;
  /** Null only on a search made with a key that is not a graduate's. */
  graduateId: string | null;
  postingId: string;
  rank: number;
  score: number;
  /** The score's components as served ([] on a non-personalized list). */
  components: readonly unknown[];
  /** The rest of the match as served (skills, evidence, criteria, terms); absent on a non-personalized list. */
  matchDetail?: MatchDetail | null;
  /**
   * JSON.stringify(components) and of matchDetail, when the caller holds them already (a kept list records the same
   * match list after list); else they are written here.
   */
  stored?: { components: string; matchDetail: string } | undefined;
  modelVersion: string;
  embedderId: string;
  personalized: boolean;
  reranked?: boolean;
  createdAt: Date;
}

const toValues = (i: NewImpression): Insertable<ImpressionsTable> => ({
  id: i.id,
  tenant_id: i.tenantId,
  request_id: i.requestId,
  list_id: i.listId,
  list_kind: i.listKind,
  viewer_role: i.viewerRole,
  viewer_id: i.viewerId,
  graduate_id: i.graduateId,
  posting_id: i.postingId,
  rank: i.rank,
  score: i.score,
  components: JSON.stringify(i.components),
  match_detail: i.matchDetail ? JSON.stringify(i.matchDetail) : null,
  model_version: i.modelVersion,
  embedder_id: i.embedderId,
  personalized: i.personalized,
  ...(i.reranked === undefined ? {} : { reranked: i.reranked }),
  created_at: i.createdAt,
});

/** toValues' columns in its order, each with its value (a row without `reranked` leaves that column out). */
const COLUMNS: ReadonlyArray<readonly [keyof Insertable<ImpressionsTable>, (i: NewImpression) => unknown]> = [
  ['id', (i) => i.id],
  ['tenant_id', (i) => i.tenantId],
  ['request_id', (i) => i.requestId],
  ['list_id', (i) => i.listId],
  ['list_kind', (i) => i.listKind],
  ['viewer_role', (i) => i.viewerRole],
  ['viewer_id', (i) => i.viewerId],
  ['graduate_id', (i) => i.graduateId],
  ['posting_id', (i) => i.postingId],
  ['rank', (i) => i.rank],
  ['score', (i) => i.score],
  ['components', (i) => i.stored?.components ?? JSON.stringify(i.components)],
  ['match_detail', (i) => (i.matchDetail ? (i.stored?.matchDetail ?? JSON.stringify(i.matchDetail)) : null)],
  ['model_version', (i) => i.modelVersion],
  ['embedder_id', (i) => i.embedderId],
  ['personalized', (i) => i.personalized],
  ['reranked', (i) => i.reranked],
  ['created_at', (i) => i.createdAt],
];
const WITHOUT_RERANKED = COLUMNS.filter(([column]) => column !== 'reranked');
/** Each list's value functions alone, read by index: destructuring [, value] per cell made an iterator a cell. */
type ValueOf = (i: NewImpression) => unknown;
const VALUES: readonly ValueOf[] = COLUMNS.map(([, value]) => value);
const VALUES_WITHOUT_RERANKED: readonly ValueOf[] = WITHOUT_RERANKED.map(([, value]) => value);

const insertQuery = (db: Db, values: ReadonlyArray<Insertable<ImpressionsTable>>) =>
  db
    .insertInto('impressions')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing());

/**
 * The insert's text for n rows, with or without `reranked`: Kysely's text for one row, compiled once per column set,
 * with its VALUES tuple repeated n times and numbered on, as Kysely numbers them (the unit test compares both). A
 * batch's row count varies with the lists it holds, and building Kysely's operation tree of n rows to compile a new
 * count took 4-17 ms for 20-140 rows (up to 70 ms for 500), in one synchronous stretch; the texts are bounded, as a
 * caller may pass any count up to a chunk's 500.
 */
const oneRow = new Map<number, { head: string; tail: string }>();
const texts = new Map<string, string>();
const TEXTS_HELD = 64;

function insertText(db: Db, rows: number, columns: typeof COLUMNS): string {
  const key = `${rows}:${columns.length}`;
  let text = texts.get(key);
  if (text !== undefined) return text;
  let parts = oneRow.get(columns.length);
  if (parts === undefined) {
    const row = Object.fromEntries(columns.map(([column], c) => [column, placeholder(c)]));
    const sql = insertQuery(db, [row as Insertable<ImpressionsTable>]).compile().sql;
    // The one tuple: `values ($1, …, $k)`, the only parenthesis after `values`.
    const open = sql.indexOf(' values (') + ' values '.length;
    const close = sql.indexOf(')', open) + 1;
    parts = { head: sql.slice(0, open), tail: sql.slice(close) };
    oneRow.set(columns.length, parts);
  }
  const tuples = new Array<string>(rows);
  for (let r = 0; r < rows; r++) {
    const cells = new Array<string>(columns.length);
    for (let c = 0; c < columns.length; c++) cells[c] = `$${r * columns.length + c + 1}`;
    tuples[r] = `(${cells.join(', ')})`;
  }
  text = parts.head + tuples.join(', ') + parts.tail;
  if (texts.size >= TEXTS_HELD) texts.clear();
  texts.set(key, text);
  return text;
}

/** One statement: Kysely's insert of toValues(rows), its text compiled once per shape. */
async function insertChunk(db: Db, rows: readonly NewImpression[]): Promise<void> {
  const reranked = rows[0]?.reranked !== undefined;
  if (rows.some((r) => (r.reranked !== undefined) !== reranked)) {
    // Rows differing in `reranked` (not served together today): Kysely fills the missing ones with DEFAULT.
    await insertQuery(db, rows.map(toValues)).execute();
    return;
  }
  const columns = reranked ? COLUMNS : WITHOUT_RERANKED;
  const getters = reranked ? VALUES : VALUES_WITHOUT_RERANKED;
  const values = new Array<unknown>(rows.length * getters.length);
  let j = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as NewImpression;
    for (let c = 0; c < getters.length; c++) values[j++] = (getters[c] as ValueOf)(row);
  }
  await db.executeQuery(CompiledQuery.raw(insertText(db, rows.length, columns), values));
}

/** Writes served items in statements of 500 rows (bounded parameter counts). */
/**
 * Idempotent by id: the batched log writes again what a failed flush held, and part of it may be stored already
 * (an earlier chunk, or a commit whose answer was lost with the connection); those rows are skipped, not an error
 * that would fail every later retry.
 */
export async function insertImpressions(db: Db, rows: readonly NewImpression[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insertChunk(db, rows.slice(i, i + 500));
}

/** An impression as served, for comparing with the score now. */
export interface ServedImpressionRow {
  id: string;
  listId: string;
  rank: number;
  score: number;
  components: unknown;
  matchDetail: unknown;
  modelVersion: string;
  embedderId: string;
  personalized: boolean;
  reranked: boolean;
  createdAt: Date;
}

/**
 * The given impression of a graduate–posting pair in a kind of list, or the latest one; only one viewer's when given.
 */
export async function findServedImpression(
  db: Db,
  tenantId: string,
  lookup: {
    graduateId: string;
    postingId: string;
    listKind: 'recommendations' | 'candidates';
    viewerId?: string | undefined;
    impressionId?: string | undefined;
  },
): Promise<ServedImpressionRow | undefined> {
  let q = db
    .selectFrom('impressions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', lookup.graduateId)
    .where('posting_id', '=', lookup.postingId)
    .where('list_kind', '=', lookup.listKind);
  if (lookup.viewerId !== undefined) q = q.where('viewer_id', '=', lookup.viewerId);
  if (lookup.impressionId !== undefined) q = q.where('id', '=', lookup.impressionId);
  const row = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return (
    row && {
      id: row.id,
      listId: row.list_id,
      rank: row.rank,
      score: Number(row.score),
      components: row.components,
      matchDetail: row.match_detail,
      modelVersion: row.model_version,
      embedderId: row.embedder_id,
      personalized: row.personalized,
      reranked: row.reranked,
      createdAt: new Date(row.created_at),
    }
  );
}

/** Whether this posting was ever served to this graduate. */
export async function wasServed(db: Db, tenantId: string, graduateId: string, postingId: string): Promise<boolean> {
  const row = await db
    .selectFrom('impressions')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('posting_id', '=', postingId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which graduate and posting an impression of this tenant was about. */
export async function findImpressionPair(
  db: Db,
  tenantId: string,
  id: string,
): Promise<{ graduateId: string; postingId: string; listKind: string } | undefined> {
  const row = await db
    .selectFrom('impressions')
    .select(['graduate_id', 'posting_id', 'list_kind'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { graduateId: row.graduate_id, postingId: row.posting_id, listKind: row.list_kind };
}

/** The items of one served candidate list, in rank order, with the employer of its posting. */
export async function servedCandidateList(db: Db, tenantId: string, listId: string) {
  const rows = await db
    .selectFrom('impressions')
    .innerJoin('job_postings', 'job_postings.id', 'impressions.posting_id')
    .select([
      'impressions.posting_id',
      'impressions.graduate_id',
      'impressions.rank',
      'impressions.score',
      'impressions.created_at',
      'impressions.model_version',
      'job_postings.employer_id',
    ])
    .where('impressions.tenant_id', '=', tenantId)
    .where('impressions.list_id', '=', listId)
    .where('impressions.list_kind', '=', 'candidates')
    .orderBy('impressions.rank')
    .execute();
  return rows.map((r) => ({
    postingId: r.posting_id,
    graduateId: r.graduate_id,
    rank: r.rank,
    score: r.score,
    createdAt: r.created_at,
    modelVersion: r.model_version,
    employerId: r.employer_id,
  }));
}
