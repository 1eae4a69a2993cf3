import { describe, expect, it } from 'vitest';
import { infinityNorm, jsDivergence, klDivergence, totalVariation } from '../../../src/domain/fairness/divergence.ts';
import { generalizedEntropyIndex, theilIndex } from '../../../src/domain/fairness/inequality.ts';
import { confusionByGroup, outcomeMetrics } from '../../../src/domain/fairness/outcomes.ts';
import { impactRatios } from '../../../src/domain/fairness/rates.ts';
import { detConstSort } from '../../../src/domain/fairness/rerank/det-const-sort.ts';
import { geyikRerank, GEYIK_VARIANTS } from '../../../src/domain/fairness/rerank/det-greedy.ts';
import { minCountsFromShares, prefixViolations } from '../../../src/domain/fairness/rerank/prefix.ts';
import { minMaxSkew, skewAtK } from '../../../src/domain/fairness/skew.ts';
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

/**
 * AIF360, tests/test_classification_metric.py (Trusted-AI/AIF360@1eb958f24a31): benefits b_i = 1 + ŷ_i − y_i
 * of ten people (label column `data`, predictions `pred` with rows 3, 9 set to 0 and rows 4, 5 set to 1),
 * generalized_entropy_index() (α = 2) == 0.2 and, for a second prediction vector, == 0.3; theil_index() ==
 * 4·ln 2/10; between_all_groups_generalized_entropy_index() == 1/20·Σ(b̄_g² − 1) and, with feat = 0 unprivileged
 * against feat = 1 privileged, between_group_generalized_entropy_index() == 1/12·Σ(b̄_g² − 1), each person's
 * benefit replaced by their group's mean. AIF360 divides GE(0) by μ as well; every μ here is 1, so the
 * conventions agree on these vectors.
 */
describe("AIF360's generalized entropy and Theil index tests", () => {
  const y = [1, 0, 0, 1, 0, 0, 1, 0, 1, 1];
  const feat = [0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
  const predA = y.map((v, i) => (i === 3 || i === 9 ? 0 : i === 4 || i === 5 ? 1 : v));
  const predB = [0, 1, 1, 0, 0, 0, 0, 1, 1, 1];
  const benefit = (pred: readonly number[], label: readonly number[]) => pred.map((p, i) => 1 + p - (label[i] ?? 0));
  /** Each value replaced by its group's mean (AIF360's between-group benefit vector). */
  const groupMeans = (values: readonly number[], groups: readonly number[]) =>
    values.map((_, i) => {
      const members = values.filter((__, j) => groups[j] === groups[i]);
      return members.reduce((s, v) => s + v, 0) / members.length;
    });

  it('generalized_entropy_index() == 0.2 and 0.3 (α = 2)', () => {
    expect(benefit(predA, y)).toEqual([1, 1, 1, 0, 2, 2, 1, 1, 1, 0]);
    expect(generalizedEntropyIndex(benefit(predA, y), 2).value).toBeCloseTo(0.2, 15);
    expect(generalizedEntropyIndex(benefit(predB, y), 2).value).toBeCloseTo(0.3, 15);
  });

  it('theil_index() == 4·ln 2/10', () => {
    expect(theilIndex(benefit(predA, y)).value).toBeCloseTo((4 * Math.log(2)) / 10, 15);
  });

  it('between-all-groups GE: b = [1, 1, 1.25 ×4, 0.75 ×4], 1/20·Σ(b² − 1)', () => {
    const b = groupMeans(benefit(predA, y), feat);
    expect(b).toEqual([1, 1, 1.25, 1.25, 1.25, 1.25, 0.75, 0.75, 0.75, 0.75]);
    expect(generalizedEntropyIndex(b, 2).value).toBeCloseTo((1 / 20) * b.reduce((s, v) => s + v * v - 1, 0), 15);
  });

  it('between-group GE (feat 0 vs feat 1): b = [0.5, 0.5, 1.25 ×4], 1/12·Σ(b² − 1)', () => {
    const label = [1, 0, 0, 1, 0, 0];
    const pred = [0, 0, 0, 0, 1, 1]; // rows 0, 3 set to 0, rows 4, 5 set to 1
    const b = groupMeans(benefit(pred, label), [0, 0, 1, 1, 1, 1]);
    expect(b).toEqual([0.5, 0.5, 1.25, 1.25, 1.25, 1.25]);
    expect(generalizedEntropyIndex(b, 2).value).toBeCloseTo((1 / 12) * b.reduce((s, v) => s + v * v - 1, 0), 15);
  });
});

/**
 * AIF360, tests/test_classification_metric.py (Trusted-AI/AIF360@1eb958f24a31), test_multiclass_confusion_matrix:
 * labels {0, 1} favourable and 2 unfavourable, feat = 2 unprivileged against feat ∈ {0, 1} privileged; the
 * binary confusion matrix is {TP: 7, FN: 1, TN: 2, FP: 0} and false_negative_rate_difference() == −0.2
 * (unprivileged − privileged, AIF360's sign). FNR = 1 − TPR, so it is minus our TPR difference against the
 * privileged group as reference (equal opportunity difference in AIF360's orientation, +0.2).
 */
describe("AIF360's multiclass confusion matrix test", () => {
  const feat = [0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
  const label = [1, 0, 0, 1, 0, 2, 1, 0, 2, 1];
  const pred = label.map((v, i) => (i === 3 ? 0 : i === 4 ? 2 : v));
  const rows = feat.map((f, i) => ({
    group: f === 2 ? 'unprivileged' : 'privileged',
    label: label[i] !== 2,
    predicted: pred[i] !== 2,
  }));

  it('confusion matrix {TP 7, FN 1, TN 2, FP 0}', () => {
    const all = confusionByGroup(rows.map((r) => ({ ...r, group: 'all' })))[0];
    expect(all).toEqual({ group: 'all', tp: 7, fp: 0, fn: 1, tn: 2 });
  });

  it('false_negative_rate_difference() == −0.2', () => {
    const m = outcomeMetrics(confusionByGroup(rows), 'privileged');
    const unprivileged = m.rows.find((r) => r.group === 'unprivileged');
    expect(unprivileged?.vsReference?.tprDifference).toBeCloseTo(0.2, 15);
    expect(-(unprivileged?.vsReference?.tprDifference ?? Number.NaN)).toBeCloseTo(-0.2, 15);
  });
});

/**
 * AIF360, tests/test_deterministic_reranking.py (Trusted-AI/AIF360@01b77d487c81), AIF360's implementation of
 * Geyik, Ambler & Kenthapadi (KDD 2019): ten items (r: 100, 90, 80, 70, 10; b: 60, 50, 40, 30, 20),
 * rec_size = 6, target_prop = [0.5, 0.5]; Greedy, Conservative, Relaxed and Constrained (DetConstSort) all
 * return a list in which r holds 0.5. Our DetConstSort gives the same share; the order is traced by hand
 * from the paper's Algorithm 3 (a pair is inserted whenever ⌊i·½⌋ rises, at i = 2, 4, 6).
 */
describe("AIF360's deterministic re-ranking test (Geyik et al.'s algorithms)", () => {
  const items = [
    ['r', 100],
    ['r', 90],
    ['r', 80],
    ['r', 70],
    ['b', 60],
    ['b', 50],
    ['b', 40],
    ['b', 30],
    ['b', 20],
    ['r', 10],
  ].map(([group, score], i) => ({ id: String(i), group: String(group), score: Number(score) }));

  it('rec_size 6, target ½/½: r holds 0.5 of the list', () => {
    const out = detConstSort(items, { r: 0.5, b: 0.5 }, 6);
    expect(out.filter((x) => x.group === 'r').length / out.length).toBe(0.5);
    expect(out.map((x) => x.score)).toEqual([100, 60, 90, 50, 80, 40]);
    expect(prefixViolations(out, minCountsFromShares({ r: 0.5, b: 0.5 }, 6))).toEqual([]);
  });

  it.each(GEYIK_VARIANTS)('rec_size 6, target ½/½, %s: r holds 0.5 of the list', (variant) => {
    const out = geyikRerank(items, { r: 0.5, b: 0.5 }, 6, variant);
    expect(out.filter((x) => x.group === 'r').length / out.length).toBe(0.5);
    expect(out.map((x) => x.score)).toEqual([100, 60, 90, 50, 80, 40]);
  });
});

/**
 * LiFT (LinkedIn Fairness Toolkit), lift/src/test/scala/com/linkedin/lift/lib/DivergenceUtilsTest.scala
 * (linkedin/LiFT@3ade989e9329): the published expectations are written as formulas there; they are copied as
 * formulas here. LiFT's KL is in bits with Laplace α = 1 on the reference counts (computeKullbackLeiblerDivergence
 * default): our `{ base: 2, laplace: 1 }`. JS is in bits without smoothing; TV and L∞ are on proportions. The
 * distributions are over (gender, age) cells, written "M20" for (MALE, 20).
 */
describe("LiFT's divergence and distance tests", () => {
  const noOverlap = [
    { M20: 24, F40: 4 },
    { F20: 20, M40: 10 },
  ] as const;
  const overlap = [
    { M20: 24, M40: 12, F40: 4 },
    { F20: 20, F40: 5, M40: 10 },
  ] as const;
  const log = Math.log;

  it('KL divergence, no overlap, both directions', () => {
    const kl12 = (1 / log(2)) * ((24 / 28) * log(24 / 28 / (1 / 34)) + (4 / 28) * log(4 / 28 / (1 / 34)));
    const kl21 = (1 / log(2)) * ((20 / 30) * log(20 / 30 / (1 / 32)) + (10 / 30) * log(10 / 30 / (1 / 32)));
    expect(klDivergence(noOverlap[0], noOverlap[1], { base: 2, laplace: 1 }).value).toBeCloseTo(kl12, 12);
    expect(klDivergence(noOverlap[1], noOverlap[0], { base: 2, laplace: 1 }).value).toBeCloseTo(kl21, 12);
    // Without smoothing a category of P absent from Q leaves KL undefined rather than infinite.
    expect(klDivergence(noOverlap[0], noOverlap[1]).reason).toBe('zero-desired-share');
  });

  it('KL divergence, with overlap, both directions', () => {
    const kl12 =
      (1 / log(2)) *
      ((24 / 40) * log(24 / 40 / (1 / 39)) + (12 / 40) * log(12 / 40 / (11 / 39)) + (4 / 40) * log(4 / 40 / (6 / 39)));
    const kl21 =
      (1 / log(2)) *
      ((20 / 35) * log(20 / 35 / (1 / 44)) + (5 / 35) * log(5 / 35 / (5 / 44)) + (10 / 35) * log(10 / 35 / (13 / 44)));
    expect(klDivergence(overlap[0], overlap[1], { base: 2, laplace: 1 }).value).toBeCloseTo(kl12, 12);
    expect(klDivergence(overlap[1], overlap[0], { base: 2, laplace: 1 }).value).toBeCloseTo(kl21, 12);
  });

  it('JS divergence, symmetric, with and without overlap', () => {
    const noOv =
      (0.5 / log(2)) *
      ((24 / 28) * log(24 / 28 / (12 / 28)) +
        (4 / 28) * log(4 / 28 / (2 / 28)) +
        (20 / 30) * log(20 / 30 / (10 / 30)) +
        (10 / 30) * log(10 / 30 / (5 / 30)));
    const ov =
      (0.5 / log(2)) *
      ((24 / 40) * log(24 / 40 / (12 / 40)) +
        (12 / 40) * log(12 / 40 / (820 / 2800)) +
        (4 / 40) * log(4 / 40 / (340 / 2800)) +
        (20 / 35) * log(20 / 35 / (10 / 35)) +
        (5 / 35) * log(5 / 35 / (340 / 2800)) +
        (10 / 35) * log(10 / 35 / (820 / 2800)));
    for (const [[p, q], published] of [
      [noOverlap, noOv],
      [overlap, ov],
    ] as const) {
      expect(jsDivergence(p, q, { base: 2 })).toBeCloseTo(published, 12);
      expect(jsDivergence(q, p, { base: 2 })).toBeCloseTo(published, 12);
    }
  });

  it('total variation and infinity norm distances, symmetric', () => {
    const tvOverlap = [
      { M20: 24, M40: 12, F40: 4 },
      { F20: 25, F40: 5, M40: 10 },
    ] as const;
    for (const [[p, q], tv, inf] of [
      [noOverlap, 1, 24 / 28],
      [tvOverlap, (0.5 * (24 + 2 + 25 + 1)) / 40, 25 / 40],
    ] as const) {
      expect(totalVariation(p, q)).toBeCloseTo(tv, 12);
      expect(totalVariation(q, p)).toBeCloseTo(tv, 12);
      expect(infinityNorm(p, q)).toBeCloseTo(inf, 12);
      expect(infinityNorm(q, p)).toBeCloseTo(inf, 12);
    }
  });

  const ranking = (counts: Readonly<Record<string, number>>) =>
    Object.entries(counts).flatMap(([g, n]) => Array.from({ length: n }, () => g));
  const skews = (rows: { group: string; skew: number | null }[]) =>
    Object.fromEntries(rows.map((r) => [r.group, r.skew]));

  it('skew, MinSkew and MaxSkew with overlap (observed and desired both of 40): our default reproduces it', () => {
    const observed = { M20: 24, M40: 12, F40: 4 };
    const desired = { F20: 25, F40: 5, M40: 10 };
    const rows = skewAtK(ranking(observed), desired, 40);
    const published = { M20: log(25), F40: log(5 / 6), F20: log(1 / 26), M40: log(13 / 11) };
    for (const [group, value] of Object.entries(published)) expect(skews(rows)[group]).toBeCloseTo(value, 12);
    const ext = minMaxSkew(rows);
    expect([ext.minSkew.group, ext.maxSkew.group]).toEqual(['F20', 'M20']);
    expect(ext.minSkew.value).toBeCloseTo(log(1 / 26), 12);
    expect(ext.maxSkew.value).toBeCloseTo(log(25), 12);
  });

  it("skew without overlap (28 observed, 30 desired): LiFT smooths the desired counts as given ('counts')", () => {
    const observed = { M20: 24, F40: 4 };
    const desired = { F20: 20, M40: 10 };
    const published = {
      M20: log(25 * (34 / 32)),
      F40: log(5 * (34 / 32)),
      F20: log((1 / 21) * (34 / 32)),
      M40: log((1 / 11) * (34 / 32)),
    };
    const lift = skews(skewAtK(ranking(observed), desired, 28, { kind: 'laplace', alpha: 1, desired: 'counts' }));
    for (const [group, value] of Object.entries(published)) expect(lift[group]).toBeCloseTo(value, 12);
    // Our default smooths the expected counts 28·q_a instead: LiFT's formula on the desired counts rescaled to 28.
    const rescaled = { F20: (28 * 20) / 30, M40: (28 * 10) / 30 };
    const ours = skews(skewAtK(ranking(observed), desired, 28));
    const liftRescaled = skews(
      skewAtK(ranking(observed), rescaled, 28, { kind: 'laplace', alpha: 1, desired: 'counts' }),
    );
    for (const group of Object.keys(published)) expect(ours[group]).toBeCloseTo(liftRescaled[group] ?? Number.NaN, 12);
    expect(ours.F20).not.toBeCloseTo(published.F20, 3);
  });

  it('demographic parity: positive rates and their pairwise differences, rounded to 5 places as LiFT does', () => {
    const counts = [
      { group: 'MALE', n: 345 + 123, selected: 345 },
      { group: 'FEMALE', n: 567 + 89, selected: 567 },
      { group: 'UNKNOWN', n: 25 + 70, selected: 25 },
    ];
    const rate = Object.fromEntries(impactRatios(counts).rows.map((r) => [r.group, r.rate ?? Number.NaN]));
    const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
    expect([rate.MALE, rate.FEMALE, rate.UNKNOWN].map((x) => round5(x ?? Number.NaN))).toEqual([
      0.73718, 0.86433, 0.26316,
    ]);
    const diff = (a: string, b: string) => round5(Math.abs((rate[a] ?? Number.NaN) - (rate[b] ?? Number.NaN)));
    expect([diff('FEMALE', 'UNKNOWN'), diff('FEMALE', 'MALE'), diff('UNKNOWN', 'MALE')]).toEqual([
      0.60117, 0.12715, 0.47402,
    ]);
  });
});

/**
 * LiFT, lift/src/test/scala/com/linkedin/lift/lib/PermutationTestUtilsTest.scala (linkedin/LiFT@3ade989e9329):
 * the permutation test's statistic is metric(dim1) − metric(dim2) on the two groups' predictions
 * (PermutationTestUtils.permutationFn), here PRECISION; the published statistic and per-group values are
 * reproduced with our precision (PPV). Its p-values (0.438, 0.753, 0.788) come from 2,000 shuffles of Scala's
 * seeded Random and are not a formula, so they are not compared.
 */
describe("LiFT's permutation test statistic (precision)", () => {
  type P = readonly [label: number, prediction: number, group: string];
  const precisionDiff = (rows: readonly P[], dim1: string, dim2: string) => {
    const m = outcomeMetrics(
      confusionByGroup(rows.map(([l, p, g]) => ({ group: g, label: l === 1, predicted: p === 1 }))),
    );
    const ppv = (g: string) => m.rows.find((r) => r.group === g)?.ppv ?? Number.NaN;
    return { [dim1]: ppv(dim1), [dim2]: ppv(dim2), statistic: ppv(dim1) - ppv(dim2) };
  };
  const M = 'MALE';
  const F = 'FEMALE';
  const rows1: P[] = [
    [1, 1, M],
    [1, 0, M],
    [0, 0, M],
    [0, 0, F],
    [0, 1, F],
    [0, 1, F],
    [0, 1, F],
    [0, 1, F],
    [0, 1, F],
    [1, 0, F],
    [1, 0, F],
    [0, 1, M],
    [0, 1, M],
    [0, 1, M],
    [0, 1, M],
    [0, 1, M],
    [0, 1, M],
    [0, 1, M],
  ];
  const rows2: P[] = [
    [1, 1, M],
    [1, 0, M],
    [0, 0, M],
    [0, 0, F],
    [0, 1, F],
    [1, 1, F],
    [1, 0, F],
    [0, 1, M],
    [0, 1, M],
    [0, 1, M],
  ];
  const rows3: P[] = [
    [1, 1, M],
    [1, 0, M],
    [0, 0, M],
    [0, 1, F],
    [0, 1, F],
    [1, 1, F],
    [0, 1, F],
    [0, 1, M],
    [0, 1, M],
    [0, 1, M],
  ];

  it.each([
    ['first', rows1, M, F, { MALE: 0.125, FEMALE: 0, statistic: 0.125 }],
    ['second', rows2, F, M, { MALE: 0.25, FEMALE: 0.5, statistic: 0.25 }],
    ['third', rows3, M, F, { MALE: 0.25, FEMALE: 0.25, statistic: 0 }],
  ] as const)('%s published case', (_, rows, dim1, dim2, published) => {
    const ours = precisionDiff(rows, dim1, dim2);
    for (const [k, v] of Object.entries(published)) expect(ours[k]).toBeCloseTo(v, 15);
  });
});
