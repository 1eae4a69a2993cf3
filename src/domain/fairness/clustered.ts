import { normalSf } from './stats/normal.ts';
import { assertCount, type UndefinedReason } from './types.ts';

/**
 * One group's decisions summed per person i (n_i decisions, x_i of them selected): the sufficient
 * statistics of a cluster-robust variance, additive across cells because each person is in one cell.
 */
export interface ClusterSums {
  /** N = Σ n_i decisions. */
  decisions: number;
  /** X = Σ x_i selected decisions. */
  selected: number;
  /** G = number of people (clusters). */
  people: number;
  /** Σ n_i². */
  sumN2: number;
  /** Σ x_i². */
  sumX2: number;
  /** Σ x_i·n_i. */
  sumXN: number;
}

/** Sums for a group in which every person made exactly one decision (a row = a person). */
export function singletonClusters(decisions: number, selected: number): ClusterSums {
  return { decisions, selected, people: decisions, sumN2: decisions, sumX2: selected, sumXN: selected };
}

export function addClusterSums(a: ClusterSums, b: ClusterSums): ClusterSums {
  return {
    decisions: a.decisions + b.decisions,
    selected: a.selected + b.selected,
    people: a.people + b.people,
    sumN2: a.sumN2 + b.sumN2,
    sumX2: a.sumX2 + b.sumX2,
    sumXN: a.sumXN + b.sumXN,
  };
}

export const emptyClusterSums = (): ClusterSums => ({
  decisions: 0,
  selected: 0,
  people: 0,
  sumN2: 0,
  sumX2: 0,
  sumXN: 0,
});

export interface ClusteredRateTest {
  /** p_g − p_ref, decision-level rates. */
  difference: number | null;
  /** Cluster-robust standard error of the difference (CR1, see {@link clusteredRateTest}). */
  standardError: number | null;
  /** (p_g − p_ref)/SE: negative when the group is selected less often than the reference. */
  z: number | null;
  /** Two-sided p = 2·sf(|z|) on the standard normal; 0 when SE = 0 and the rates differ. */
  pValue: number | null;
  /** People (clusters) in the two groups together. */
  clusters: number;
  reason: UndefinedReason | null;
}

/** Σ_i (x_i − p·n_i)² with p = X/N, exactly: (N²Σx² − 2XNΣxn + X²Σn²)/N², numerator in BigInt. */
function residualSquares(s: ClusterSums): number {
  const N = BigInt(s.decisions);
  const X = BigInt(s.selected);
  const numerator = N * N * BigInt(s.sumX2) - 2n * X * N * BigInt(s.sumXN) + X * X * BigInt(s.sumN2);
  return Number(numerator) / (s.decisions * s.decisions);
}

function validate(name: string, s: ClusterSums): void {
  for (const [k, v] of Object.entries(s)) assertCount(`${name}.${k}`, v);
  if (s.selected > s.decisions) throw new RangeError(`${name}: selected exceeds decisions`);
  if (s.people > s.decisions) throw new RangeError(`${name}: more people than decisions`);
}

/**
 * Difference in decision-level selection rates between a group and the reference group, with a
 * variance clustered by person, so that many decisions of one person count as one person's evidence.
 * It is the OLS regression y = β0 + β1·[group] on the two groups' decisions with statsmodels'
 * `cov_type='cluster'` (groups = person) and its default small-sample factor (CR1):
 *   V_g = Σ_{i∈g} (x_i − p_g·n_i)² / N_g²,  Var(p_g − p_ref) = c·(V_g + V_ref),
 *   c = G/(G − 1) · (N − 1)/(N − 2),  G = people, N = decisions in both groups (2 parameters),
 * z = (p_g − p_ref)/√Var referred to the standard normal (statsmodels' default for robust covariances),
 * p = 2·sf(|z|). With one decision per person it is the unpooled (Wald) z with that factor. Undefined
 * when a group is empty ('empty-group') or there are fewer than 2 people or 3 decisions
 * ('single-observation'); SE = 0 gives z null and p = 1 if the rates are equal, p = 0 if they differ
 * ('zero-variance': no person varies, so the difference is the same in every resample of people).
 */
export function clusteredRateTest(group: ClusterSums, reference: ClusterSums): ClusteredRateTest {
  validate('group', group);
  validate('reference', reference);
  const clusters = group.people + reference.people;
  if (group.decisions === 0 || reference.decisions === 0)
    return { difference: null, standardError: null, z: null, pValue: null, clusters, reason: 'empty-group' };
  const difference = group.selected / group.decisions - reference.selected / reference.decisions;
  const decisions = group.decisions + reference.decisions;
  if (clusters < 2 || decisions < 3)
    return { difference, standardError: null, z: null, pValue: null, clusters, reason: 'single-observation' };
  const v =
    residualSquares(group) / (group.decisions * group.decisions) +
    residualSquares(reference) / (reference.decisions * reference.decisions);
  const c = (clusters / (clusters - 1)) * ((decisions - 1) / (decisions - 2));
  const variance = Math.max(0, c * v);
  if (variance === 0)
    return {
      difference,
      standardError: 0,
      z: null,
      pValue: difference === 0 ? 1 : 0,
      clusters,
      reason: 'zero-variance',
    };
  const standardError = Math.sqrt(variance);
  const z = difference / standardError;
  return { difference, standardError, z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))), clusters, reason: null };
}
