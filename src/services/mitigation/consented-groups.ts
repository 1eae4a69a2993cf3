import { sql } from 'kysely';
import { ATTRIBUTE_VALUES } from '../../domain/audit-report/attributes.ts';
import type { RerankAttribute } from '../../domain/model/reranking-settings.ts';
import type { Database } from '../../storage/db.ts';

/** The label given to everyone without a consented, known value of the attribute. */
export const UNKNOWN_GROUP = 'unknown';

const COLUMN: Record<RerankAttribute, string> = {
  gender: 'gender', ethnicity: 'ethnicity', hukouType: 'hukou_type', regionOfOrigin: 'region_of_origin', disability: 'disability',
};

/**
 * Each graduate's value of ONE protected attribute, read only where the graduate's latest
 * fairness_audit consent event is a grant (the audit's rule). No consent, no row, 'undisclosed' or any
 * value outside the attribute's categories → absent from the map (the caller treats it as unknown).
 * Used only by the re-ranking step and the audit; the scorer never receives these values.
 */
export async function consentedGroups(database: Database, tenantId: string, attribute: RerankAttribute, graduateIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const column = sql.ref(`d.${COLUMN[attribute]}`);
  const allowed = new Set(ATTRIBUTE_VALUES[attribute]);
  for (let i = 0; i < graduateIds.length; i += 1_000) {
    const ids = graduateIds.slice(i, i + 1_000);
    if (ids.length === 0) continue;
    const rows = await sql<{ graduate_id: string; value: string | null }>`
      select d.graduate_id, ${column} as value from graduate_demographics d
      join lateral (
        select c.granted from consents c
        where c.graduate_id = d.graduate_id and c.tenant_id = d.tenant_id and c.purpose = 'fairness_audit'
        order by c.created_at desc, c.seq desc limit 1
      ) latest on latest.granted
      where d.tenant_id = ${tenantId} and d.graduate_id in (${sql.join(ids)})`.execute(database.db);
    for (const r of rows.rows) if (r.value !== null && allowed.has(r.value)) out.set(r.graduate_id, r.value);
  }
  return out;
}
