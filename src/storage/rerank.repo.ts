import { sql } from 'kysely';
import type { RerankAttribute } from '../domain/model/reranking-settings.ts';
import type { Db } from './db.ts';
import { ATTRIBUTE_COLUMNS } from './demographic-columns.ts';
import { jsonb } from './jsonb.ts';

/**
 * Each listed graduate's stored value of ONE protected attribute, only where the graduate's latest
 * fairness_audit consent event is a grant (the audit's rule); no consent or no row, no entry.
 */
export async function consentedAttributeValues(
  db: Db,
  tenantId: string,
  attribute: RerankAttribute,
  graduateIds: readonly string[],
): Promise<Array<{ graduateId: string; value: string | null }>> {
  const column = sql.ref(`d.${ATTRIBUTE_COLUMNS[attribute]}`);
  const out: Array<{ graduateId: string; value: string | null }> = [];
  for (let i = 0; i < graduateIds.length; i += 1_000) {
    const ids = graduateIds.slice(i, i + 1_000);
    if (ids.length === 0) continue;
    const rows = await sql<{ graduate_id: string; value: string | null }>`
      select d.graduate_id, ${column} as value from graduate_demographics d
      join lateral (
        select c.granted from consents c
        where c.graduate_id = d.graduate_id and c.tenant_id = d.tenant_id and c.purpose = 'fairness_audit'
        order by c.created_at desc, c.seq desc limit 1
      ) latest on latest.granted
      where d.tenant_id = ${tenantId} and d.graduate_id in (${sql.join(ids)})`.execute(db);
    for (const r of rows.rows) out.push({ graduateId: r.graduate_id, value: r.value });
  }
  return out;
}

/** One re-ranked candidate list: ids and scores before and as served, never anyone's group. */
export interface RerankLogEntry {
  id: string;
  tenantId: string;
  listId: string;
  postingId: string;
  requestId: string;
  method: string;
  attribute: string;
  params: unknown;
  before: readonly { id: string; score: number }[];
  after: readonly { id: string; score: number }[];
  considered: number;
  violations: readonly unknown[];
  moves?: readonly unknown[];
  createdAt: Date;
}

export async function insertRerankLog(db: Db, e: RerankLogEntry): Promise<void> {
  await db
    .insertInto('rerank_log')
    .values({
      id: e.id,
      tenant_id: e.tenantId,
      list_id: e.listId,
      posting_id: e.postingId,
      request_id: e.requestId,
      method: e.method,
      attribute: e.attribute,
      params: jsonb(e.params),
      before_ids: jsonb(e.before.map((s) => s.id)),
      before_scores: jsonb(e.before.map((s) => s.score)),
      after_ids: jsonb(e.after.map((s) => s.id)),
      after_scores: jsonb(e.after.map((s) => s.score)),
      considered: e.considered,
      prefix_ok: e.violations.length === 0,
      violations: jsonb(e.violations),
      moves: jsonb(e.moves ?? []),
      created_at: e.createdAt,
    })
    .execute();
}

const asJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map((x) => Number(x)) : []);

/** Re-ranked lists logged in [from, to), newest first, at most `limit`. */
export async function listRerankLog(db: Db, w: { tenantId: string; from: Date; to: Date }, limit: number) {
  const rows = await db
    .selectFrom('rerank_log')
    .select(['method', 'attribute', 'params', 'prefix_ok', 'before_ids', 'before_scores', 'after_ids', 'after_scores'])
    .where('tenant_id', '=', w.tenantId)
    .where('created_at', '>=', w.from)
    .where('created_at', '<', w.to)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    method: r.method,
    attribute: r.attribute,
    params: asJson(r.params),
    prefixOk: r.prefix_ok,
    beforeIds: strings(asJson(r.before_ids)),
    beforeScores: numbers(asJson(r.before_scores)),
    afterIds: strings(asJson(r.after_ids)),
    afterScores: numbers(asJson(r.after_scores)),
  }));
}

/** One cell's counts to add to a day of the cross-list tally. */
export interface TallyRow {
  grouping: string;
  cell: string;
  memberships: number;
  selected: number;
}

/** Adds a served list's counts to the tenant's tally of that UTC day (concurrent lists add, never overwrite). */
export async function addRerankTally(
  db: Db,
  w: { tenantId: string; day: string; selectedTop: number },
  rows: readonly TallyRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('rerank_tally')
    .values(
      rows.map((r) => ({
        tenant_id: w.tenantId,
        day: w.day,
        grouping: r.grouping,
        cell: r.cell,
        selected_top: w.selectedTop,
        memberships: r.memberships,
        selected: r.selected,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'selected_top', 'day', 'grouping', 'cell']).doUpdateSet({
        memberships: sql<number>`rerank_tally.memberships + excluded.memberships`,
        selected: sql<number>`rerank_tally.selected + excluded.selected`,
      }),
    )
    .execute();
}

/** The tenant's tally summed over the UTC days from `fromDay` (inclusive), per grouping and cell. */
export async function readRerankTally(
  db: Db,
  w: { tenantId: string; fromDay: string; selectedTop: number },
): Promise<TallyRow[]> {
  const rows = await db
    .selectFrom('rerank_tally')
    .select([
      'grouping',
      'cell',
      sql<string>`sum(memberships)`.as('memberships'),
      sql<string>`sum(selected)`.as('selected'),
    ])
    .where('tenant_id', '=', w.tenantId)
    .where('selected_top', '=', w.selectedTop)
    .where(sql<boolean>`day >= ${w.fromDay}::date`)
    .groupBy(['grouping', 'cell'])
    .execute();
  return rows.map((r) => ({
    grouping: r.grouping,
    cell: r.cell,
    memberships: Number(r.memberships),
    selected: Number(r.selected),
  }));
}

/** The re-ranking log row of one served list (ids, ranks, moves and params), or null when it was not re-ranked. */
export async function findRerankLogForList(db: Db, tenantId: string, listId: string) {
  const r = await db
    .selectFrom('rerank_log')
    .select(['method', 'params', 'before_ids', 'after_ids', 'moves'])
    .where('tenant_id', '=', tenantId)
    .where('list_id', '=', listId)
    .executeTakeFirst();
  if (!r) return null;
  const moves = asJson(r.moves);
  return {
    method: r.method,
    params: asJson(r.params),
    beforeIds: strings(asJson(r.before_ids)),
    afterIds: strings(asJson(r.after_ids)),
    moves: Array.isArray(moves) ? (moves as unknown[]) : [],
  };
}
