import type { PrefixViolation } from '../../domain/fairness/rerank/prefix.ts';
import { isGeyikMethod, type RerankingSettings } from '../../domain/model/reranking-settings.ts';
import type { Database } from '../../storage/db.ts';
import { tallyOfList, type CellTally } from '../../domain/fairness/rerank/cross-list.ts';
import { cellOf, partitionKey } from '../../domain/fairness/rerank/floors.ts';
import { addRerankTally, insertRerankLog, readRerankTally, type TallyRow } from '../../storage/rerank.repo.ts';
import { newId } from '../context.ts';
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
  serving: { served: number; now: Date },
  /** The tenant's re-ranking settings, read once by the caller for the whole list (its pools too). */
  settings: RerankingSettings,
): Promise<AppliedRerank | null> {
  if (!settings.enabled || scored.length === 0) return null;
  const ids = scored.map((s) => s.id);
  const byAttribute = new Map<string, Map<string, string>>();
  for (const a of planAttributes(settings))
    byAttribute.set(a, await consentedGroups(database, tenantId, a as RerankingSettings['attribute'], ids));
  const groupsOf = (id: string): Groups => Object.fromEntries([...byAttribute].map(([a, m]) => [a, m.get(id) ?? null]));
  const cross = settings.method === 'floors' && settings.crossList.enabled ? settings.crossList : null;
  const tally = cross
    ? tallyFromRows(
        await readRerankTally(database.db, {
          tenantId,
          fromDay: utcDay(serving.now, cross.windowDays - 1),
          selectedTop: cross.selectedTop,
        }),
      )
    : undefined;
  const plan = planRerank(
    scored.map((s) => ({ score: s.score, groups: groupsOf(s.id) })),
    settings,
    { ...(tally ? { tally } : {}), served: serving.served },
  );
  const params = {
    k: settings.k,
    ...(settings.method === 'fa_ir'
      ? { protectedGroups: settings.protectedGroups, p: settings.p, alpha: settings.alpha }
      : settings.method === 'floors'
        ? {
            attributes: plan.attributes,
            intersections: settings.intersections,
            targetShares: settings.targetShares,
            ...(cross ? { crossList: cross } : {}),
          }
        : isGeyikMethod(settings.method)
          ? { targetShares: settings.targetShares, qualified: settings.k }
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
        moves: plan.moves ?? [],
        createdAt: now,
      });
      if (cross) {
        // What this list adds to the window's tally, counted as the audit counts it (pool = both orders).
        const partitions = plan.partitions ?? [];
        const cellsOf = (id: string) =>
          Object.fromEntries(partitions.map((p) => [partitionKey(p), cellOf({ groups: groupsOf(id) }, p)]));
        const added = tallyOfList(
          before.map((s) => s.id),
          served.map((s) => s.id),
          cross.selectedTop,
          cellsOf,
        );
        await addRerankTally(
          database.db,
          { tenantId, day: utcDay(now, 0), selectedTop: cross.selectedTop },
          Object.entries(added).flatMap(([grouping, cells]) =>
            Object.entries(cells).map(([cell, c]) => ({ grouping, cell, ...c })),
          ),
        );
      }
      return { prefixOk: violations.length === 0, violations };
    },
  };
}

/** The UTC calendar day `daysBack` days before `at`, as YYYY-MM-DD. */
function utcDay(at: Date, daysBack: number): string {
  return new Date(at.getTime() - daysBack * 86_400_000).toISOString().slice(0, 10);
}

function tallyFromRows(rows: readonly TallyRow[]): Record<string, Record<string, CellTally>> {
  const out: Record<string, Record<string, CellTally>> = {};
  for (const r of rows) (out[r.grouping] ??= {})[r.cell] = { memberships: r.memberships, selected: r.selected };
  return out;
}
