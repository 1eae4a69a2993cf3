import { exactChoose, logChoose } from './gamma.ts';

/**
 * Binomial and hypergeometric distributions.
 *
 * Probabilities are computed exactly where the binomial coefficients fit in 2⁵³ (so e.g. a CDF that
 * equals α = 1/32 exactly is found equal, which decides scipy's ppf convention), and in log space
 * (ln C + x ln p + (n−x) ln(1−p)) otherwise, so large n never overflows.
 */

function assertCount(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
}

function assertProbability(name: string, v: number): void {
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${v}`);
}

/** P(X = x) for X ~ Binomial(n, p); 0 outside 0..n. */
export function binomPmf(x: number, n: number, p: number): number {
  assertCount('n', n);
  assertProbability('p', p);
  if (!Number.isInteger(x) || x < 0 || x > n) return 0;
  if (p === 0) return x === 0 ? 1 : 0;
  if (p === 1) return x === n ? 1 : 0;
  const c = exactChoose(n, x);
  if (c !== null) {
    const powers = Math.pow(p, x) * Math.pow(1 - p, n - x);
    if (powers > 1e-290) return c * powers;
  }
  return Math.exp(logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p));
}

/** F(x) = P(X ≤ x) for X ~ Binomial(n, p); x is floored; 0 for x < 0, 1 for x ≥ n. */
export function binomCdf(x: number, n: number, p: number): number {
  assertCount('n', n);
  assertProbability('p', p);
  const xf = Math.floor(x);
  if (xf < 0) return 0;
  if (xf >= n) return 1;
  let sum = 0;
  for (let i = 0; i <= xf; i++) sum += binomPmf(i, n, p);
  return Math.min(1, sum);
}

/**
 * Inverse CDF in scipy's `binom.ppf` convention: the smallest integer x in 0..n with F(x) ≥ q.
 * As in scipy, q = 0 gives −1 (one below the support) and q = 1 gives n.
 */
export function binomPpf(q: number, n: number, p: number): number {
  assertCount('n', n);
  assertProbability('q', q);
  assertProbability('p', p);
  if (q === 0) return -1;
  let sum = 0;
  for (let x = 0; x < n; x++) {
    sum += binomPmf(x, n, p);
    if (sum >= q) return x;
  }
  return n;
}

/**
 * P(X = x) for X ~ Hypergeometric: `draws` items taken without replacement from `population` items of
 * which `successes` are marked; X = marked items drawn. P = C(K, x)·C(N−K, n−x) / C(N, n).
 * (scipy.stats.hypergeom(M=population, n=successes, N=draws).pmf(x).)
 */
export function hypergeomPmf(x: number, population: number, successes: number, draws: number): number {
  assertCount('population', population);
  assertCount('successes', successes);
  assertCount('draws', draws);
  if (successes > population || draws > population)
    throw new RangeError('successes and draws must not exceed population');
  if (!Number.isInteger(x) || x < Math.max(0, draws - (population - successes)) || x > Math.min(draws, successes))
    return 0;
  const a = exactChoose(successes, x);
  const b = exactChoose(population - successes, draws - x);
  const c = exactChoose(population, draws);
  if (a !== null && b !== null && c !== null && a * b <= Number.MAX_SAFE_INTEGER) return (a * b) / c;
  return Math.exp(
    logChoose(successes, x) + logChoose(population - successes, draws - x) - logChoose(population, draws),
  );
}
