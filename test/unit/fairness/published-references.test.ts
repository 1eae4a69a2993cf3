import { describe, expect, it } from 'vitest';
import { confusionByGroup, outcomeMetrics } from '../../../src/domain/fairness/outcomes.ts';
import { impactRatios } from '../../../src/domain/fairness/rates.ts';
import {
  fairAdjustedMTable,
  fairFailProbability,
  fairMTable,
} from '../../../src/domain/fairness/rerank/fair-mtable.ts';

/*
 * Values the reference libraries publish in their own documentation and test suites, reproduced from the
 * same inputs. Each table names its source (repository, path, commit) so a reader can compare.
 */

/**
 * Fairlearn, docs/user_guide/assessment/common_fairness_metrics.rst (fairlearn/fairlearn@04c0376349bb):
 * doctest inputs y_true, y_pred, sf_data and the printed results demographic_parity_difference 0.25,
 * demographic_parity_ratio 0.66666…, equalized_odds_difference 1.0, equalized_odds_ratio 0.0.
 */
describe("Fairlearn's common fairness metrics doctest", () => {
  const yTrue = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
  const yPred = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
  const sf = ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a', 'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c'];
  const rows = sf.map((group, i) => ({ group, label: yTrue[i] === 1, predicted: yPred[i] === 1 }));

  it.each([
    ['demographic_parity_difference', 0.25],
    ['demographic_parity_ratio', 2 / 3],
    ['equalized_odds_difference', 1],
    ['equalized_odds_ratio', 0],
  ] as const)('%s = %d', (metric, published) => {
    const counts = ['a', 'b', 'c'].map((group) => ({
      group,
      n: rows.filter((r) => r.group === group).length,
      selected: rows.filter((r) => r.group === group && r.predicted).length,
    }));
    const rates = impactRatios(counts).rows.map((r) => r.rate ?? Number.NaN);
    const odds = outcomeMetrics(confusionByGroup(rows)).equalizedOdds;
    const ours = {
      demographic_parity_difference: Math.max(...rates) - Math.min(...rates),
      demographic_parity_ratio: Math.min(...impactRatios(counts).rows.map((r) => r.impactRatio ?? Number.NaN)),
      equalized_odds_difference: odds.difference,
      equalized_odds_ratio: odds.ratio,
    }[metric];
    expect(ours).toBeCloseTo(published, 15);
  });
});

/**
 * FA*IR, fairsearchcore's test suite, tests/test_fair.py (fair-search/fairsearch-fair-python@37c031d0c8e5):
 * test_create_unadjusted_mtable's three parameter sets and tables, and test_compute_fail_probability's
 * values for its adjusted tables (test_create_adjusted_mtable). fairsearchcore's fail probability ignores the
 * table's last entry (fail_prob.py loops over positions 1..k−1), so its values are ours on the first k − 1.
 */
describe('FA*IR m-tables and fail probabilities (fairsearchcore tests)', () => {
  it.each([
    [10, 0.2, 0.15, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]],
    [20, 0.25, 0.1, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3]],
    [30, 0.3, 0.05, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5]],
  ] as const)('unadjusted m-table k = %d, p = %d, α = %d', (k, p, alpha, table) => {
    expect(fairMTable(k, p, alpha)).toEqual(table);
  });

  it.each([
    [10, 0.2, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1], 0.13421772800000065],
    [20, 0.25, [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2], 0.10515247355215251],
    [
      30,
      0.3,
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4],
      0.04877730797178359,
    ],
  ] as const)('fail probability of the published adjusted table, k = %d, p = %d', (k, p, table, published) => {
    expect(fairFailProbability(table.slice(0, k - 1), p)).toBeCloseTo(published, 12);
  });

  it.each([
    [10, 0.2, 0.15],
    [20, 0.25, 0.1],
    [30, 0.3, 0.05],
  ] as const)('our adjusted table k = %d, p = %d, α = %d keeps the exact all-k fail probability ≤ α', (k, p, alpha) => {
    const adjusted = fairAdjustedMTable(k, p, alpha);
    expect(adjusted.failProbability).toBe(fairFailProbability(adjusted.mtable, p));
    expect(adjusted.failProbability).toBeLessThanOrEqual(alpha);
    // Never more demanding than the unadjusted table at the same α.
    const unadjusted = fairMTable(k, p, alpha);
    adjusted.mtable.forEach((m, i) => expect(m).toBeLessThanOrEqual(unadjusted[i] ?? 0));
  });
});
