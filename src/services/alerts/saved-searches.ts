import { DomainError, invalid, notFound } from '../../domain/errors.ts';
import { isoTime } from '../../domain/iso.ts';
import {
  MAX_SAVED_SEARCHES,
  savedSearchQuery,
  type AlertFrequency,
  type SavedSearch,
  type SavedSearchCreate,
  type SavedSearchUpdate,
} from '../../domain/model/saved-search.ts';
import * as repo from '../../storage/alerts.repo.ts';
import type { SavedSearchRow } from '../../storage/alerts.schema.ts';
import type { Db } from '../../storage/db.ts';
import { getGraduateOr404 } from '../../storage/graduates.repo.ts';
import { lockGraduateOr404 } from '../../storage/graduate-data.repo.ts';
import { assertCanSeeGraduate } from '../access.ts';
import { newId, withTransaction, type ServiceContext } from '../context.ts';
import { assertSelf } from '../self-access.ts';

export const toSavedSearch = (row: SavedSearchRow): SavedSearch => ({
  id: row.id,
  graduateId: row.graduate_id,
  name: row.name,
  // Stored from the parsed input; parsed again so the answer's type holds even for a hand-edited row.
  kind: row.kind === 'profile' ? 'profile' : 'query',
  query:
    row.query === null
      ? null
      : savedSearchQuery.parse(typeof row.query === 'string' ? JSON.parse(row.query) : row.query),
  profileMatch: row.min_score === null ? null : { minScore: row.min_score },
  frequency: row.frequency as AlertFrequency,
  checkedThrough: isoTime(row.checked_through),
  createdAt: isoTime(row.created_at),
  updatedAt: isoTime(row.updated_at),
});

const duplicateName = (name: string) =>
  new DomainError('conflict', `A saved search named "${name}" exists already.`, {
    errors: [{ path: 'body.name', message: 'is the name of another of your saved searches' }],
  });

/**
 * Saves a search (the graduate themself). Alerts start from postings that open or change after now.
 * At most MAX_SAVED_SEARCHES per graduate (409 naming body); names are unique per graduate (409 naming body.name).
 */
export async function createSavedSearch({
  ctx,
  graduateId,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  input: SavedSearchCreate;
}): Promise<SavedSearch> {
  assertSelf(ctx.principal, graduateId, 'save searches');
  const { tenantId } = ctx.principal;
  return withTransaction(ctx, async ({ database: { db } }) => {
    // Locked so two concurrent saves cannot both pass the limit.
    await lockGraduateOr404(db, tenantId, graduateId);
    if ((await repo.countSavedSearches(db, tenantId, graduateId)) >= MAX_SAVED_SEARCHES)
      throw new DomainError('conflict', `A graduate may keep at most ${MAX_SAVED_SEARCHES} saved searches.`, {
        errors: [{ path: 'body', message: `at most ${MAX_SAVED_SEARCHES} saved searches; delete one first` }],
      });
    const row = await repo.insertSavedSearch(db, {
      id: newId(),
      tenantId,
      graduateId,
      name: input.name,
      query: input.query ?? null,
      minScore: input.profileMatch?.minScore ?? null,
      frequency: input.frequency,
      now: ctx.clock.now(),
    });
    if (!row) throw duplicateName(input.name);
    return toSavedSearch(row);
  });
}

async function visibleGraduate(ctx: ServiceContext, graduateId: string): Promise<void> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  await getGraduateOr404(ctx.database.db, ctx.principal.tenantId, graduateId);
}

/** The graduate's saved searches, oldest first (the graduate, or staff of the tenant). */
export async function listSavedSearches({ ctx, graduateId }: { ctx: ServiceContext; graduateId: string }) {
  await visibleGraduate(ctx, graduateId);
  const rows = await repo.listSavedSearches(ctx.database.db, ctx.principal.tenantId, graduateId);
  return { items: rows.map(toSavedSearch), limit: MAX_SAVED_SEARCHES };
}

export async function getSavedSearch({
  ctx,
  graduateId,
  searchId,
}: {
  ctx: ServiceContext;
  graduateId: string;
  searchId: string;
}): Promise<SavedSearch> {
  await visibleGraduate(ctx, graduateId);
  const row = await repo.findSavedSearch(ctx.database.db, ctx.principal.tenantId, graduateId, searchId);
  if (!row) throw notFound('Saved search');
  return toSavedSearch(row);
}

/** Renames it, changes its frequency or replaces its query (alerts then start from postings changed after now). */
export async function updateSavedSearch({
  ctx,
  graduateId,
  searchId,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  searchId: string;
  input: SavedSearchUpdate;
}): Promise<SavedSearch> {
  assertSelf(ctx.principal, graduateId, 'change saved searches');
  const { tenantId } = ctx.principal;
  return withTransaction(ctx, async ({ database: { db } }) => {
    const before = await repo.findSavedSearch(db, tenantId, graduateId, searchId);
    if (!before) throw notFound('Saved search');
    if (before.kind === 'profile' && input.query !== undefined)
      throw invalid('body.query', 'a profile-fit search has no query; change profileMatch instead');
    if (before.kind !== 'profile' && input.profileMatch !== undefined)
      throw invalid('body.profileMatch', 'only a profile-fit search has a threshold');
    const now = ctx.clock.now();
    const result = await repo.updateSavedSearch(db, tenantId, searchId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.query !== undefined ? { query: input.query, checkedThrough: now } : {}),
      ...(input.profileMatch !== undefined ? { minScore: input.profileMatch.minScore } : {}),
      ...(input.frequency !== undefined ? { frequency: input.frequency } : {}),
      now,
    });
    if (result === 'duplicate_name') throw duplicateName(input.name ?? '');
    if (!result) throw notFound('Saved search');
    return toSavedSearch(result);
  });
}

/** Deletes it with the alerts it raised. */
export async function deleteSavedSearch({
  ctx,
  graduateId,
  searchId,
}: {
  ctx: ServiceContext;
  graduateId: string;
  searchId: string;
}): Promise<void> {
  assertSelf(ctx.principal, graduateId, 'delete saved searches');
  if (!(await repo.deleteSavedSearch(ctx.database.db, ctx.principal.tenantId, graduateId, searchId)))
    throw notFound('Saved search');
}

/** The graduate's saved searches for their data export. */
export async function savedSearchesOfGraduate(db: Db, tenantId: string, graduateId: string): Promise<SavedSearch[]> {
  return (await repo.listSavedSearches(db, tenantId, graduateId)).map(toSavedSearch);
}
