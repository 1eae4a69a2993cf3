/**
 * Shared result conventions for the fairness metrics: a figure that is mathematically undefined (0/0,
 * a group with no members, no variation) is `null` with a machine-readable reason, never NaN or ±∞,
 * so reports serialise to JSON unchanged and no comparison against NaN silently passes.
 */
export type UndefinedReason =
  | 'empty-input' // nothing to measure (no rows, no individuals, k = 0)
  | 'empty-group' // the group has n = 0
  | 'all-zero-rates' // the best group's rate is 0, so every ratio is 0/0
  | 'zero-variance' // pooled proportion is 0 or 1, so the z statistic is 0/0
  | 'single-observation' // n = 1: no sample standard deviation
  | 'zero-relevance' // a group's mean relevance is 0, so exposure/relevance is x/0
  | 'zero-exposure' // the reference group's exposure/relevance is 0
  | 'zero-desired-share' // a desired proportion is 0, so skew is ln(x/0)
  | 'absent-from-prefix' // unsmoothed skew of a group with no member in the top k is ln 0
  | 'single-category' // Cramér's V needs at least two categories on each side
  | 'single-group' // a between-group difference needs two groups with a defined rate
  | 'zero-ideal-gain' // nDCG with IDCG = 0
  | 'zero-denominator'; // generic x/0 (e.g. an odds ratio with b·c = 0)

/** A value that may be undefined, with the reason when it is. */
export interface Maybe {
  value: number | null;
  reason: UndefinedReason | null;
}

export const defined = (value: number): Maybe => ({ value, reason: null });
export const undefinedBecause = (reason: UndefinedReason): Maybe => ({ value: null, reason });

/** Throws a RangeError unless v is a non-negative integer (counts are validated, never coerced). */
export function assertCount(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
}
