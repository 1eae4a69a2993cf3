import type { AccessAction, AccessLogEntry, AccessSubject } from '../domain/model/access-log.ts';
import * as repo from '../storage/access-log.repo.ts';
import { getGraduateOr404 } from '../storage/graduates.repo.ts';
import type { Db } from '../storage/db.ts';
import type { AccessLogRow } from '../storage/schema.ts';
import { assertCanSeeGraduate, requireRole } from './access.ts';
import type { ServiceContext } from './context.ts';
import { decodeCursor, toPage, type Page } from './pagination.ts';
import { isSelf } from './self-access.ts';

export function toAccessLogEntry(row: AccessLogRow): AccessLogEntry {
  return {
    id: row.id,
    actorKeyId: row.actor_key_id,
    actorRole: row.actor_role,
    action: row.action as AccessAction,
    subjectType: row.subject_type as AccessSubject,
    subjectId: row.subject_id,
    graduateId: row.graduate_id,
    requestId: row.request_id,
    at: new Date(row.created_at).toISOString(),
  };
}

/** Logs reads of graduates' data by anyone but the graduate themself (their own reads are not "access by others"). */
export async function logGraduateReads(
  db: Db,
  ctx: ServiceContext,
  action: AccessAction,
  graduateIds: readonly string[],
): Promise<void> {
  const others = graduateIds.filter((id) => !isSelf(ctx.principal, id));
  const at = ctx.clock.now();
  await repo.recordAccesses(
    db,
    others.map((graduateId) => ({
      tenantId: ctx.principal.tenantId,
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      action,
      subjectType: 'graduate' as const,
      subjectId: graduateId,
      graduateId,
      requestId: ctx.requestId,
      at,
    })),
  );
}

/** Who read this graduate's data: the graduate (and the career office) may list it. */
export async function listGraduateAccessLog({
  ctx,
  graduateId,
  limit,
  cursor,
}: {
  ctx: ServiceContext;
  graduateId: string;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<AccessLogEntry>> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  await getGraduateOr404(ctx.database.db, ctx.principal.tenantId, graduateId);
  const rows = await repo.listAccessLog(
    ctx.database.db,
    ctx.principal.tenantId,
    { graduateId },
    { limit, after: decodeCursor(cursor) },
  );
  return toPage(rows, limit, toAccessLogEntry);
}

/** Every access of the tenant, for admins. */
export async function listAccessLog({
  ctx,
  filters,
  limit,
  cursor,
}: {
  ctx: ServiceContext;
  filters: repo.AccessLogFilters;
  limit: number;
  cursor?: string | undefined;
}): Promise<Page<AccessLogEntry>> {
  requireRole(ctx.principal, ['admin'], 'list the access log');
  const rows = await repo.listAccessLog(ctx.database.db, ctx.principal.tenantId, filters, {
    limit,
    after: decodeCursor(cursor),
  });
  return toPage(rows, limit, toAccessLogEntry);
}
