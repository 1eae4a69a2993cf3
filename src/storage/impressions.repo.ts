import type { Db } from './db.ts';
import type { ImpressionsTable } from './schema.ts';
import type { Insertable } from 'kysely';
import type { MatchDetail } from '../domain/matching/served.ts';

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

/** Writes served items in statements of 500 rows (bounded parameter counts). */
/**
 * Idempotent by id: the batched log writes again what a failed flush held, and part of it may be stored already
 * (an earlier chunk, or a commit whose answer was lost with the connection); those rows are skipped, not an error
 * that would fail every later retry.
 */
export async function insertImpressions(db: Db, rows: readonly NewImpression[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('impressions')
      .values(rows.slice(i, i + 500).map(toValues))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
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
