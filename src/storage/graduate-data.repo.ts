import { notFound } from '../domain/errors.ts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';
import { eraseGraduateSummary } from './skill-summary.repo.ts';

/**
 * Rows about one graduate in the matching tables (impressions, interactions, embeddings). Those tables
 * belong to the matching engine, so they are read here with plain SQL rather than through its types.
 */
type Db = Kysely<DB> | Transaction<DB>;

export interface ImpressionRecord {
  id: string;
  list_id: string;
  list_kind: string;
  viewer_role: string;
  posting_id: string;
  rank: number;
  score: number;
  components: unknown;
  match_detail: unknown;
  model_version: string;
  embedder_id: string;
  personalized: boolean;
  reranked: boolean;
  created_at: Date;
}

export interface InteractionRecord {
  id: string;
  posting_id: string;
  impression_id: string | null;
  type: string;
  reason: string | null;
  actor_role: string;
  occurred_at: Date;
  created_at: Date;
}

export interface EmbeddingRecord {
  model_id: string;
  dims: number;
  content_hash: string;
  updated_at: Date;
}

export async function listImpressionsOf(db: Db, tenantId: string, graduateId: string): Promise<ImpressionRecord[]> {
  const r = await sql<ImpressionRecord>`select id, list_id, list_kind, viewer_role, posting_id, rank, score,
    components, match_detail,
      model_version, embedder_id, personalized, reranked, created_at
    from impressions where tenant_id = ${tenantId} and graduate_id = ${graduateId} order by created_at,
    list_id, rank`.execute(db);
  return r.rows;
}

export async function listInteractionsOf(db: Db, tenantId: string, graduateId: string): Promise<InteractionRecord[]> {
  const r =
    await sql<InteractionRecord>`select id, posting_id, impression_id, type, reason, actor_role, occurred_at, created_at
    from interactions where tenant_id = ${tenantId} and graduate_id = ${graduateId} order by occurred_at, id`.execute(
      db,
    );
  return r.rows;
}

/** Metadata of the graduate's stored vectors (the vectors themselves are derived from the profile). */
export async function listEmbeddingsOf(db: Db, tenantId: string, graduateId: string): Promise<EmbeddingRecord[]> {
  const r = await sql<EmbeddingRecord>`select model_id, dims, content_hash, updated_at from embeddings
    where tenant_id = ${tenantId} and entity_type = 'graduate' and entity_id = ${graduateId} order by model_id`.execute(
    db,
  );
  return r.rows;
}

/** Whether an impression or a list was shown about this graduate (appeals may only contest their own). */
export async function impressionOf(
  db: Db,
  tenantId: string,
  graduateId: string,
  impressionId: string,
): Promise<{ posting_id: string } | undefined> {
  const r = await sql<{ posting_id: string }>`select posting_id from impressions
    where tenant_id = ${tenantId} and graduate_id = ${graduateId} and id = ${impressionId}`.execute(db);
  return r.rows[0];
}

export async function listShownAbout(db: Db, tenantId: string, graduateId: string, listId: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from impressions
    where tenant_id = ${tenantId} and graduate_id = ${graduateId} and list_id = ${listId}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

export interface PseudonymizeCounts {
  impressions: number;
  interactions: number;
  accessLog: number;
  rerankLog: number;
  /** Job-fair plans (job_fair_runs.result) and their recorded changes that named the graduate. */
  jobFairs: number;
}

const affected = (r: { numAffectedRows?: bigint }): number => Number(r.numAffectedRows ?? 0n);

/**
 * Replaces the graduate's id with one fresh pseudonym in every log row, so audit counts (who was shown
 * what, who applied) stay right while nothing links back to the person.
 */
export async function pseudonymizeGraduate(
  db: Db,
  tenantId: string,
  graduateId: string,
  pseudonym: string,
  keyIds: readonly string[],
): Promise<PseudonymizeCounts> {
  const impressions = await sql`update impressions set graduate_id = ${pseudonym}
    where tenant_id = ${tenantId} and graduate_id = ${graduateId}`.execute(db);
  // The viewer of a graduate's own list may be recorded by graduate id or by key id.
  for (const viewer of [graduateId, ...keyIds]) {
    await sql`update impressions set viewer_id = ${pseudonym} where tenant_id = ${tenantId} and viewer_id =
      ${viewer}`.execute(db);
  }
  const interactions = await sql`update interactions set graduate_id = ${pseudonym}
    where tenant_id = ${tenantId} and graduate_id = ${graduateId}`.execute(db);
  const accessLog = await sql`update access_log set graduate_id = ${pseudonym},
      subject_id = case when subject_id = ${graduateId} then ${pseudonym} else subject_id end
    where tenant_id = ${tenantId} and graduate_id = ${graduateId}`.execute(db);
  // Fairness re-ranking logs keep the orders as id arrays; the pseudonym takes the graduate's places.
  const swap = (
    column: 'before_ids' | 'after_ids',
  ) => sql`(select coalesce(jsonb_agg(case when x = to_jsonb(${graduateId}::text) then
    to_jsonb(${pseudonym}::text) else x end order by o), '[]'::jsonb)
    from jsonb_array_elements(${sql.ref(column)}) with ordinality as t(x, o))`;
  const rerankLog = await sql`update rerank_log set before_ids = ${swap('before_ids')}, after_ids =
    ${swap('after_ids')}
    where tenant_id = ${tenantId} and (before_ids @> to_jsonb(array[${graduateId}::text]) or after_ids @>
    to_jsonb(array[${graduateId}::text]))`.execute(db);
  const jobFairs = await pseudonymizeInFairPlans(db, tenantId, graduateId, pseudonym);
  return {
    impressions: affected(impressions),
    interactions: affected(interactions),
    accessLog: affected(accessLog),
    rerankLog: affected(rerankLog),
    jobFairs,
  };
}

/**
 * Job-fair plans and their changes keep graduates as ids (names are joined when rendered); the pseudonym
 * takes the graduate's id wherever it appears, so interview counts and group rates stay. Ids are UUIDs,
 * so replacing the quoted JSON string is an exact swap of that value and nothing else.
 */
async function pseudonymizeInFairPlans(
  db: Db,
  tenantId: string,
  graduateId: string,
  pseudonym: string,
): Promise<number> {
  const from = JSON.stringify(graduateId);
  const to = JSON.stringify(pseudonym);
  const swap = (column: string) => sql`replace(${sql.ref(column)}::text, ${from}, ${to})::jsonb`;
  const holds = (column: string) => sql`strpos(${sql.ref(column)}::text, ${from}) > 0`;
  const runs = await sql`update job_fair_runs set result = ${swap('result')}
    where tenant_id = ${tenantId} and ${holds('result')}`.execute(db);
  const changes =
    await sql`update job_fair_changes set cancellation = ${swap('cancellation')}, changes = ${swap('changes')}
    where tenant_id = ${tenantId} and (${holds('cancellation')} or ${holds('changes')})`.execute(db);
  return affected(runs) + affected(changes);
}

export async function graduateKeyIds(db: Db, tenantId: string, graduateId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes the graduate's vectors (the count returned) and what the index derived from their profile. */
export async function deleteGraduateEmbeddings(db: Db, tenantId: string, graduateId: string): Promise<number> {
  const r = await sql`delete from embeddings where tenant_id = ${tenantId} and entity_type = 'graduate' and entity_id
      = ${graduateId}`.execute(db);
  await sql`delete from index_derivations where tenant_id = ${tenantId} and entity_type = 'graduate'
      and entity_id = ${graduateId}`.execute(db);
  return affected(r);
}

/**
 * Tables whose rows belong to one graduate (keyed by `graduate_id`) and are deleted with them. A new table
 * of the graduate's own (a résumé file or draft, say) is added here and marked `deleted` in the erasure
 * registry; the erasure test fails until both are done.
 */
const GRADUATE_OWNED_TABLES = [
  'graduate_demographics',
  'consents',
  'profile_events',
  'reviews',
  'api_keys',
  'job_fair_registrations',
  'graduate_outcomes',
  'application_events',
  'applications',
  // Alerts reference their digest and their search, so they go first.
  'graduate_alerts',
  'alert_digests',
  'saved_searches',
  'resume_drafts',
  'resume_files',
] as const;

/** Deletes everything else keyed by the graduate, the profile last. Returns whether the profile existed. */
export async function deleteGraduateRows(db: Db, tenantId: string, graduateId: string): Promise<boolean> {
  for (const table of GRADUATE_OWNED_TABLES) {
    await sql`delete from ${sql.table(table)} where tenant_id = ${tenantId} and graduate_id = ${graduateId}`.execute(
      db,
    );
  }
  const r = await db
    .deleteFrom('graduates')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', graduateId)
    .executeTakeFirst();
  // The delete trigger leaves a change mark naming the graduate for the candidate indexes; erasure keeps no
  // id, so the mark goes too and each index finds the graduate gone by its count (graduate-engine.ts).
  await db.deleteFrom('graduate_index_changes').where('graduate_id', '=', graduateId).execute();
  // Their share of the skill summaries is subtracted now and their facts row and change mark go with them.
  await eraseGraduateSummary(db, tenantId, graduateId);
  return r.numDeletedRows > 0n;
}

/**
 * The graduate locked for the rest of the transaction, or 404: changes to their consent and the data that
 * depends on it (demographics, personalization) serialize.
 */
export async function lockGraduateOr404(
  db: Db,
  tenantId: string,
  graduateId: string,
): Promise<{ id: string; personalizationEnabled: boolean }> {
  const row = await db
    .selectFrom('graduates')
    .select(['id', 'personalization_enabled'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', graduateId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Graduate');
  return { id: row.id, personalizationEnabled: row.personalization_enabled };
}

export async function setPersonalizationEnabled(
  db: Db,
  tenantId: string,
  graduateId: string,
  enabled: boolean,
  now: Date,
): Promise<void> {
  await db
    .updateTable('graduates')
    .set({ personalization_enabled: enabled, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', graduateId)
    .execute();
}
