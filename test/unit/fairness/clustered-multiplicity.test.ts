import { describe, expect, it } from 'vitest';
import { clusteredRateTest, singletonClusters, type ClusterSums } from '../../../src/domain/fairness/clustered.ts';
import { benjaminiHochberg, holmAdjust } from '../../../src/domain/fairness/multiplicity.ts';
import { expectRel } from './helpers.ts';

/** Sums of (n_i, x_i) per person. */
function sums(people: readonly (readonly [number, number])[]): ClusterSums {
  return people.reduce(
    (s, [n, x]) => ({
      decisions: s.decisions + n,
      selected: s.selected + x,
      people: s.people + 1,
      sumN2: s.sumN2 + n * n,
      sumX2: s.sumX2 + x * x,
      sumXN: s.sumXN + x * n,
    }),
    { decisions: 0, selected: 0, people: 0, sumN2: 0, sumX2: 0, sumXN: 0 },
  );
}

describe('cluster-robust (by person) test of a difference in selection rates', () => {
  it('repeated decisions: by hand and equal to statsmodels OLS cov_type="cluster"', () => {
    // Group: people with (decisions, selected) (5,1), (2,0), (3,2): N = 10, X = 3, p = 0.3; residuals
    // x − p·n = −0.5, −0.6, 1.1 → Σ² = 1.82, V = 1.82/100. Reference: (4,3), (2,2), (3,1), (1,1): p = 0.7,
    // residuals 0.2, 0.6, −1.1, 0.3 → Σ² = 1.70, V = 0.017. c = 7/6 · 19/18 = 133/108.
    // SE = √(133/108 · 0.0352) = 0.2082021809…; z = −0.4/SE. statsmodels 0.13.5
    // OLS(y, [1, group]).fit(cov_type='cluster', cov_kwds={'groups': person}): se 0.20820218093994156,
    // z −1.9212094618518178, p 0.0547053057838931 (normal reference, use_t False).
    const t = clusteredRateTest(
      sums([
        [5, 1],
        [2, 0],
        [3, 2],
      ]),
      sums([
        [4, 3],
        [2, 2],
        [3, 1],
        [1, 1],
      ]),
    );
    expectRel(t.difference, -0.4, 1e-14);
    expectRel(t.standardError, Math.sqrt((133 / 108) * 0.0352), 1e-13);
    expectRel(t.standardError, 0.20820218093994156, 1e-12);
    expectRel(t.z, -1.9212094618518178, 1e-12);
    expectRel(t.pValue, 0.0547053057838931, 1e-10);
    expect(t.clusters).toBe(7);
  });

  it('one decision per person: the unpooled z with the CR1 factor (statsmodels value)', () => {
    // 3/12 vs 8/12: V = p(1−p)/n per group; c = 24/23 · 23/22 = 12/11.
    const t = clusteredRateTest(singletonClusters(12, 3), singletonClusters(12, 8));
    const v = (0.25 * 0.75) / 12 + ((8 / 12) * (4 / 12)) / 12;
    expectRel(t.standardError, Math.sqrt((12 / 11) * v), 1e-13);
    expectRel(t.standardError, 0.1929960485281364, 1e-12);
    expectRel(t.z, -2.1589388479418634, 1e-12);
    expectRel(t.pValue, 0.030854911489427927, 1e-10);
  });

  it('many decisions of few people are weak evidence: 3 people × 100 decisions each', () => {
    // Group: 3 people selected 10, 20, 30 of 100; reference: 3 people 40, 50, 60 of 100. Decision-level
    // rates 0.2 vs 0.5 (600 decisions would look overwhelming); by person the spread is wide.
    const t = clusteredRateTest(
      sums([
        [100, 10],
        [100, 20],
        [100, 30],
      ]),
      sums([
        [100, 40],
        [100, 50],
        [100, 60],
      ]),
    );
    // V_g = (100+0+100)/300² each; c = 6/5 · 599/598; SE = √(c · 400/90000).
    expectRel(t.standardError, Math.sqrt((6 / 5) * (599 / 598) * (400 / 90000)), 1e-13);
    expect(t.pValue).toBeGreaterThan(1e-6);
  });

  it('edge cases: empty group, single person, no variation', () => {
    expect(clusteredRateTest(sums([]), sums([[3, 1]])).reason).toBe('empty-group');
    expect(clusteredRateTest(sums([[1, 1]]), sums([])).pValue).toBeNull();
    expect(clusteredRateTest(sums([[1, 0]]), sums([[1, 1]])).reason).toBe('single-observation');
    const separated = clusteredRateTest(singletonClusters(10, 0), singletonClusters(10, 10));
    expect(separated).toMatchObject({ standardError: 0, z: null, pValue: 0, reason: 'zero-variance' });
    expect(clusteredRateTest(singletonClusters(10, 0), singletonClusters(10, 0)).pValue).toBe(1);
    expect(() => clusteredRateTest({ ...sums([[2, 1]]), selected: 3 }, sums([[2, 1]]))).toThrow(RangeError);
  });
});

describe('Holm and Benjamini–Hochberg (statsmodels multipletests)', () => {
  const p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04];
  it('Holm: sorted 0.005, 0.01, 0.03, 0.04, 0.04, 0.2 × 6, 5, 4, 3, 2, 1, then a running max', () => {
    // 0.03, 0.05, 0.12, 0.12, 0.08→0.12, 0.2; statsmodels: [0.05, 0.12, 0.12, 0.03, 0.2, 0.12].
    const holm = holmAdjust(p);
    [0.05, 0.12, 0.12, 0.03, 0.2, 0.12].forEach((e, i) => expectRel(holm[i], e, 1e-14));
  });
  it('BH: m·p_(i)/i from the top with a running min', () => {
    // 6·0.2/6 = 0.2; 6·0.04/5 = 0.048; 6·0.04/4 = 0.06 → 0.048; 6·0.03/3 = 0.06 → 0.048; 6·0.01/2 = 0.03; 6·0.005 =
    // 0.03.
    const q = benjaminiHochberg(p);
    [0.03, 0.048, 0.048, 0.03, 0.2, 0.048].forEach((e, i) => expectRel(q[i], e, 1e-14));
  });
  it('null p-values stay null and do not count in m; values are clipped to 1', () => {
    expect(holmAdjust([null, 0.5, 0.2])).toEqual([null, 0.5, 0.4]);
    expect(benjaminiHochberg([0.9, null, 0.6])).toEqual([0.9, null, 0.9]);
    expect(holmAdjust([])).toEqual([]);
    expect(() => holmAdjust([1.5])).toThrow(RangeError);
  });
});
