import { VARIANT_KINDS, type VariantKind } from './types.ts';

/** One re-scored sample: a (subject, list) pair scored on the original text and on one variant. */
export interface CounterfactualResult {
  kind: VariantKind;
  /** False when the variant left the text unchanged (no cue of this kind was found). */
  textChanged: boolean;
  scoreBefore: number;
  scoreAfter: number;
  /** 1-based rank of the subject in its list before and after the swap. */
  rankBefore: number;
  rankAfter: number;
}

interface CounterfactualKindSummary {
  kind: VariantKind;
  samples: number;
  changedTexts: number;
  /** Over changed texts only; null when there are none. */
  meanAbsScoreDelta: number | null;
  maxAbsScoreDelta: number | null;
  meanAbsRankDelta: number | null;
  maxAbsRankDelta: number | null;
  shareRankChanged: number | null;
  /** meanAbsRankDelta > rankThreshold (strictly). */
  flagged: boolean;
}

export interface CounterfactualSummary {
  rankThreshold: number;
  kinds: CounterfactualKindSummary[];
  flaggedKinds: VariantKind[];
}

/** Default: a swap that moves the subject by more than one place on average is reported. */
const DEFAULT_RANK_THRESHOLD = 1;

/**
 * Per-variant summary for the audit report, one row per kind in VARIANT_KINDS order (zero rows too, so
 * reports have a fixed shape). Deltas are averaged over the samples whose text changed: an unchanged
 * text is re-scored identically by a deterministic scorer and would only dilute the figures.
 */
export function summarizeCounterfactual(
  results: readonly CounterfactualResult[],
  opts: { rankThreshold?: number } = {},
): CounterfactualSummary {
  const rankThreshold = opts.rankThreshold ?? DEFAULT_RANK_THRESHOLD;
  if (!(rankThreshold >= 0) || !Number.isFinite(rankThreshold))
    throw new RangeError(`rankThreshold must be finite and ≥ 0, got ${rankThreshold}`);
  for (const r of results) {
    for (const v of [r.scoreBefore, r.scoreAfter])
      if (!Number.isFinite(v)) throw new RangeError(`score must be finite, got ${v}`);
    for (const v of [r.rankBefore, r.rankAfter])
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`rank must be an integer ≥ 1, got ${v}`);
  }
  const kinds = VARIANT_KINDS.map((kind): CounterfactualKindSummary => {
    const mine = results.filter((r) => r.kind === kind);
    const changed = mine.filter((r) => r.textChanged);
    const n = changed.length;
    const dScore = changed.map((r) => Math.abs(r.scoreAfter - r.scoreBefore));
    const dRank = changed.map((r) => Math.abs(r.rankAfter - r.rankBefore));
    const mean = (xs: number[]): number | null => (n === 0 ? null : xs.reduce((s, x) => s + x, 0) / n);
    const max = (xs: number[]): number | null => (n === 0 ? null : xs.reduce((m, x) => Math.max(m, x), 0));
    const meanAbsRankDelta = mean(dRank);
    return {
      kind,
      samples: mine.length,
      changedTexts: n,
      meanAbsScoreDelta: mean(dScore),
      maxAbsScoreDelta: max(dScore),
      meanAbsRankDelta,
      maxAbsRankDelta: max(dRank),
      shareRankChanged: n === 0 ? null : dRank.filter((d) => d > 0).length / n,
      flagged: meanAbsRankDelta !== null && meanAbsRankDelta > rankThreshold,
    };
  });
  return { rankThreshold, kinds, flaggedKinds: kinds.filter((k) => k.flagged).map((k) => k.kind) };
}
