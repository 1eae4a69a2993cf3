import { invalid, notFound } from '../../domain/errors.ts';
import { isoTime, isoTimeOrNull } from '../../domain/iso.ts';
import type { GraduateAlert, GraduateAlertPatch } from '../../domain/model/saved-search.ts';
import * as repo from '../../storage/alerts.repo.ts';
import type { AlertListRow } from '../../storage/alerts.repo.ts';
import type { Db } from '../../storage/db.ts';
import { getGraduateOr404 } from '../../storage/graduates.repo.ts';
import { assertCanSeeGraduate } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { assertSelf } from '../self-access.ts';

export const toGraduateAlert = (row: AlertListRow): GraduateAlert => ({
  id: row.id,
  savedSearch: { id: row.saved_search_id, name: row.search_name },
  posting: {
    id: row.posting_id,
    title: row.title,
    employerName: row.employer_name,
    locations: row.locations,
    jobType: row.job_type,
  },
  impressionId: row.impression_id,
  score: row.score,
  explanation: row.explanation,
  createdAt: isoTime(row.created_at),
  readAt: isoTimeOrNull(row.read_at),
  dismissedAt: isoTimeOrNull(row.dismissed_at),
});

const encodeCursor = (row: AlertListRow): string =>
  btoa(JSON.stringify([isoTime(row.created_at), row.id])).replace(/=+$/, '');

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value: unknown = JSON.parse(atob(cursor));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value[0]) &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value[1])
    )
      return { createdAt: value[0], id: value[1] };
  } catch {
    // falls through to the 400 below
  }
  throw invalid('query.cursor', 'is not a cursor returned by this list.');
}

export interface FeedQuery {
  unread?: boolean | undefined;
  includeDismissed?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The graduate's alert feed, newest first, with the count of unread alerts (the graduate, or staff). */
export async function listAlerts({
  ctx,
  graduateId,
  query,
}: {
  ctx: ServiceContext;
  graduateId: string;
  query: FeedQuery;
}) {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const { db } = ctx.database;
  const { tenantId } = ctx.principal;
  await getGraduateOr404(db, tenantId, graduateId);
  const rows = await repo.listAlerts(db, tenantId, graduateId, {
    unreadOnly: query.unread ?? false,
    includeDismissed: query.includeDismissed ?? false,
    before: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toGraduateAlert),
    unread: await repo.countUnread(db, tenantId, graduateId),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** Marks an alert read or unread, dismissed or back (the graduate themself). */
export async function updateAlert({
  ctx,
  graduateId,
  alertId,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  alertId: string;
  input: GraduateAlertPatch;
}): Promise<GraduateAlert> {
  assertSelf(ctx.principal, graduateId, 'mark alerts');
  const { db } = ctx.database;
  const { tenantId } = ctx.principal;
  const now = ctx.clock.now();
  const changed = await repo.markAlert(db, tenantId, graduateId, alertId, {
    ...(input.read !== undefined ? { readAt: input.read ? now : null } : {}),
    ...(input.dismissed !== undefined ? { dismissedAt: input.dismissed ? now : null } : {}),
  });
  const row = changed ? await repo.findAlert(db, tenantId, graduateId, alertId) : undefined;
  if (!row) throw notFound('Alert');
  return toGraduateAlert(row);
}

/** Every alert and digest of the graduate, for their data export. */
export async function alertsOfGraduate(db: Db, tenantId: string, graduateId: string) {
  const digests = await repo.digestsOfGraduate(db, tenantId, graduateId);
  return {
    alerts: (await repo.alertsOfGraduate(db, tenantId, graduateId)).map(toGraduateAlert),
    alertDigests: digests.map((d) => ({
      id: d.id,
      itemCount: d.item_count,
      status: d.status,
      attempts: d.attempts,
      createdAt: isoTime(d.created_at),
      deliveredAt: isoTimeOrNull(d.delivered_at),
    })),
  };
}
