import { attributePairs } from '../../domain/audit-report/attributes.ts';
import { fairRerank, PROTECTED } from '../../domain/fairness/rerank/fair-rerank.ts';
import { floorRerank, floorViolations, type Partition } from '../../domain/fairness/rerank/floors.ts';
import { prefixViolations, type PrefixViolation, type RankedItem } from '../../domain/fairness/rerank/prefix.ts';
import type { RerankingSettings } from '../../domain/model/reranking-settings.ts';
import { UNKNOWN_GROUP } from './consented-groups.ts';

/** A graduate's consented value of each attribute the plan reads (null = unknown or not consented). */
export type Groups = Readonly<Record<string, string | null>>;

export interface RerankPlan {
  /** Indices into the score-ordered input: the re-ranked top k, then everyone else in score order. */
  order: number[];
  /** The attributes whose consented values the plan used. */
  attributes: readonly string[];
  /** The prefixes of a served list (groups in served order) short of the constraint the plan was built to. */
  check(served: readonly Groups[]): PrefixViolation[];
  /** Derived parameters worth logging: the floors (shares) or the m-table and its adjusted α for FA*IR. */
  derived: Record<string, unknown>;
}

/** The attributes a setting reads: the one it names, and for `floors` the others it lists. */
export function planAttributes(settings: RerankingSettings): string[] {
  return settings.method === 'floors'
    ? [...new Set([settings.attribute, ...settings.attributes])]
    : [settings.attribute];
}

/**
 * Re-orders a score-ordered list (best first) for the tenant's constraint. Pure; the scores are never
 * changed. Minimum shares are FLOORS, never quotas: det_const_sort and floors give every group of the
 * constrained attributes (and, for floors, every cell of their pairs) at least its share among the
 * candidates in every prefix of the top k, the targets raising the named groups further only where room
 * is left (floorRerank), so no group is pushed below its own share and none is capped. For `floors` the
 * qualified candidates are the first k by score, the list a reader would have been served (bench:rerank:
 * shares of the whole pool pull weak candidates up and cost far more nDCG); for det_const_sort they are
 * all candidates, so an explicit target is met while every other group keeps its share of the pool.
 * FA*IR keeps its m-table for the protected groups. People of unknown
 * demographics are never floored, never protected, never promoted: ranked by score among the rest.
 */
export function planRerank(
  items: readonly { score: number; groups: Groups }[],
  settings: RerankingSettings,
): RerankPlan {
  const attributes = planAttributes(settings);
  if (settings.method === 'fa_ir') {
    const a = settings.attribute;
    const ranked: (RankedItem & { index: number })[] = items.map((it, index) => ({
      id: String(index),
      score: it.score,
      group: it.groups[a] ?? UNKNOWN_GROUP,
      index,
    }));
    const result = fairRerank(ranked, {
      k: settings.k,
      p: settings.p,
      alpha: settings.alpha,
      protectedGroups: settings.protectedGroups,
    });
    const prot = new Set(settings.protectedGroups);
    const labelOf = (g: string | null | undefined) => (g && prot.has(g) ? PROTECTED : 'other');
    const top = result.ranking as typeof ranked;
    const placed = new Set(top.map((t) => t.index));
    return {
      order: [...top.map((t) => t.index), ...ranked.filter((r) => !placed.has(r.index)).map((r) => r.index)],
      attributes,
      check: (served) =>
        prefixViolations(
          served.map((g) => ({ group: labelOf(g[a]) })),
          { [PROTECTED]: result.mtable },
        ),
      derived: { mtable: result.mtable, alphaUsed: result.alphaUsed, failProbability: result.failProbability },
    };
  }
  const singles: Partition[] = attributes.map((a) => [a]);
  const partitions: Partition[] =
    settings.method === 'floors' && settings.intersections ? [...singles, ...attributePairs(attributes)] : singles;
  const targets = Object.fromEntries(Object.entries(settings.targetShares).filter(([g]) => g !== UNKNOWN_GROUP));
  const indexed = items.map((it, index) => ({ id: String(index), score: it.score, groups: it.groups }));
  const result = floorRerank(indexed, {
    k: settings.k,
    // floors: shares of the first k (what a reader would have been served); det_const_sort: shares of every
    // candidate, so a target share is met as long as each other group keeps its share of the whole pool.
    qualified: settings.method === 'floors' ? settings.k : indexed.length,
    partitions,
    targets: { [settings.attribute]: targets },
  });
  return {
    order: result.ranking.map((x) => Number(x.id)),
    attributes,
    check: (served) =>
      floorViolations(
        served.map((groups) => ({ groups })),
        partitions,
        result.required,
      ).map((v) => ({ prefix: v.prefix, group: `${v.partition}=${v.cell}`, count: v.count, required: v.required })),
    derived: { shares: result.shares, shortfalls: result.shortfalls.length },
  };
}
