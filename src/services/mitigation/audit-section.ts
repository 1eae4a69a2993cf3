import { rerankingSection, type LoggedRerank, type RerankingSection } from '../../domain/audit-report/reranking.ts';
import { PROTECTED_ATTRIBUTES } from '../../domain/audit-report/attributes.ts';
import type { RerankAttribute } from '../../domain/model/reranking-settings.ts';
import type { Database } from '../../storage/db.ts';
import { listRerankLog } from '../../storage/rerank.repo.ts';
import { consentedGroups } from './consented-groups.ts';

/** Logged lists read per audit (newest first beyond it); each is at most the served length (≤ 200). */
const MAX_LISTS = 20_000;

const isAttribute = (a: string): a is RerankAttribute => (PROTECTED_ATTRIBUTES as readonly string[]).includes(a);

/**
 * The re-ranking's before/after for the audit window: reads the re-ranking log, joins
 * the CONSENTED groups as they stand now (withdrawn consent → unknown) and computes the figures with
 * rerankingSection. Null when no list was re-ranked in the window.
 */
export async function rerankingAuditSection(
  database: Database,
  w: { tenantId: string; from: Date; to: Date; k: number },
  options: { minGroupSize: number; minShare: number; threshold: number },
): Promise<RerankingSection | null> {
  const parsed = await listRerankLog(database.db, w, MAX_LISTS);
  if (parsed.length === 0) return null;
  const groups = new Map<string, Map<string, string>>();
  for (const attribute of new Set(parsed.map((p) => p.attribute))) {
    if (!isAttribute(attribute)) continue;
    const ids = [
      ...new Set(parsed.filter((p) => p.attribute === attribute).flatMap((p) => [...p.beforeIds, ...p.afterIds])),
    ];
    groups.set(attribute, await consentedGroups(database, w.tenantId, attribute, ids));
  }
  const lists: LoggedRerank[] = parsed.map((p) => {
    const g = groups.get(p.attribute);
    const items = (ids: string[], scores: number[]) =>
      ids.map((id, i) => ({ id, score: scores[i] ?? 0, group: g?.get(id) ?? null }));
    return {
      method: p.method,
      attribute: p.attribute,
      prefixOk: p.prefixOk,
      before: items(p.beforeIds, p.beforeScores),
      after: items(p.afterIds, p.afterScores),
    };
  });
  return rerankingSection(lists, w.k, options);
}
