import { attributePairs } from '../../domain/audit-report/attributes.ts';
import { fairRerank, PROTECTED } from '../../domain/fairness/rerank/fair-rerank.ts';
import { geyikRerank, type GeyikVariant } from '../../domain/fairness/rerank/det-greedy.ts';
import {
  catchUpFloors,
  relaxedCells,
  type CatchUpFloor,
  type SelectionTally,
} from '../../domain/fairness/rerank/cross-list.ts';
import {
  cellOf,
  floorRerank,
  floorShares,
  floorViolations,
  partitionKey,
  type Partition,
} from '../../domain/fairness/rerank/floors.ts';
import {
  minCountsFromShares,
  prefixViolations,
  type PrefixViolation,
  type RankedItem,
} from '../../domain/fairness/rerank/prefix.ts';
import type { MoveCause } from '../../domain/explain/rerank-move.ts';
import { isGeyikMethod, type RerankingSettings } from '../../domain/model/reranking-settings.ts';
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
  /** Served positions whose rank differs from the score order, and why (absent: not computed by the method). */
  moves?: Move[];
  /** floors with crossList: the catch-up floors this list was built to. */
  catchUp?: CatchUpFloor[];
  /** floors: the groupings (partitions) constrained. */
  partitions?: readonly Partition[];
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
  context: { tally?: SelectionTally; served?: number } = {},
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
  if (isGeyikMethod(settings.method)) return geyikPlan(items, settings, GEYIK_VARIANT[settings.method]);
  const singles: Partition[] = attributes.map((a) => [a]);
  const partitions: Partition[] =
    settings.method === 'floors' && settings.intersections ? [...singles, ...attributePairs(attributes)] : singles;
  const targets = Object.fromEntries(Object.entries(settings.targetShares).filter(([g]) => g !== UNKNOWN_GROUP));
  const indexed = items.map((it, index) => ({ id: String(index), score: it.score, groups: it.groups }));
  const targetsBy = { [settings.attribute]: targets };
  const cross = settings.method === 'floors' && settings.crossList.enabled && context.tally ? context.tally : null;
  // Cells not lagging across lists lose their per-list share floors (they are only held where they would lag).
  const exempt = cross ? relaxedCells(cross, { ratio: settings.crossList.ratio }) : {};
  const catchUp = cross
    ? listCatchUp(indexed, partitions, settings, targetsBy, cross, context.served ?? settings.k, exempt)
    : [];
  const top = settings.crossList.selectedTop;
  const result = floorRerank(indexed, {
    k: settings.k,
    // floors: shares of the first k (what a reader would have been served); det_const_sort: shares of every
    // candidate, so a target share is met as long as each other group keeps its share of the whole pool.
    qualified: settings.method === 'floors' ? settings.k : indexed.length,
    partitions,
    targets: targetsBy,
    atLeast: catchUp.map((f) => ({ partition: f.grouping, cell: f.cell, prefix: top, count: f.required })),
    exempt,
  });
  const order = result.ranking.map((x) => Number(x.id));
  const caughtUp = new Set(catchUp.map((f) => `${f.grouping}\u0000${f.cell}`));
  return {
    order,
    moves: movesOf(order, context.served ?? order.length, (index) =>
      partitions.some((p) => {
        const cell = cellOf(indexed[index] ?? { groups: {} }, p);
        return cell !== null && caughtUp.has(`${partitionKey(p)}\u0000${cell}`) && order.indexOf(index) < top;
      }),
    ),
    catchUp,
    partitions,
    attributes,
    check: (served) =>
      floorViolations(
        served.map((groups) => ({ groups })),
        partitions,
        result.required,
      ).map((v) => ({ prefix: v.prefix, group: `${v.partition}=${v.cell}`, count: v.count, required: v.required })),
    derived: {
      shares: result.shares,
      shortfalls: result.shortfalls.length,
      ...(catchUp.length > 0 ? { catchUp } : {}),
    },
  };
}

/** The catch-up floors of one list: its cells' members among the first `served`, share floors at the top K. */
function listCatchUp(
  indexed: readonly { id: string; score: number; groups: Groups }[],
  partitions: readonly Partition[],
  settings: RerankingSettings,
  targets: Readonly<Record<string, Readonly<Record<string, number>>>>,
  tally: SelectionTally,
  served: number,
  exempt: Readonly<Record<string, readonly string[]>>,
): CatchUpFloor[] {
  const top = settings.crossList.selectedTop;
  const qualified = indexed.slice(0, settings.k);
  const list: Record<string, Record<string, number>> = {};
  const floors: Record<string, Record<string, number>> = {};
  for (const p of partitions) {
    const key = partitionKey(p);
    const members: Record<string, number> = {};
    for (const it of indexed.slice(0, served)) {
      const c = cellOf(it, p);
      if (c !== null) members[c] = (members[c] ?? 0) + 1;
    }
    const available: Record<string, number> = {};
    for (const it of indexed) {
      const c = cellOf(it, p);
      if (c !== null) available[c] = (available[c] ?? 0) + 1;
    }
    list[key] = members;
    const relaxed = new Set(exempt[key] ?? []);
    floors[key] = Object.fromEntries(
      Object.entries(floorShares(qualified, p, targets[key])).map(([c, share]) => [
        c,
        relaxed.has(c) ? 0 : Math.min(available[c] ?? 0, Math.floor(top * share + 1e-9)),
      ]),
    );
  }
  return catchUpFloors(tally, list, floors, { selectedTop: top, ratio: settings.crossList.ratio });
}

export interface Move {
  /** 1-based rank in score order. */
  scoreRank: number;
  /** 1-based rank as served. */
  servedRank: number;
  cause: MoveCause;
}

/**
 * The served positions (first `served` of `order`) whose rank differs from the score rank: moved up for a
 * catch-up floor (`caughtUp(index)`: one of the item's cells had a cross-list floor and it sits in the top
 * K) or a share floor, moved down to make room.
 */
export function movesOf(order: readonly number[], served: number, caughtUp: (index: number) => boolean): Move[] {
  const moves: Move[] = [];
  for (const [pos, index] of order.slice(0, served).entries()) {
    if (index === pos) continue;
    const cause: MoveCause = index < pos ? 'made_room' : caughtUp(index) ? 'catch_up_floor' : 'share_floor';
    moves.push({ scoreRank: index + 1, servedRank: pos + 1, cause });
  }
  return moves;
}

const GEYIK_VARIANT = { det_greedy: 'greedy', det_cons: 'conservative', det_relaxed: 'relaxed' } as const;

/**
 * DetGreedy / DetCons / DetRelaxed on the one attribute. The desired distribution is each group's share of
 * the first k by score (the list a reader would have been served), raised to its target share where one is
 * given and room is left (floorShares, as `floors`); the rest of the mass goes to people without a known
 * value, so no group's target is below its own share of those candidates. The published methods then hold
 * every prefix i between ⌊i·p⌋ and (while another group is short) ⌈i·p⌉.
 */
function geyikPlan(
  items: readonly { score: number; groups: Groups }[],
  settings: RerankingSettings,
  variant: GeyikVariant,
): RerankPlan {
  const a = settings.attribute;
  const ranked: (RankedItem & { index: number })[] = items.map((it, index) => ({
    id: String(index),
    score: it.score,
    group: it.groups[a] ?? UNKNOWN_GROUP,
    index,
  }));
  const targets = Object.fromEntries(Object.entries(settings.targetShares).filter(([g]) => g !== UNKNOWN_GROUP));
  const qualified = items.slice(0, settings.k);
  const known = floorShares(qualified, [a], targets);
  const shares: Record<string, number> = { ...known };
  for (const r of ranked) shares[r.group] ??= 0;
  const knownSum = Object.values(known).reduce((x, y) => x + y, 0);
  shares[UNKNOWN_GROUP] = Math.max(0, 1 - knownSum);
  const top = geyikRerank(ranked, shares, settings.k, variant) as typeof ranked;
  const placed = new Set(top.map((t) => t.index));
  const minCounts = minCountsFromShares(known, settings.k);
  return {
    order: [...top.map((t) => t.index), ...ranked.filter((r) => !placed.has(r.index)).map((r) => r.index)],
    attributes: [a],
    check: (served) =>
      prefixViolations(
        served.map((g) => ({ group: g[a] ?? UNKNOWN_GROUP })),
        minCounts,
      ).filter((v) => {
        // A floor counts only as far as the group has people in the list (as floorRerank caps it).
        const available = served.filter((g) => g[a] === v.group).length;
        return v.count < Math.min(v.required, available);
      }),
    derived: { shares, variant },
  };
}
