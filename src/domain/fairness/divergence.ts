import { normalise } from './skew.ts';
import { defined, undefinedBecause, type Maybe } from './types.ts';

/**
 * Distances between an observed distribution P (e.g. group shares in the top k) and a reference Q
 * (desired shares), over the union of their categories; both are given as non-negative weights and
 * normalised. As LiFT's DivergenceUtils lists them for ranking audits (KL_DIVERGENCE, JS_DIVERGENCE,
 * TOTAL_VAR_DIST, INF_NORM_DIST). Log base: natural by default (Geyik et al.'s NDKL uses ln); pass
 * `base: 2` for bits (LiFT).
 */
export interface DivergenceOptions {
  base?: 'e' | 2;
  /**
   * Smoothing of the reference for KL: q_a → max(q_a, ε) (FairRankTune style, ε = 1e-7 there). Without
   * it a category with p_a > 0 and q_a = 0 makes KL undefined ('zero-desired-share').
   */
  epsilon?: number;
  /**
   * Laplace smoothing of the reference for KL, as LiFT's computeKullbackLeiblerDivergence (alpha = 1.0
   * there): Q is given as COUNTS and q_a = (Q_a + α)/(ΣQ + α·C) over the C categories of P ∪ Q, so a
   * category absent from Q keeps KL finite. Applied before `epsilon`.
   */
  laplace?: number;
}

function aligned(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>, laplace = 0) {
  if (!(laplace >= 0) || !Number.isFinite(laplace)) throw new RangeError(`laplace must be finite and ≥ 0`);
  const keys = [...new Set([...Object.keys(q), ...Object.keys(p)])];
  const pn = normalise(p);
  const qn = normalise(Object.fromEntries(keys.map((k) => [k, (q[k] ?? 0) + laplace])));
  return keys.map((k) => [pn.get(k) ?? 0, qn.get(k) ?? 0] as const);
}

const logIn = (base: DivergenceOptions['base']) => (x: number) => (base === 2 ? Math.log2(x) : Math.log(x));

/** KL(P‖Q) = Σ_a p_a·log(p_a/q_a), 0·log(0/q) = 0; ≥ 0, 0 iff P = Q. */
export function klDivergence(
  p: Readonly<Record<string, number>>,
  q: Readonly<Record<string, number>>,
  options: DivergenceOptions = {},
): Maybe {
  const log = logIn(options.base);
  let sum = 0;
  for (const [pa, qa0] of aligned(p, q, options.laplace)) {
    if (pa === 0) continue;
    const qa = options.epsilon === undefined ? qa0 : Math.max(qa0, options.epsilon);
    if (qa === 0) return undefinedBecause('zero-desired-share');
    sum += pa * log(pa / qa);
  }
  return defined(Math.max(0, sum));
}

/** Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = (P + Q)/2; always defined, ≤ ln 2 (1 bit). */
export function jsDivergence(
  p: Readonly<Record<string, number>>,
  q: Readonly<Record<string, number>>,
  options: Pick<DivergenceOptions, 'base'> = {},
): number {
  const log = logIn(options.base);
  let sum = 0;
  for (const [pa, qa] of aligned(p, q)) {
    const m = (pa + qa) / 2;
    if (pa > 0) sum += 0.5 * pa * log(pa / m);
    if (qa > 0) sum += 0.5 * qa * log(qa / m);
  }
  return Math.max(0, sum);
}

/** Total variation distance ½·Σ_a |p_a − q_a| in [0, 1]. */
export function totalVariation(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): number {
  return aligned(p, q).reduce((s, [pa, qa]) => s + Math.abs(pa - qa), 0) / 2;
}

/** Chebyshev (L∞) distance max_a |p_a − q_a| (LiFT INF_NORM_DIST). */
export function infinityNorm(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): number {
  return aligned(p, q).reduce((m, [pa, qa]) => Math.max(m, Math.abs(pa - qa)), 0);
}
