import { sql } from 'kysely';
import type { AlertDigestRow, GraduateAlertRow, SavedSearchRow } from './alerts.schema.ts';
import type { Db } from './db.ts';
import { jsonb } from './jsonb.ts';

// ——— saved searches ———

export interface NewSavedSearch {
  id: string;
  tenantId: string;
  graduateId: string;
  name: string;
  query: Record<string, unknown> | null;
  /** Set for a profile-fit search: alert postings whose match with the profile reaches it. */
  minScore: number | null;
  frequency: string;
  now: Date;
}

/** Inserts the search unless the graduate already has one of that name (then undefined). */
export async function insertSavedSearch(db: Db, v: NewSavedSearch): Promise<SavedSearchRow | undefined> {
  return db
    .insertInto('saved_searches')
    .values({
      id: v.id,
      tenant_id: v.tenantId,
      graduate_id: v.graduateId,
      name: v.name,
      query: v.query === null ? null : jsonb(v.query),
      kind: v.minScore === null ? 'query' : 'profile',
      min_score: v.minScore,
      frequency: v.frequency,
      checked_through: v.now,
      alerts_from: v.now,
      created_at: v.now,
      updated_at: v.now,
    })
    .onConflict((oc) => oc.columns(['graduate_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function countSavedSearches(db: Db, tenantId: string, graduateId: string): Promise<number> {
  const r = await db
    .selectFrom('saved_searches')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The graduate's saved searches, oldest first. */
export async function listSavedSearches(db: Db, tenantId: string, graduateId: string): Promise<SavedSearchRow[]> {
  return db
    .selectFrom('saved_searches')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findSavedSearch(
  db: Db,
  tenantId: string,
  graduateId: string,
  id: string,
): Promise<SavedSearchRow | undefined> {
  return db
    .selectFrom('saved_searches')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface SavedSearchChange {
  name?: string;
  query?: Record<string, unknown>;
  minScore?: number;
  frequency?: string;
  /** Set with a new query: alerts start again from now. */
  checkedThrough?: Date;
  now: Date;
}

/** Applies the change; undefined when the search is gone, 'duplicate_name' when the new name is taken. */
export async function updateSavedSearch(
  db: Db,
  tenantId: string,
  id: string,
  change: SavedSearchChange,
): Promise<SavedSearchRow | 'duplicate_name' | undefined> {
  if (change.name !== undefined) {
    const clash = await db
      .selectFrom('saved_searches as s')
      .innerJoin('saved_searches as other', 'other.graduate_id', 's.graduate_id')
      .select('other.id')
      .where('s.id', '=', id)
      .where('other.id', '<>', id)
      .where('other.name', '=', change.name)
      .executeTakeFirst();
    if (clash) return 'duplicate_name';
  }
  return db
    .updateTable('saved_searches')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.query !== undefined ? { query: jsonb(change.query) } : {}),
      ...(change.minScore !== undefined ? { min_score: change.minScore } : {}),
      ...(change.frequency !== undefined ? { frequency: change.frequency } : {}),
      ...(change.checkedThrough !== undefined
        ? { checked_through: change.checkedThrough, alerts_from: change.checkedThrough }
        : {}),
      updated_at: change.now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteSavedSearch(db: Db, tenantId: string, graduateId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('saved_searches')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Every saved search of the tenant (the alert pass runs them all). */
export async function savedSearchesOfTenant(db: Db, tenantId: string): Promise<SavedSearchRow[]> {
  return db.selectFrom('saved_searches').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
}

/** Whether any graduate of the tenant saved a search (uses the saved searches' tenant index). */
export async function tenantHasSavedSearches(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('saved_searches')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Tenants with at least one saved search. */
export async function tenantsWithSavedSearches(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('saved_searches').select('tenant_id').distinct().execute();
  return rows.map((r) => r.tenant_id);
}

/** Moves the search's watermark from `from` to `to`, unless another pass moved it first (then false). */
export async function advanceSavedSearch(db: Db, id: string, from: Date, to: Date): Promise<boolean> {
  const r = await db
    .updateTable('saved_searches')
    .set({ checked_through: to })
    .where('id', '=', id)
    .where('checked_through', '=', from)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** A posting the tenant changed or opened after a time. */
export interface ChangedPosting {
  id: string;
  /** When it last changed, or the day it opened when that is later. */
  changedAt: Date;
}

/**
 * Postings of the tenant changed in (since, until], or whose opening day falls in it (a posting written
 * before its opening day counts as new on that day). Uses the (tenant_id, updated_at) index.
 */
export async function changedPostings(db: Db, tenantId: string, since: Date, until: Date): Promise<ChangedPosting[]> {
  const sinceDay = since.toISOString().slice(0, 10);
  const untilDay = until.toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('job_postings')
    .select(['id', 'updated_at', 'opens_at'])
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb.and([eb('updated_at', '>', since), eb('updated_at', '<=', until)]),
        eb.and([eb('opens_at', '>', sinceDay), eb('opens_at', '<=', untilDay)]),
      ]),
    )
    .execute();
  return rows.map((r) => {
    const opened = r.opens_at ? new Date(`${r.opens_at}T00:00:00Z`) : null;
    const changedAt = opened && opened > r.updated_at && opened <= until ? opened : r.updated_at;
    return { id: r.id, changedAt };
  });
}

// ——— alerts (the feed) ———

export interface NewAlert {
  id: string;
  tenantId: string;
  graduateId: string;
  savedSearchId: string;
  postingId: string;
  impressionId: string;
  score: number;
  explanation: string;
  now: Date;
}

/** Inserts the alerts not raised before (one per search and posting); returns the ids of those inserted. */
export async function insertAlerts(db: Db, rows: readonly NewAlert[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('graduate_alerts')
    .values(
      rows.map((v) => ({
        id: v.id,
        tenant_id: v.tenantId,
        graduate_id: v.graduateId,
        saved_search_id: v.savedSearchId,
        posting_id: v.postingId,
        impression_id: v.impressionId,
        score: v.score,
        explanation: v.explanation,
        created_at: v.now,
      })),
    )
    .onConflict((oc) => oc.columns(['saved_search_id', 'posting_id']).doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

export interface AlertListRow extends GraduateAlertRow {
  search_name: string;
  title: string;
  locations: string[];
  job_type: string;
  employer_name: string | null;
}

export interface AlertFilter {
  unreadOnly: boolean;
  includeDismissed: boolean;
  /** Newest first: rows strictly before this (created_at, id). */
  before?: { createdAt: string; id: string } | undefined;
  limit: number;
}

const alertRows = (db: Db, tenantId: string, graduateId: string) =>
  db
    .selectFrom('graduate_alerts as a')
    .innerJoin('saved_searches as s', 's.id', 'a.saved_search_id')
    .innerJoin('job_postings as p', 'p.id', 'a.posting_id')
    .leftJoin('employers as e', 'e.id', 'p.employer_id')
    .selectAll('a')
    .select(['s.name as search_name', 'p.title', 'p.locations', 'p.job_type', 'e.name as employer_name'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.graduate_id', '=', graduateId);

/** The graduate's feed, newest first. */
export async function listAlerts(
  db: Db,
  tenantId: string,
  graduateId: string,
  filter: AlertFilter,
): Promise<AlertListRow[]> {
  let q = alertRows(db, tenantId, graduateId);
  if (filter.unreadOnly) q = q.where('a.read_at', 'is', null);
  if (!filter.includeDismissed) q = q.where('a.dismissed_at', 'is', null);
  const before = filter.before;
  if (before) q = q.where(sql<boolean>`(a.created_at, a.id) < (${new Date(before.createdAt)}, ${before.id}::uuid)`);
  return q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(filter.limit).execute();
}

export async function findAlert(
  db: Db,
  tenantId: string,
  graduateId: string,
  id: string,
): Promise<AlertListRow | undefined> {
  return alertRows(db, tenantId, graduateId).where('a.id', '=', id).executeTakeFirst();
}

export async function countUnread(db: Db, tenantId: string, graduateId: string): Promise<number> {
  const r = await db
    .selectFrom('graduate_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('read_at', 'is', null)
    .where('dismissed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Sets or clears read_at and dismissed_at (undefined leaves a column alone). */
export async function markAlert(
  db: Db,
  tenantId: string,
  graduateId: string,
  id: string,
  change: { readAt?: Date | null; dismissedAt?: Date | null },
): Promise<boolean> {
  const r = await db
    .updateTable('graduate_alerts')
    .set({
      ...(change.readAt !== undefined ? { read_at: change.readAt } : {}),
      ...(change.dismissedAt !== undefined ? { dismissed_at: change.dismissedAt } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Every alert of the graduate, oldest first (the data export). */
export async function alertsOfGraduate(db: Db, tenantId: string, graduateId: string): Promise<AlertListRow[]> {
  return alertRows(db, tenantId, graduateId).orderBy('a.created_at').orderBy('a.id').execute();
}

// ——— digests ———

/**
 * Graduates with alerts waiting for a digest: not in one yet, not dismissed, raised since `since` (when the
 * webhook was set), from searches that want digests; with the shortest period among those searches.
 */
export async function digestCandidates(
  db: Db,
  tenantId: string,
  since: Date,
): Promise<{ graduateId: string; daily: boolean }[]> {
  const rows = await db
    .selectFrom('graduate_alerts as a')
    .innerJoin('saved_searches as s', 's.id', 'a.saved_search_id')
    .select('a.graduate_id')
    .select(sql<boolean>`bool_or(s.frequency = 'daily')`.as('daily'))
    .where('a.tenant_id', '=', tenantId)
    .where('a.digest_id', 'is', null)
    .where('a.dismissed_at', 'is', null)
    .where('a.created_at', '>=', since)
    .where('s.frequency', '<>', 'feed_only')
    .groupBy('a.graduate_id')
    .execute();
  return rows.map((r) => ({ graduateId: r.graduate_id, daily: Boolean(r.daily) }));
}

/** When the graduate's last digest was made, if ever; locks the graduate's digests against a concurrent pass. */
export async function lastDigestAt(db: Db, tenantId: string, graduateId: string): Promise<Date | null> {
  await sql`select id from graduates where tenant_id = ${tenantId} and id = ${graduateId} for update`.execute(db);
  const r = await db
    .selectFrom('alert_digests')
    .select((eb) => eb.fn.max('created_at').as('last'))
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .executeTakeFirst();
  const last = r?.last;
  return last ? new Date(last as Date | string) : null;
}

export async function insertDigest(
  db: Db,
  v: { id: string; tenantId: string; graduateId: string; itemCount: number; now: Date },
): Promise<void> {
  await db
    .insertInto('alert_digests')
    .values({
      id: v.id,
      tenant_id: v.tenantId,
      graduate_id: v.graduateId,
      item_count: v.itemCount,
      status: 'pending',
      created_at: v.now,
    })
    .execute();
}

/** Puts the graduate's waiting alerts (as digestCandidates counts them) into the digest; returns how many. */
export async function claimForDigest(
  db: Db,
  tenantId: string,
  graduateId: string,
  digestId: string,
  since: Date,
): Promise<number> {
  const r = await db
    .updateTable('graduate_alerts')
    .set({ digest_id: digestId })
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('digest_id', 'is', null)
    .where('dismissed_at', 'is', null)
    .where('created_at', '>=', since)
    .where('saved_search_id', 'in', (eb) =>
      eb
        .selectFrom('saved_searches')
        .select('id')
        .where('graduate_id', '=', graduateId)
        .where('frequency', '<>', 'feed_only'),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function setDigestCount(db: Db, id: string, itemCount: number): Promise<void> {
  await db.updateTable('alert_digests').set({ item_count: itemCount }).where('id', '=', id).execute();
}

export async function findDigest(db: Db, tenantId: string, id: string): Promise<AlertDigestRow | undefined> {
  return db
    .selectFrom('alert_digests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The digest's alerts, best first. */
export async function digestItems(db: Db, tenantId: string, digestId: string): Promise<AlertListRow[]> {
  return db
    .selectFrom('graduate_alerts as a')
    .innerJoin('saved_searches as s', 's.id', 'a.saved_search_id')
    .innerJoin('job_postings as p', 'p.id', 'a.posting_id')
    .leftJoin('employers as e', 'e.id', 'p.employer_id')
    .selectAll('a')
    .select(['s.name as search_name', 'p.title', 'p.locations', 'p.job_type', 'e.name as employer_name'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.digest_id', '=', digestId)
    .orderBy('a.score', 'desc')
    .orderBy('a.id')
    .execute();
}

/** Records one delivery attempt and its outcome. */
export async function recordDigestAttempt(
  db: Db,
  id: string,
  v: {
    status: 'pending' | 'delivered' | 'failed' | 'skipped';
    statusCode: number | null;
    error: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable('alert_digests')
    .set((eb) => ({
      status: v.status,
      attempts: eb('attempts', '+', 1),
      last_status_code: v.statusCode,
      last_error: v.error?.slice(0, 500) ?? null,
      ...(v.status === 'delivered' ? { delivered_at: v.at } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function digestsOfGraduate(db: Db, tenantId: string, graduateId: string): Promise<AlertDigestRow[]> {
  return db
    .selectFrom('alert_digests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .orderBy('created_at')
    .execute();
}

/** The language each graduate reads (alerts are explained in it); graduates erased meanwhile are absent. */
export async function graduateLangs(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('graduates')
    .select(['id', 'lang'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.lang]));
}

export async function deleteDigest(db: Db, id: string): Promise<void> {
  await db.deleteFrom('alert_digests').where('id', '=', id).execute();
}
