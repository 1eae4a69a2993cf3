import { conflict, notFound } from '../domain/errors.ts';
import type { Employer, EmployerCreate, EmployerUpdate } from '../domain/model/employer.ts';
import * as repo from '../storage/employers.repo.ts';
import { toEmployer } from '../storage/mappers.ts';
import { assertCanManageEmployer, requireRole } from './access.ts';
import { newId, type ServiceContext } from './context.ts';
import { forgetKeys } from './keys.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';

/** An external id names one employer of the tenant (imports match on it). */
async function assertExternalIdFree(ctx: ServiceContext, externalId: string | undefined, self?: string): Promise<void> {
  if (externalId === undefined) return;
  const [holder] = await repo.employersByExternalIds(ctx.database.db, ctx.principal.tenantId, [externalId]);
  if (holder && holder.id !== self)
    throw conflict('body.externalId: another employer of the tenant has this external id.');
}

export async function createEmployer({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EmployerCreate;
}): Promise<Employer> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'create employers');
  await assertExternalIdFree(ctx, input.externalId);
  return toEmployer(
    await repo.insertEmployer(
      ctx.database.db,
      { id: newId(), tenantId: ctx.principal.tenantId, now: ctx.clock.now() },
      input,
    ),
  );
}

/**
 * Employer records are public within the tenant (graduates see who posts), but not to auditors. An employer
 * that signed itself up is shown to graduates only once the career office has approved it: until then (or
 * when rejected) only the career office, the admin and the employer itself see it, and others get a 404.
 */
export async function getEmployer({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Employer> {
  if (ctx.principal.role === 'employer') assertCanManageEmployer(ctx.principal, id);
  requireRole(ctx.principal, ['graduate', 'employer', 'career_office', 'admin'], 'read employers');
  const row = await repo.findEmployer(ctx.database.db, ctx.principal.tenantId, id);
  if (!row || (ctx.principal.role === 'graduate' && row.status !== 'approved')) throw notFound('Employer');
  return toEmployer(row);
}

export async function updateEmployer({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: EmployerUpdate;
}): Promise<Employer> {
  assertCanManageEmployer(ctx.principal, id);
  await assertExternalIdFree(ctx, input.externalId, id);
  const row = await repo.updateEmployer(ctx.database.db, ctx.principal.tenantId, id, input, ctx.clock.now());
  if (!row) throw notFound('Employer');
  return toEmployer(row);
}

export async function deleteEmployer({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<void> {
  requireRole(ctx.principal, ['career_office', 'admin'], 'delete employers');
  if (!(await repo.deleteEmployer(ctx.database.db, ctx.principal.tenantId, id))) throw notFound('Employer');
  // Its keys went with it (on delete cascade): this process stops honouring them now, others within KEY_HELD_MS.
  forgetKeys(ctx.database, (p) => p.tenantId === ctx.principal.tenantId && p.employerId === id);
}

export async function listEmployers({
  ctx,
  limit,
  cursor,
}: {
  ctx: ServiceContext;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<Employer>> {
  requireRole(ctx.principal, ['graduate', 'career_office', 'admin'], 'list employers');
  const rows = await repo.listEmployers(ctx.database.db, ctx.principal.tenantId, {
    limit,
    after: decodeCursor(cursor),
    // Graduates see approved employers only: a pending or rejected sign-up is shown to no one outside.
    approvedOnly: ctx.principal.role === 'graduate',
  });
  return toPage(rows, limit, toEmployer);
}
