import { defined, undefinedBecause, type Maybe, type UndefinedReason } from './types.ts';

/**
 * Smoothing for Skew@k when a group is absent (ln 0):
 * - 'laplace' (default, α = 1): LiFT's Laplace smoothing (linkedin/LiFT DivergenceUtils) applied to the
 *   top-k counts c_a and to the expected counts k·q_a over the same C categories:
 *   ln((c_a+α)/(k+αC)) − ln((k·q_a+α)/(k+αC)) = ln((c_a + α)/(k·q_a + α)). Exact representation gives 0,
 *   an absent group a finite negative value. (LiFT smooths whatever two count vectors it is given; we
 *   give it expected counts, so the target proportion is not flattened.)
 * - 'epsilon': FairRankTune style, ln(max(p, ε)/max(q, ε)) with p = c_a/k (ε = 1e-7 there).
 * - 'none': the paper's raw ln(p/q); an absent group gives null ('absent-from-prefix').
 */
export type SkewSmoothing =
  | {
      kind: 'laplace';
      alpha: number;
      /**
       * 'counts': smooth `desired` as the count vector it is given, exactly LiFT's computeSkew
       * ln((c_a+α)/(|τ^k|+αC)) − ln((w_a+α)/(Σw+αC)); the default smooths the expected counts |τ^k|·q_a
       * (the two agree when Σw = |τ^k|).
       */
      desired?: 'expected' | 'counts';
    }
  | { kind: 'epsilon'; epsilon: number }
  | { kind: 'none' };

export const DEFAULT_SKEW_SMOOTHING: SkewSmoothing = { kind: 'laplace', alpha: 1 };

export interface SkewRow {
  group: string;
  countAtK: number;
  /** Observed share c_a / |τ^k|. */
  share: number;
  /** Desired share q_a (normalised). */
  desiredShare: number;
  skew: number | null;
  reason: UndefinedReason | null;
}

/** Normalises non-negative weights (proportions or counts) to sum 1; throws when they sum to 0. */
export function normalise(weights: Readonly<Record<string, number>>): Map<string, number> {
  let total = 0;
  for (const w of Object.values(weights)) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights must be finite and ≥ 0, got ${w}`);
    total += w;
  }
  if (total === 0) throw new RangeError('weights sum to 0');
  return new Map(Object.entries(weights).map(([g, w]) => [g, w / total]));
}

/**
 * Skew_a@k(τ) = ln(p_{τ^k,a} / p_{q,a}) for every group a (Geyik, Ambler & Kenthapadi, KDD 2019, §3.1;
 * natural log; > 0 over-represented, < 0 under-represented). `ranking` lists each ranked item's group in
 * rank order; τ^k is its first min(k, |τ|) items; `desired` is the target distribution (proportions or
 * counts, normalised). Groups are the union of desired's keys and the ranking's groups, desired's first.
 * Empty prefix → every skew null ('empty-input'). Zero desired share without Laplace → null.
 */
export function skewAtK(
  ranking: readonly string[],
  desired: Readonly<Record<string, number>>,
  k: number,
  smoothing: SkewSmoothing = DEFAULT_SKEW_SMOOTHING,
): SkewRow[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  const q = normalise(desired);
  const prefix = ranking.slice(0, k);
  const counts = new Map<string, number>([...q.keys()].map((g) => [g, 0]));
  for (const g of ranking) if (!counts.has(g)) counts.set(g, 0);
  for (const g of prefix) counts.set(g, (counts.get(g) ?? 0) + 1);
  const size = prefix.length;
  const desiredTotal = Object.values(desired).reduce((t, w) => t + w, 0);
  return [...counts].map(([group, c]) => {
    const qa = q.get(group) ?? 0;
    const share = size === 0 ? 0 : c / size;
    const row = { group, countAtK: c, share, desiredShare: qa };
    if (size === 0) return { ...row, skew: null, reason: 'empty-input' };
    if (smoothing.kind === 'laplace' && smoothing.desired === 'counts') {
      const a = smoothing.alpha;
      const cats = counts.size;
      const w = desired[group] ?? 0;
      return {
        ...row,
        skew: Math.log((c + a) / (size + a * cats)) - Math.log((w + a) / (desiredTotal + a * cats)),
        reason: null,
      };
    }
    if (smoothing.kind === 'laplace')
      return { ...row, skew: Math.log((c + smoothing.alpha) / (size * qa + smoothing.alpha)), reason: null };
    if (smoothing.kind === 'epsilon')
      return {
        ...row,
        skew: Math.log(Math.max(share, smoothing.epsilon) / Math.max(qa, smoothing.epsilon)),
        reason: null,
      };
    if (qa === 0) return { ...row, skew: null, reason: 'zero-desired-share' };
    if (c === 0) return { ...row, skew: null, reason: 'absent-from-prefix' };
    return { ...row, skew: Math.log(share / qa), reason: null };
  });
}

export interface SkewExtremes {
  minSkew: Maybe & { group: string | null };
  maxSkew: Maybe & { group: string | null };
}

/**
 * MinSkew@k = min_a Skew_a@k and MaxSkew@k = max_a Skew_a@k (Geyik et al. 2019, Eqs. 2–3). When any
 * group's skew is undefined the extreme is undefined too (with that reason): the worst group is exactly
 * the one we cannot measure, so taking the min over the rest would hide it.
 */
export function minMaxSkew(rows: readonly SkewRow[]): SkewExtremes {
  const bad = rows.find((r) => r.skew === null);
  if (rows.length === 0 || bad !== undefined) {
    const reason = bad?.reason ?? 'empty-input';
    return {
      minSkew: { ...undefinedBecause(reason), group: bad?.group ?? null },
      maxSkew: { ...undefinedBecause(reason), group: bad?.group ?? null },
    };
  }
  let lo = rows[0];
  let hi = rows[0];
  for (const r of rows) {
    if ((r.skew ?? 0) < (lo?.skew ?? 0)) lo = r;
    if ((r.skew ?? 0) > (hi?.skew ?? 0)) hi = r;
  }
  return {
    minSkew: { ...defined(lo?.skew ?? 0), group: lo?.group ?? null },
    maxSkew: { ...defined(hi?.skew ?? 0), group: hi?.group ?? null },
  };
}

/**
 * NDKL(τ) = (1/Z) Σ_{i=1}^{|τ|} (1/log2(i+1)) · d_KL(D_{τ^i} ‖ D_r), Z = Σ_{i=1}^{|τ|} 1/log2(i+1)
 * (Geyik et al. 2019, Eq. 4). d_KL(P‖Q) = Σ_a P(a) ln(P(a)/Q(a)), natural log, with 0·ln 0 = 0, so no
 * smoothing is needed on the observed side. D_r = `desired` (normalised) or, when omitted, the ranking's
 * own overall group distribution (FairRankTune's choice). 0 = every prefix matches D_r. Empty ranking →
 * null ('empty-input'); a prefix containing a group with D_r(a) = 0 → null ('zero-desired-share').
 */
export function ndkl(ranking: readonly string[], desired?: Readonly<Record<string, number>>): Maybe {
  if (ranking.length === 0) return undefinedBecause('empty-input');
  let reference: Map<string, number>;
  if (desired === undefined) {
    const overall: Record<string, number> = {};
    for (const g of ranking) overall[g] = (overall[g] ?? 0) + 1;
    reference = normalise(overall);
  } else {
    reference = normalise(desired);
  }
  const counts = new Map<string, number>();
  let z = 0;
  let sum = 0;
  for (const [idx, g] of ranking.entries()) {
    const i = idx + 1;
    counts.set(g, (counts.get(g) ?? 0) + 1);
    let kl = 0;
    for (const [a, c] of counts) {
      const qa = reference.get(a) ?? 0;
      if (qa === 0) return undefinedBecause('zero-desired-share');
      kl += (c / i) * Math.log(c / i / qa);
    }
    const w = 1 / Math.log2(i + 1);
    z += w;
    sum += w * Math.max(0, kl); // KL ≥ 0; clamp rounding noise like −1e-17
  }
  return defined(sum / z);
}
