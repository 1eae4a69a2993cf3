import { notFound } from '../domain/errors.ts';
import type { Graduate, GraduateCreate, GraduateUpdate } from '../domain/model/graduate.ts';
import * as repo from '../storage/graduates.repo.ts';
import { toGraduate } from '../storage/mappers.ts';
import { assertCanSeeGraduate, requireRole } from './access.ts';
import { newId, type ServiceContext } from './context.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';
import { normalizeProfileSkills } from './skills.ts';

export async function createGraduate({ ctx, input }: { ctx: ServiceContext; input: GraduateCreate }): Promise<Graduate> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'create graduate profiles');
  const row = await repo.insertGraduate(ctx.database.db, { id: newId(), tenantId: ctx.principal.tenantId, now: ctx.clock.now() },
    { ...input, skills: normalizeProfileSkills(input.skills) });
  return toGraduate(row);
}

/** Fetch-or-throw, scoped to the caller's tenant and rights. */
export async function getGraduate({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Graduate> {
  assertCanSeeGraduate(ctx.principal, id);
  const row = await repo.findGraduate(ctx.database.db, ctx.principal.tenantId, id);
  if (!row) throw notFound('Graduate');
  return toGraduate(row);
}

export async function updateGraduate({ ctx, id, input }: { ctx: ServiceContext; id: string; input: GraduateUpdate }): Promise<Graduate> {
  assertCanSeeGraduate(ctx.principal, id);
  const patch = input.skills === undefined ? input : { ...input, skills: normalizeProfileSkills(input.skills) };
  const row = await repo.updateGraduate(ctx.database.db, ctx.principal.tenantId, id, patch, ctx.clock.now());
  if (!row) throw notFound('Graduate');
  return toGraduate(row);
}

export async function deleteGraduate({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<void> {
  assertCanSeeGraduate(ctx.principal, id);
  if (!(await repo.deleteGraduate(ctx.database.db, ctx.principal.tenantId, id))) throw notFound('Graduate');
}

export async function listGraduates({ ctx, limit, cursor }: { ctx: ServiceContext; limit: number; cursor?: string | undefined }): Promise<Page<Graduate>> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'list graduates');
  const rows = await repo.listGraduates(ctx.database.db, ctx.principal.tenantId, { limit, after: decodeCursor(cursor) });
  return toPage(rows, limit, toGraduate);
}
