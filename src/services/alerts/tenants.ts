import { tenantsWithSavedSearches as fromStorage } from '../../storage/alerts.repo.ts';
import type { SystemContext } from '../context.ts';

/** Tenants whose graduates saved at least one search (the scheduler's tick runs one pass for each). */
export const tenantsWithSavedSearches = (ctx: SystemContext): Promise<string[]> => fromStorage(ctx.database.db);
