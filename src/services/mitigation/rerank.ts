import type { PrefixViolation } from '../../domain/fairness/rerank/prefix.ts';
import type { RerankingSettings } from '../../domain/model/reranking-settings.ts';
import type { Database } from '../../storage/db.ts';
import { insertRerankLog } from '../../storage/rerank.repo.ts';
import { newId } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';
import { consentedGroups } from './consented-groups.ts';
import { planAttributes, planRerank, type Groups } from './plan.ts';

/** What a candidates response says about re-ranking: the method and policy, never anyone's group. */
interface FairnessRerankNotice {
  method: RerankingSettings['method'];
  attribute: RerankingSettings['attribute'];
  k: number;
  note: string;
}

export interface AppliedRerank {
  /** Indices into the score-ordered input, in served order. */
  order: number[];
  notice: FairnessRerankNotice;
  /** Writes the log row for the list as served (call after the list is cut to its served length). */
  record(entry: {
    listId: string;
    postingId: string;
    requestId: string;
    now: Date;
    served: readonly { id: string; score: number }[];
    before: readonly { id: string; score: number }[];
  }): Promise<{ prefixOk: boolean; violations: PrefixViolation[] }>;
}

const NOTE =
  "Re-ranked for fairness after scoring: the order was adjusted to meet the tenant's " +
  'minimum-representation policy; no score was changed. ' +
  '打分后已按本单位的公平性政策（最低比例约束）调整顺序，分数未作任何改动。';

/**
 * The separate, logged post-processing step for candidate lists. Off (null) unless the tenant switched
 * it on. It reads only consented demographics of the listed graduates, for the one attribute the
 * policy names (several for `floors`); graduates without them are unknown (see planRerank for how unknowns are placed).
 * `scored` must be in score order, best first; the scores are not touched.
 */
export async function fairnessRerank(
  database: Database,
  tenantId: string,
  scored: readonly { id: string; score: number }[],
): Promise<AppliedRerank | null> {
  const settings = (await loadTenantSettings(database.db, tenantId)).reranking;
  if (!settings.enabled || scored.length === 0) return null;
  const ids = scored.map((s) => s.id);
  const byAttribute = new Map<string, Map<string, string>>();
  for (const a of planAttributes(settings))
    byAttribute.set(a, await consentedGroups(database, tenantId, a as RerankingSettings['attribute'], ids));
  const groupsOf = (id: string): Groups => Object.fromEntries([...byAttribute].map(([a, m]) => [a, m.get(id) ?? null]));
  const plan = planRerank(
    scored.map((s) => ({ score: s.score, groups: groupsOf(s.id) })),
    settings,
  );
  const params = {
    k: settings.k,
    ...(settings.method === 'fa_ir'
      ? { protectedGroups: settings.protectedGroups, p: settings.p, alpha: settings.alpha }
      : settings.method === 'floors'
        ? { attributes: plan.attributes, intersections: settings.intersections, targetShares: settings.targetShares }
        : { targetShares: settings.targetShares }),
    ...plan.derived,
  };
  return {
    order: plan.order,
    notice: { method: settings.method, attribute: settings.attribute, k: settings.k, note: NOTE },
    async record({ listId, postingId, requestId, now, served, before }) {
      const violations = plan.check(served.map((s) => groupsOf(s.id)));
      await insertRerankLog(database.db, {
        id: newId(),
        tenantId,
        listId,
        postingId,
        requestId,
        method: settings.method,
        attribute: settings.attribute,
        params,
        before,
        after: served,
        considered: scored.length,
        violations,
        createdAt: now,
      });
      return { prefixOk: violations.length === 0, violations };
    },
  };
}
