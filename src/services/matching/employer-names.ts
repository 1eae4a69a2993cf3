import type { Database } from '../../storage/db.ts';
import { employerNamesOfTenant } from '../../storage/employers.repo.ts';

interface TenantNames {
  version: string;
  names: ReadonlyMap<string, string>;
  loading: { version: string; done: Promise<ReadonlyMap<string, string>> } | null;
}

/**
 * Each tenant's employer names, read again whole when its tenant_employers_version moves (a trigger bumps it on
 * every statement adding, removing or renaming an employer), so a list shows the names as they are without a read
 * per list. Names are a few bytes per employer; a rename is rare next to the lists served.
 */
export class EmployerNames {
  readonly #tenants = new Map<string, TenantNames>();

  /** The tenant's names at `version` (read in the caller's statement): the held ones, or read now. */
  async at(database: Database, tenantId: string, version: string): Promise<ReadonlyMap<string, string>> {
    const held = this.#tenants.get(tenantId);
    if (held?.version === version) return held.names;
    if (held?.loading?.version === version) return held.loading.done;
    const entry: TenantNames = held ?? { version: '', names: new Map(), loading: null };
    const done = employerNamesOfTenant(database.db, tenantId);
    entry.loading = { version, done };
    this.#tenants.set(tenantId, entry);
    try {
      const names = await done;
      // A later version's read may have started meanwhile: only the latest one requested is kept.
      if (entry.loading?.done === done) {
        entry.version = version;
        entry.names = names;
        entry.loading = null;
      }
      return names;
    } catch (error) {
      if (entry.loading?.done === done) entry.loading = null;
      throw error;
    }
  }
}
