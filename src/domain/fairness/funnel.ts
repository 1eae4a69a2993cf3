import { assertCount, defined, undefinedBecause, type Maybe } from './types.ts';

/** The outcome funnel, in order; each stage counts individuals who reached it (nested in the one before). */
const FUNNEL_STAGES = ['shown', 'applied', 'interview', 'offer', 'hire'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type FunnelCounts = { group: string } & Record<FunnelStage, number>;

export interface FunnelRow {
  group: string;
  counts: Record<FunnelStage, number>;
  /** P(stage | previous stage), e.g. interview/applied; null when the previous stage is 0. */
  stepRates: Record<Exclude<FunnelStage, 'shown'>, number | null>;
  /** P(stage | shown); null when shown is 0. */
  fromShown: Record<Exclude<FunnelStage, 'shown'>, number | null>;
}

const ratio = (x: number, n: number): number | null => (n === 0 ? null : x / n);

function validate(g: FunnelCounts): void {
  let previous = Infinity;
  for (const s of FUNNEL_STAGES) {
    assertCount(`${g.group}.${s}`, g[s]);
    if (g[s] > previous)
      throw new RangeError(`${g.group}: ${s} (${g[s]}) exceeds the stage before it; counts must be nested`);
    previous = g[s];
  }
}

/**
 * Per-group funnel rates shown → applied → interview → offer → hire: the conditional step rate of each
 * stage given the previous one, and the cumulative rate from shown. 0/0 → null, never NaN.
 */
export function funnelRates(groups: readonly FunnelCounts[]): FunnelRow[] {
  return groups.map((g) => {
    validate(g);
    const { shown, applied, interview, offer, hire } = g;
    return {
      group: g.group,
      counts: { shown, applied, interview, offer, hire },
      stepRates: {
        applied: ratio(applied, shown),
        interview: ratio(interview, applied),
        offer: ratio(offer, interview),
        hire: ratio(hire, offer),
      },
      fromShown: {
        applied: ratio(applied, shown),
        interview: ratio(interview, shown),
        offer: ratio(offer, shown),
        hire: ratio(hire, shown),
      },
    };
  });
}

export interface EqualOpportunityDifference {
  outcome: FunnelStage;
  given: FunnelStage;
  /** max_g P(outcome | given, g) − min_g P(outcome | given, g). */
  difference: Maybe;
  maxGroup: string | null;
  maxRate: number | null;
  minGroup: string | null;
  minRate: number | null;
  /** Groups left out because no one in them reached `given` (their rate is 0/0). */
  undefinedGroups: string[];
}

/**
 * Equal-opportunity difference on the funnel: the spread (max − min, fairlearn's
 * `difference(method="between_groups")`) across groups of P(outcome | given), by default
 * P(interview | applied): among people who chose to apply, does each group get interviews equally
 * often? This is the funnel analogue of Hardt, Price & Srebro (2016) equal opportunity, with "applied"
 * standing in for the qualified/positive class (we have no ground-truth label); it is ≥ 0 and not the
 * signed AIF360 TPR_unpriv − TPR_priv. Groups with P undefined are listed, not silently treated as 0
 * (the fairlearn pitfall); fewer than two defined groups → null ('single-group' / 'empty-input').
 */
export function equalOpportunityDifference(
  groups: readonly FunnelCounts[],
  outcome: FunnelStage = 'interview',
  given: FunnelStage = 'applied',
): EqualOpportunityDifference {
  if (FUNNEL_STAGES.indexOf(given) >= FUNNEL_STAGES.indexOf(outcome))
    throw new RangeError(`given (${given}) must come before outcome (${outcome})`);
  let max: { group: string; rate: number } | null = null;
  let min: { group: string; rate: number } | null = null;
  let definedCount = 0;
  const undefinedGroups: string[] = [];
  for (const g of groups) {
    validate(g);
    const rate = ratio(g[outcome], g[given]);
    if (rate === null) {
      undefinedGroups.push(g.group);
      continue;
    }
    definedCount++;
    if (max === null || rate > max.rate) max = { group: g.group, rate };
    if (min === null || rate < min.rate) min = { group: g.group, rate };
  }
  const base = { outcome, given, undefinedGroups };
  if (max === null || min === null || definedCount < 2) {
    const reason = definedCount === 0 ? 'empty-input' : 'single-group';
    return {
      ...base,
      difference: undefinedBecause(reason),
      maxGroup: max?.group ?? null,
      maxRate: max?.rate ?? null,
      minGroup: min?.group ?? null,
      minRate: min?.rate ?? null,
    };
  }
  return {
    ...base,
    difference: defined(max.rate - min.rate),
    maxGroup: max.group,
    maxRate: max.rate,
    minGroup: min.group,
    minRate: min.rate,
  };
}
