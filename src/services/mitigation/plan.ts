import { detConstSort } from '../../domain/fairness/rerank/det-const-sort.ts';
import { fairRerank, PROTECTED } from '../../domain/fairness/rerank/fair-rerank.ts';
import {
  minCountsFromShares,
  prefixViolations,
  type MinCounts,
  type PrefixViolation,
  type RankedItem,
} from '../../domain/fairness/rerank/prefix.ts';
import type { RerankingSettings } from '../../domain/model/reranking-settings.ts';
import { UNKNOWN_GROUP } from './consented-groups.ts';

/** DetConstSort's bucket for every group without a target share, people of unknown demographics included. */
export const REST = 'rest';

export interface RerankPlan {
  /** Indices into the score-ordered input: the re-ranked top k, then everyone else in score order. */
  order: number[];
  /** The constraint every prefix of the top k must meet, per label (see labelOf). */
  minCounts: MinCounts;
  /** Maps an item's consented group to the label minCounts uses. */
  labelOf: (group: string) => string;
  /** Derived parameters worth logging: the m-table and its adjusted α for FA*IR, the shares for DetConstSort. */
  derived: Record<string, unknown>;
}

/**
 * Re-orders a score-ordered list (best first) for the tenant's constraint. Pure; the scores are never
 * changed. Unknown demographics: for DetConstSort such people share the REST bucket (share 1 − Σ
 * targets) with every group that has no target, ranked among them by score; for FA*IR they are never
 * protected. So nobody is pushed down for withholding consent, and nobody is promoted on a guess.
 */
export function planRerank(
  items: readonly { score: number; group: string }[],
  settings: RerankingSettings,
): RerankPlan {
  const ranked: (RankedItem & { index: number })[] = items.map((it, index) => ({
    id: String(index),
    score: it.score,
    group: it.group,
    index,
  }));
  let top: (RankedItem & { index: number })[];
  let minCounts: MinCounts;
  let labelOf: (group: string) => string;
  let derived: Record<string, unknown>;
  if (settings.method === 'det_const_sort') {
    const targets = Object.fromEntries(Object.entries(settings.targetShares).filter(([g]) => g !== UNKNOWN_GROUP));
    const rest = Math.max(0, 1 - Object.values(targets).reduce((s, x) => s + x, 0));
    const shares: Record<string, number> = { ...targets, [REST]: rest };
    labelOf = (g) => (g in targets ? g : REST);
    top = detConstSort(
      ranked.map((r) => ({ ...r, group: labelOf(r.group) })),
      shares,
      settings.k,
    ) as typeof ranked;
    minCounts = minCountsFromShares(targets, settings.k);
    derived = { shares };
  } else {
    const result = fairRerank(ranked, {
      k: settings.k,
      p: settings.p,
      alpha: settings.alpha,
      protectedGroups: settings.protectedGroups,
    });
    const prot = new Set(settings.protectedGroups);
    labelOf = (g) => (prot.has(g) ? PROTECTED : 'other');
    top = result.ranking as typeof ranked;
    minCounts = { [PROTECTED]: result.mtable };
    derived = { mtable: result.mtable, alphaUsed: result.alphaUsed, failProbability: result.failProbability };
  }
  const placed = new Set(top.map((t) => t.index));
  const order = [...top.map((t) => t.index), ...ranked.filter((r) => !placed.has(r.index)).map((r) => r.index)];
  return { order, minCounts, labelOf, derived };
}

/** prefixViolations of a served list (groups in served order) against the plan's minimum counts. */
export function servedViolations(plan: RerankPlan, servedGroups: readonly string[]): PrefixViolation[] {
  return prefixViolations(
    servedGroups.map((group) => ({ group })),
    plan.minCounts,
    (it) => plan.labelOf(it.group),
  );
}
