import { insertOutboxOnce } from '../../storage/audits.repo.ts';
import { tenantHasSavedSearches } from '../../storage/alerts.repo.ts';
import { newId, type ServiceContext } from '../context.ts';

/**
 * How long a tenant's posting changes are gathered before one posting-alerts run takes them all: changes in the
 * same window share one job (its id names the window), which starts when the window closes.
 */
export const POSTING_ALERT_WINDOW_MS = 5_000;

/**
 * In the transaction that opens or changes a posting: asks for the tenant's posting-alerts run at the end of the
 * current window, through the outbox (so the ask is neither lost while Redis is away nor made without the change).
 * Nothing when no graduate of the tenant saved a search.
 */
export async function askPostingAlerts(ctx: ServiceContext, tenantId: string): Promise<void> {
  const { db } = ctx.database;
  if (!(await tenantHasSavedSearches(db, tenantId))) return;
  const now = ctx.clock.now();
  const window = Math.floor(now.getTime() / POSTING_ALERT_WINDOW_MS);
  await insertOutboxOnce(db, {
    id: newId(),
    tenantId,
    jobName: 'posting-alerts',
    jobId: `posting-alerts-${tenantId}-${window}`,
    payload: { tenantId },
    now,
    requestId: ctx.requestId,
    notBefore: new Date((window + 1) * POSTING_ALERT_WINDOW_MS),
  });
}
