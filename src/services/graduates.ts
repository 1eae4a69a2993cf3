import { conflict, notFound } from '../domain/errors.ts';
import type { Graduate, GraduateCreate, GraduateUpdate } from '../domain/model/graduate.ts';
import {
  assertGraduateFilters,
  filterGraduates,
  resolveGraduateFilters,
  type GraduateFilters,
} from '../domain/matching/graduate-filter.ts';
import { getTaxonomy } from '../domain/skills/index.ts';
import { graduatesByIds } from '../storage/graduate-index.repo.ts';
import * as repo from '../storage/graduates.repo.ts';
import type { Cursor } from '../storage/keyset.ts';
import type { GraduateRow } from '../storage/schema.ts';
import { toGraduate, toMatchableGraduate } from '../storage/mappers.ts';
import { assertCanSeeGraduate, requireRole } from './access.ts';
import { logGraduateReads } from './access-log.ts';
import { newId, type ServiceContext } from './context.ts';
import { eraseGraduate } from './erasure.ts';
import type { MatchingDeps, MatchingProvider } from './matching/deps.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';
import { normalizeProfileSkills } from './skills.ts';

/** An external id names one graduate of the tenant (apps and identity providers sign graduates in by it). */
async function assertExternalIdFree(ctx: ServiceContext, externalId: string | undefined, self?: string): Promise<void> {
  if (externalId === undefined) return;
  const holder = await repo.findGraduateByExternalId(ctx.database.db, ctx.principal.tenantId, externalId);
  if (holder && holder.id !== self)
    throw conflict('body.externalId: another graduate of the tenant has this external id.');
}

export async function createGraduate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: GraduateCreate;
}): Promise<Graduate> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'create graduate profiles');
  await assertExternalIdFree(ctx, input.externalId);
  const row = await repo.insertGraduate(
    ctx.database.db,
    { id: newId(), tenantId: ctx.principal.tenantId, now: ctx.clock.now() },
    { ...input, skills: normalizeProfileSkills(input.skills) },
  );
  return toGraduate(row);
}

/**
 * New graduates of an import batch, written in one statement: the same role check and skill normalisation as
 * createGraduate. The import has already matched each row's external id against the tenant and the file.
 */
export async function importGraduateBatch({
  ctx,
  inputs,
}: {
  ctx: ServiceContext;
  inputs: readonly GraduateCreate[];
}): Promise<number> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'import graduate profiles');
  return repo.insertGraduates(
    ctx.database.db,
    ctx.principal.tenantId,
    ctx.clock.now(),
    inputs.map((input) => ({ id: ctx.ids.newId(), input: { ...input, skills: normalizeProfileSkills(input.skills) } })),
  );
}

/** Fetch-or-throw, scoped to the caller's tenant and rights. */
export async function getGraduate({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Graduate> {
  assertCanSeeGraduate(ctx.principal, id);
  const row = await repo.getGraduateOr404(ctx.database.db, ctx.principal.tenantId, id);
  await logGraduateReads(ctx.database.db, ctx, 'read_profile', [id]);
  return toGraduate(row);
}

export async function updateGraduate({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: GraduateUpdate;
}): Promise<Graduate> {
  assertCanSeeGraduate(ctx.principal, id);
  await assertExternalIdFree(ctx, input.externalId, id);
  const patch = input.skills === undefined ? input : { ...input, skills: normalizeProfileSkills(input.skills) };
  const row = await repo.updateGraduate(ctx.database.db, ctx.principal.tenantId, id, patch, ctx.clock.now());
  if (!row) throw notFound('Graduate');
  return toGraduate(row);
}

/** Deleting a graduate is erasure: see eraseGraduate (logs pseudonymized, everything else deleted). */
export async function deleteGraduate({
  ctx,
  id,
  matching,
}: {
  ctx: ServiceContext;
  id: string;
  matching?: MatchingProvider | undefined;
}): Promise<void> {
  await eraseGraduate({ ctx, id, matching });
}

/**
 * The cohort list. Without filters it pages in SQL by the (created_at, id) keyset. With filters it reads the
 * tenant's graduate index (the candidate lists' own, synced with the database on every call): the filters are
 * applied in one scan of its columns with the matcher's normalization (aliases, zh/en names; q's words and
 * one-edit English corrections against the cohort's words, deleted tags left out), and only the page's rows
 * are read from the database. Paging is by (created_at, id), so every match appears exactly once. Without
 * matching (no embedder configured) the filtered set is built from the rows instead.
 */
export async function listGraduates({
  ctx,
  limit,
  cursor,
  filters = {},
  matching,
}: {
  ctx: ServiceContext;
  limit: number;
  cursor?: string | undefined;
  filters?: GraduateFilters;
  /** The matching dependencies, asked for only when a filter is given (a Worker loads them on first use). */
  matching?: (() => Promise<MatchingDeps>) | undefined;
}): Promise<Page<Graduate>> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'list graduates');
  assertGraduateFilters(filters);
  const after = decodeCursor(cursor);
  const { db } = ctx.database;
  const tenantId = ctx.principal.tenantId;
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const rows = !filtered
    ? await repo.listGraduates(db, tenantId, { limit, after })
    : matching
      ? await indexedPage(ctx, await matching(), filters, after, limit)
      : filteredAfter(await repo.listGraduatesNarrowed(db, tenantId, filters), filters, after, limit);
  const page = toPage(rows, limit, toGraduate);
  await logGraduateReads(
    ctx.database.db,
    ctx,
    'list_profiles',
    page.items.map((g) => g.id),
  );
  return page;
}

/** limit + 1 rows past the cursor passing the filters, chosen in the graduate index. */
async function indexedPage(
  ctx: ServiceContext,
  matching: MatchingDeps,
  filters: GraduateFilters,
  after: Cursor | undefined,
  limit: number,
): Promise<GraduateRow[]> {
  const index = await matching.engine.graduates(ctx.database, ctx.principal.tenantId);
  const mask = index.mask({
    audience: 'cohort',
    ...resolveGraduateFilters(filters, getTaxonomy()),
    qTerms: filters.q === undefined ? undefined : index.queryTerms(filters.q),
  });
  const ids = index.pageAfter(mask, after && { createdAt: Date.parse(after.createdAt), id: after.id }, limit + 1);
  const byId = new Map(
    (await graduatesByIds(ctx.database.db, ctx.principal.tenantId, ids)).map((r) => [r.id, r] as const),
  );
  // A graduate erased since the index synced is simply absent.
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** limit + 1 filtered rows past the cursor; uuids compare as PostgreSQL orders them (lower-case hex). */
function filteredAfter(
  rows: GraduateRow[],
  filters: GraduateFilters,
  after: Cursor | undefined,
  limit: number,
): GraduateRow[] {
  const kept = filterGraduates(
    rows.map((row) => ({ row, ...toMatchableGraduate(row) })),
    filters,
    getTaxonomy(),
  ).map((g) => g.row);
  const at = after ? Date.parse(after.createdAt) : undefined;
  const past = (r: GraduateRow) =>
    at === undefined ||
    after === undefined ||
    r.created_at.getTime() > at ||
    (r.created_at.getTime() === at && r.id > after.id);
  return kept.filter(past).slice(0, limit + 1);
}
