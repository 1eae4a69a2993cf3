import { ATTRIBUTE_VALUES } from '../../domain/audit-report/attributes.ts';
import type { RerankAttribute } from '../../domain/model/reranking-settings.ts';
import type { Database } from '../../storage/db.ts';
import { consentedAttributeValues } from '../../storage/rerank.repo.ts';

/** The label given to everyone without a consented, known value of the attribute. */
export const UNKNOWN_GROUP = 'unknown';

/**
 * Each graduate's value of ONE protected attribute, read only where the graduate's latest
 * fairness_audit consent event is a grant (the audit's rule). No consent, no row, 'undisclosed' or any
 * value outside the attribute's categories → absent from the map (the caller treats it as unknown).
 * Used only by the re-ranking step and the audit; the scorer never receives these values.
 */
export async function consentedGroups(
  database: Database,
  tenantId: string,
  attribute: RerankAttribute,
  graduateIds: readonly string[],
): Promise<Map<string, string>> {
  const allowed = new Set<string>(ATTRIBUTE_VALUES[attribute]);
  const out = new Map<string, string>();
  for (const r of await consentedAttributeValues(database.db, tenantId, attribute, graduateIds)) {
    if (r.value !== null && allowed.has(r.value)) out.set(r.graduateId, r.value);
  }
  return out;
}
