import { fairAdjustedMTable, fairFailProbability, fairMTable } from './fair-mtable.ts';
import { byScoreDesc, prefixViolations, type PrefixViolation, type RankedItem } from './prefix.ts';

export interface FairOptions {
  k: number;
  /** Target minimum proportion of protected items, in (0, 1). */
  p: number;
  /** Significance α (fairsearchcore recommends 0.01..0.15). */
  alpha: number;
  /** Groups that count as protected (FA*IR is binary: protected vs the rest). */
  protectedGroups: readonly string[];
  /** Use the multiple-testing adjusted table (default true, as fairsearchcore's `Fair`). */
  adjust?: boolean;
}

export interface FairResult {
  ranking: RankedItem[];
  mtable: number[];
  /** The per-prefix α actually used (= alpha when adjust is false). */
  alphaUsed: number;
  /** Exact fail probability of the table over all k prefixes. */
  failProbability: number;
  /** Prefixes still short of m(i) because protected items ran out (empty when all are met). */
  violations: PrefixViolation[];
}

/** The label prefixViolations uses for the protected groups taken together. */
export const PROTECTED = 'protected';

/**
 * FA*IR re-ranking (Zehlike et al. 2017, Algorithm 2; fairsearchcore `re_ranker.py`): keep the
 * protected and non-protected items in two score-sorted queues; at each position i = 1..k, if fewer than
 * m(i) protected items are placed, take the best protected one; otherwise take the better of the two
 * queue heads, a tie going to the protected item. When one queue is empty the other is used, so the
 * output has min(k, |items|) items and may violate the table only if protected items run out.
 */
export function fairRerank(items: readonly RankedItem[], options: FairOptions): FairResult {
  const { k, p, alpha, adjust = true } = options;
  const adjusted = adjust ? fairAdjustedMTable(k, p, alpha) : null;
  const mtable = adjusted?.mtable ?? fairMTable(k, p, alpha);
  const isProtected = new Set(options.protectedGroups);
  const sorted = byScoreDesc(items);
  const prot = sorted.filter((it) => isProtected.has(it.group));
  const rest = sorted.filter((it) => !isProtected.has(it.group));
  const ranking: RankedItem[] = [];
  let pi = 0;
  let ri = 0;
  let placedProtected = 0;
  for (let i = 1; i <= Math.min(k, items.length); i++) {
    const hp = prot[pi];
    const hr = rest[ri];
    const need = placedProtected < (mtable[i - 1] ?? 0);
    const takeProtected = hp !== undefined && (need || hr === undefined || hp.score >= hr.score);
    if (takeProtected) {
      ranking.push(hp);
      pi++;
      placedProtected++;
    } else if (hr !== undefined) {
      ranking.push(hr);
      ri++;
    }
  }
  const violations = prefixViolations(ranking, { [PROTECTED]: mtable }, (it) =>
    isProtected.has(it.group) ? PROTECTED : 'other',
  );
  return {
    ranking,
    mtable,
    alphaUsed: adjusted?.adjustedAlpha ?? alpha,
    failProbability: adjusted?.failProbability ?? fairFailProbability(mtable, p),
    violations,
  };
}
