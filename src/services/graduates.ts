import { conflict, notFound } from '../domain/errors.ts';
import type { Graduate, GraduateCreate, GraduateUpdate } from '../domain/model/graduate.ts';
import * as repo from '../storage/graduates.repo.ts';
import { toGraduate } from '../storage/mappers.ts';
import { assertCanSeeGraduate, requireRole } from './access.ts';
import { logGraduateReads } from './access-log.ts';
import { newId, type ServiceContext } from './context.ts';
import { eraseGraduate } from './erasure.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';
import { normalizeProfileSkills } from './skills.ts';

/** An external id names one graduate of the tenant (apps and identity providers sign graduates in by it). */
async function assertExternalIdFree(ctx: ServiceContext, externalId: string | undefined, self?: string): Promise<void> {
  if (externalId === undefined) return;
  const holder = await repo.findGraduateByExternalId(ctx.database.db, ctx.principal.tenantId, externalId);
  if (holder && holder.id !== self) throw conflict('body.externalId: another graduate of the tenant has this external id.');
}

export async function createGraduate({ ctx, input }: { ctx: ServiceContext; input: GraduateCreate }): Promise<Graduate> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'create graduate profiles');
  await assertExternalIdFree(ctx, input.externalId);
  const row = await repo.insertGraduate(ctx.database.db, { id: newId(), tenantId: ctx.principal.tenantId, now: ctx.clock.now() },
    { ...input, skills: normalizeProfileSkills(input.skills) });
  return toGraduate(row);
}

/** Fetch-or-throw, scoped to the caller's tenant and rights. */
export async function getGraduate({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Graduate> {
  assertCanSeeGraduate(ctx.principal, id);
  const row = await repo.getGraduateOr404(ctx.database.db, ctx.principal.tenantId, id);
  await logGraduateReads(ctx.database.db, ctx, 'read_profile', [id]);
  return toGraduate(row);
}

export async function updateGraduate({ ctx, id, input }: { ctx: ServiceContext; id: string; input: GraduateUpdate }): Promise<Graduate> {
  assertCanSeeGraduate(ctx.principal, id);
  await assertExternalIdFree(ctx, input.externalId, id);
  const patch = input.skills === undefined ? input : { ...input, skills: normalizeProfileSkills(input.skills) };
  const row = await repo.updateGraduate(ctx.database.db, ctx.principal.tenantId, id, patch, ctx.clock.now());
  if (!row) throw notFound('Graduate');
  return toGraduate(row);
}

/** Deleting a graduate is erasure: see eraseGraduate (logs pseudonymized, everything else deleted). */
export async function deleteGraduate({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<void> {
  await eraseGraduate({ ctx, id });
}

export async function listGraduates({ ctx, limit, cursor }: { ctx: ServiceContext; limit: number; cursor?: string | undefined }): Promise<Page<Graduate>> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'list graduates');
  const rows = await repo.listGraduates(ctx.database.db, ctx.principal.tenantId, { limit, after: decodeCursor(cursor) });
  const page = toPage(rows, limit, toGraduate);
  await logGraduateReads(ctx.database.db, ctx, 'list_profiles', page.items.map((g) => g.id));
  return page;
}
