import type { UndefinedReason } from './types.ts';

/**
 * A group's (weighted) confusion counts: label = the outcome counted as positive (pos_label), predicted
 * = the tool's decision (selected). Weights are sample weights (fairlearn `sample_weight`); unweighted
 * counts are weights of 1.
 */
export interface ConfusionCounts {
  group: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** One labelled decision. */
export interface LabelledDecision {
  group: string;
  label: boolean;
  predicted: boolean;
  weight?: number;
}

/** Sums decisions into confusion counts per group (order of first appearance). Weights must be ≥ 0. */
export function confusionByGroup(rows: readonly LabelledDecision[]): ConfusionCounts[] {
  const out = new Map<string, ConfusionCounts>();
  for (const r of rows) {
    const w = r.weight ?? 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight must be finite and ≥ 0, got ${w}`);
    const c = out.get(r.group) ?? { group: r.group, tp: 0, fp: 0, fn: 0, tn: 0 };
    if (r.label && r.predicted) c.tp += w;
    else if (!r.label && r.predicted) c.fp += w;
    else if (r.label) c.fn += w;
    else c.tn += w;
    out.set(r.group, c);
  }
  return [...out.values()];
}

export interface OutcomeRow extends ConfusionCounts {
  /** TP/(TP + FN); null with no positive label in the group (fairlearn would silently give 0). */
  tpr: number | null;
  /** FP/(FP + TN); null with no negative label. */
  fpr: number | null;
  /** Precision TP/(TP + FP) (predictive parity); null when nothing was selected. */
  ppv: number | null;
  /** (TP + FP)/total. */
  selectionRate: number | null;
  /** (TP + FN)/total: the share labelled positive. */
  baseRate: number | null;
  /** Against the reference group: rate_g − rate_ref and rate_g/rate_ref (AIF360 unprivileged − privileged). */
  vsReference: {
    tprDifference: number | null;
    tprRatio: number | null;
    fprDifference: number | null;
    fprRatio: number | null;
    ppvDifference: number | null;
    ppvRatio: number | null;
  } | null;
}

export interface Spread {
  /** max − min over the groups where the rate is defined (fairlearn `difference(method='between_groups')`). */
  difference: number | null;
  /** min/max (fairlearn `ratio(method='between_groups')`); null when max = 0. */
  ratio: number | null;
  /** Groups left out because the rate is undefined for them. */
  undefinedGroups: string[];
  reason: UndefinedReason | null;
}

export interface OutcomeMetrics {
  rows: OutcomeRow[];
  referenceGroup: string | null;
  /** Equal opportunity (Hardt et al. 2016): the TPR spread (fairlearn `equal_opportunity_difference/ratio`). */
  equalOpportunity: Spread;
  /** FPR spread. */
  falsePositiveRate: Spread;
  /**
   * Equalized odds, fairlearn agg='worst_case': difference = max(TPR spread, FPR spread), ratio =
   * min(TPR ratio, FPR ratio); undefined when either part is.
   */
  equalizedOdds: { difference: number | null; ratio: number | null; reason: UndefinedReason | null };
  /** Predictive parity: the PPV (precision) spread. */
  predictiveParity: Spread;
}

const div = (x: number, n: number): number | null => (n === 0 ? null : x / n);

function spread(rows: readonly OutcomeRow[], pick: (r: OutcomeRow) => number | null): Spread {
  const undefinedGroups = rows.filter((r) => pick(r) === null).map((r) => r.group);
  const values = rows.flatMap((r) => {
    const v = pick(r);
    return v === null ? [] : [v];
  });
  if (values.length < 2)
    return {
      difference: null,
      ratio: null,
      undefinedGroups,
      reason: values.length === 0 ? 'empty-input' : 'single-group',
    };
  const max = Math.max(...values);
  const min = Math.min(...values);
  return {
    difference: max - min,
    ratio: max === 0 ? null : min / max,
    undefinedGroups,
    reason: max === 0 ? 'all-zero-rates' : null,
  };
}

/**
 * True and false positive rates, precision and selection rate per group, the spreads behind equal
 * opportunity, equalized odds and predictive parity, and (when `referenceGroup` is given and present)
 * each group against it. Every rate with a zero denominator is null and the group is listed as
 * undefined for that metric, never counted as 0.
 */
export function outcomeMetrics(groups: readonly ConfusionCounts[], referenceGroup?: string | null): OutcomeMetrics {
  const base = groups.map((g) => {
    for (const k of ['tp', 'fp', 'fn', 'tn'] as const)
      if (!(g[k] >= 0) || !Number.isFinite(g[k])) throw new RangeError(`${g.group}.${k} must be finite and ≥ 0`);
    const total = g.tp + g.fp + g.fn + g.tn;
    return {
      ...g,
      tpr: div(g.tp, g.tp + g.fn),
      fpr: div(g.fp, g.fp + g.tn),
      ppv: div(g.tp, g.tp + g.fp),
      selectionRate: div(g.tp + g.fp, total),
      baseRate: div(g.tp + g.fn, total),
    };
  });
  const ref = referenceGroup ? base.find((g) => g.group === referenceGroup) : undefined;
  const cmp = (a: number | null, b: number | null) => ({
    difference: a === null || b === null ? null : a - b,
    ratio: a === null || b === null || b === 0 ? null : a / b,
  });
  const rows: OutcomeRow[] = base.map((g) => {
    if (!ref) return { ...g, vsReference: null };
    const t = cmp(g.tpr, ref.tpr);
    const f = cmp(g.fpr, ref.fpr);
    const p = cmp(g.ppv, ref.ppv);
    return {
      ...g,
      vsReference: {
        tprDifference: t.difference,
        tprRatio: t.ratio,
        fprDifference: f.difference,
        fprRatio: f.ratio,
        ppvDifference: p.difference,
        ppvRatio: p.ratio,
      },
    };
  });
  const equalOpportunity = spread(rows, (r) => r.tpr);
  const falsePositiveRate = spread(rows, (r) => r.fpr);
  const eoDefined = equalOpportunity.difference !== null && falsePositiveRate.difference !== null;
  const ratioDefined = equalOpportunity.ratio !== null && falsePositiveRate.ratio !== null;
  return {
    rows,
    referenceGroup: ref ? ref.group : null,
    equalOpportunity,
    falsePositiveRate,
    equalizedOdds: {
      difference: eoDefined ? Math.max(equalOpportunity.difference ?? 0, falsePositiveRate.difference ?? 0) : null,
      ratio: ratioDefined ? Math.min(equalOpportunity.ratio ?? 0, falsePositiveRate.ratio ?? 0) : null,
      reason: eoDefined ? null : (equalOpportunity.reason ?? falsePositiveRate.reason),
    },
    predictiveParity: spread(rows, (r) => r.ppv),
  };
}
