import {
  constrainedGroupings,
  groupingKey,
  rerankingSection,
  type LoggedRerank,
  type RerankingSection,
} from '../../domain/audit-report/reranking.ts';
import { PROTECTED_ATTRIBUTES } from '../../domain/audit-report/attributes.ts';
import type { RerankAttribute } from '../../domain/model/reranking-settings.ts';
import type { Database } from '../../storage/db.ts';
import { listRerankLog } from '../../storage/rerank.repo.ts';
import { consentedGroups } from './consented-groups.ts';

/** Logged lists read per audit (newest first beyond it); each is at most the served length (≤ 200). */
const MAX_LISTS = 20_000;

const isAttribute = (a: string): a is RerankAttribute => (PROTECTED_ATTRIBUTES as readonly string[]).includes(a);

/**
 * The re-ranking's before/after for the audit window: reads the re-ranking log, joins the CONSENTED
 * groups as they stand now (withdrawn consent → unknown) and computes the figures with rerankingSection,
 * one block per grouping each list was constrained on (floors: every attribute and pair it names). A
 * pair's group is known only when both values are. Null when no list was re-ranked in the window.
 */
export async function rerankingAuditSection(
  database: Database,
  w: { tenantId: string; from: Date; to: Date; k: number },
  options: { minGroupSize: number; minShare: number; threshold: number },
): Promise<RerankingSection | null> {
  const parsed = await listRerankLog(database.db, w, MAX_LISTS);
  if (parsed.length === 0) return null;
  const withGroupings = parsed.map((p) => ({ ...p, groupings: constrainedGroupings(p, isAttribute) }));
  const groups = new Map<string, Map<string, string>>();
  for (const attribute of new Set(withGroupings.flatMap((p) => p.groupings.flat()))) {
    if (!isAttribute(attribute)) continue;
    const ids = [
      ...new Set(
        withGroupings
          .filter((p) => p.groupings.some((g) => g.includes(attribute)))
          .flatMap((p) => [...p.beforeIds, ...p.afterIds]),
      ),
    ];
    groups.set(attribute, await consentedGroups(database, w.tenantId, attribute, ids));
  }
  const groupOf = (grouping: readonly string[], id: string): string | null => {
    const values = grouping.map((a) => groups.get(a)?.get(id) ?? null);
    return values.some((v) => v === null) ? null : groupingKey(values as string[]);
  };
  const lists: LoggedRerank[] = withGroupings.flatMap((p) =>
    p.groupings.map((grouping) => {
      const items = (ids: string[], scores: number[]) =>
        ids.map((id, i) => ({ id, score: scores[i] ?? 0, group: groupOf(grouping, id) }));
      return {
        method: p.method,
        attribute: groupingKey(grouping),
        prefixOk: p.prefixOk,
        before: items(p.beforeIds, p.beforeScores),
        after: items(p.afterIds, p.afterScores),
      };
    }),
  );
  return rerankingSection(lists, w.k, { ...options, lists: parsed.length });
}
