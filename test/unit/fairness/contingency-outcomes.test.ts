import { describe, expect, it } from 'vitest';
import { chiSquareIndependence, mantelHaenszel } from '../../../src/domain/fairness/contingency.ts';
import { infinityNorm, jsDivergence, klDivergence, totalVariation } from '../../../src/domain/fairness/divergence.ts';
import { generalizedEntropyIndex, theilIndex, theilL } from '../../../src/domain/fairness/inequality.ts';
import { confusionByGroup, outcomeMetrics } from '../../../src/domain/fairness/outcomes.ts';
import { twoProportionZTest } from '../../../src/domain/fairness/significance.ts';
import { chiSquareSf } from '../../../src/domain/fairness/stats/chi-square.ts';
import { expectRel } from './helpers.ts';

describe('chi-square survival function', () => {
  // scipy.stats.chi2.sf
  it.each([
    [3.84, 1, 0.05004352124870519],
    [0.5, 1, 0.47950012218695337],
    [10, 3, 0.01856613546304325],
    [100, 50, 3.454931382984871e-5],
    [1e-3, 2, 0.9995001249791693],
    [40, 1, 2.5396285894708634e-10],
    [2, 4, 0.7357588823428847],
  ])('sf(%d, df %d)', (x, df, expected) => {
    expectRel(chiSquareSf(x, df), expected, 1e-11);
  });
  it('df 2 is exp(−x/2) exactly in closed form', () => {
    expectRel(chiSquareSf(7, 2), Math.exp(-3.5), 1e-14);
  });
});

describe('chi-square test of independence (scipy chi2_contingency)', () => {
  it('[[75,50],[25,50]]: E = 62.5, 62.5, 37.5, 37.5; uncorrected χ² = 4·12.5²/… = 40/3; Yates 12.288', () => {
    // |O − E| = 12.5 everywhere: Σ 12.5²/E = 156.25·(2/62.5 + 2/37.5) = 13.333…; Yates: 12² · (…) = 12.288.
    const table = [
      [75, 50],
      [25, 50],
    ];
    const plain = chiSquareIndependence(table, { correction: false });
    expectRel(plain.statistic, 40 / 3, 1e-14);
    expectRel(plain.pValue, 0.0002607296328553164, 1e-10);
    // z² equals the uncorrected χ² on a 2×2 (the pooled z-test is the same test).
    expectRel((twoProportionZTest(75, 125, 25, 75).z ?? 0) ** 2, 40 / 3, 1e-13);
    const yates = chiSquareIndependence(table);
    expect(yates.corrected).toBe(true);
    expectRel(yates.statistic, 12.288, 1e-14);
    expectRel(yates.pValue, 0.0004558800052056139, 1e-10);
  });
  it("audit-ai's README: 4 groups × 1000, pass 250/270/240/260 → χ²(3) = 2.6319…, p > .05 (no Yates on 3 dof)", () => {
    const r = chiSquareIndependence([
      [250, 750],
      [270, 730],
      [240, 760],
      [260, 740],
    ]);
    expect(r.dof).toBe(3);
    expect(r.corrected).toBe(false);
    expectRel(r.statistic, 2.6319252533228057, 1e-12);
    expectRel(r.pValue, 0.45192010686764006, 1e-10);
  });
  it('[[12,5],[3,9]] with and without Yates (scipy values); degenerate tables', () => {
    expectRel(
      chiSquareIndependence([
        [12, 5],
        [3, 9],
      ]).statistic,
      4.171457749766574,
      1e-12,
    );
    expectRel(
      chiSquareIndependence(
        [
          [12, 5],
          [3, 9],
        ],
        { correction: false },
      ).pValue,
      0.015534341414683461,
      1e-10,
    );
    expect(
      chiSquareIndependence([
        [3, 0],
        [2, 0],
      ]).reason,
    ).toBe('zero-denominator');
    expect(chiSquareIndependence([[3, 4]])).toMatchObject({ statistic: 0, dof: 0, pValue: 1 });
  });
});

describe('Mantel–Haenszel test across strata (statsmodels StratifiedTable.test_null_odds)', () => {
  const strata = [
    [
      [2, 3],
      [1, 4],
    ],
    [
      [5, 1],
      [2, 2],
    ],
    [
      [3, 3],
      [1, 5],
    ],
  ] as const;
  it('by hand: Σa = 10, ΣE = 1.5 + 4.2 + 2 = 7.7, ΣVar = 0.58333… + 0.56 + 0.72727…', () => {
    // E = (a+b)(a+c)/n: 5·3/10, 6·7/10, 6·4/12. Var = (a+b)(c+d)(a+c)(b+d)/(n²(n−1)):
    // 5·5·3·7/900 = 0.58333…, 6·4·7·3/900 = 0.56, 6·6·4·8/1584 = 0.72727… → Σ = 1.870606…
    const v = (5 * 5 * 3 * 7) / 900 + (6 * 4 * 7 * 3) / 900 + (6 * 6 * 4 * 8) / (144 * 11);
    const r = mantelHaenszel(strata);
    expectRel(r.statistic, (10 - 7.7) ** 2 / v, 1e-13);
    expectRel(r.statistic, 2.8279604730277006, 1e-12);
    expectRel(r.pValue, 0.09263593567118156, 1e-10);
    // Σ(ad/n)/Σ(bc/n) = (0.8 + 1 + 1.25)/(0.3 + 0.2 + 0.25) = 3.05/0.75.
    expectRel(r.pooledOddsRatio, 3.05 / 0.75, 1e-14);
    const c = mantelHaenszel(strata, { correction: true });
    expectRel(c.statistic, (2.3 - 0.5) ** 2 / v, 1e-13);
    expectRel(c.pValue, 0.18814816197293038, 1e-10);
  });
  it('strata of fewer than 2 decisions are skipped; no variance → null', () => {
    expect(
      mantelHaenszel([
        [
          [1, 0],
          [0, 0],
        ],
      ]),
    ).toMatchObject({ strata: 0, reason: 'empty-input' });
    expect(
      mantelHaenszel([
        [
          [2, 0],
          [3, 0],
        ],
      ]).reason,
    ).toBe('zero-variance');
  });
});

describe('generalized entropy and Theil indices', () => {
  it('[1, 2, 3], μ = 2: GE(2) = 1/12, Theil T, Theil L by hand', () => {
    expectRel(generalizedEntropyIndex([1, 2, 3], 2).value, 1 / 12, 1e-14);
    expectRel(theilIndex([1, 2, 3]).value, (0.5 * Math.log(0.5) + 1.5 * Math.log(1.5)) / 3, 1e-14);
    expectRel(theilL([1, 2, 3]).value, -Math.log(0.75) / 3, 1e-14);
    // GE(3) = 1/(3·6) Σ((b/2)³ − 1) = (0.125 − 1 + 0 + 3.375 − 1)/18 = 1.5/18.
    expectRel(generalizedEntropyIndex([1, 2, 3], 3).value, 1.5 / 18, 1e-14);
  });
  it("AIF360's benefit b = ŷ − y + 1: y = [1,0,1,0], ŷ = [1,1,0,0] → b = [1,2,0,1], GE(2) = 1/4", () => {
    expectRel(generalizedEntropyIndex([1, 2, 0, 1], 2).value, 0.25, 1e-15);
    // Theil T: (2 ln 2)/4; zero benefits contribute 0·ln 0 = 0.
    expectRel(theilIndex([1, 2, 0, 1]).value, Math.log(2) / 2, 1e-15);
    expect(theilL([1, 2, 0, 1]).reason).toBe('zero-denominator');
  });
  it('equal values give 0; empty or all-zero input is undefined', () => {
    expect(generalizedEntropyIndex([4, 4, 4], 2).value).toBe(0);
    expect(generalizedEntropyIndex([], 2).reason).toBe('empty-input');
    expect(generalizedEntropyIndex([0, 0], 1).reason).toBe('zero-denominator');
    expect(() => generalizedEntropyIndex([-1], 2)).toThrow(RangeError);
  });
});

describe('divergences between observed and desired shares', () => {
  it('KL natural log and bits (scipy.stats.entropy)', () => {
    expectRel(klDivergence({ a: 1, b: 1 }, { a: 1, b: 3 }).value, 0.5 * Math.log(2) + 0.5 * Math.log(2 / 3), 1e-15);
    expectRel(klDivergence({ a: 1, b: 1 }, { a: 1, b: 3 }).value, 0.14384103622589045, 1e-14);
    expectRel(klDivergence({ a: 2, b: 3, c: 5 }, { a: 4, b: 4, c: 2 }, { base: 2 }).value, 0.33645279766002806, 1e-14);
  });
  it('KL with a category missing from the reference: null, or finite with ε smoothing', () => {
    expect(klDivergence({ a: 1, b: 1 }, { a: 1 }).reason).toBe('zero-desired-share');
    expectRel(
      klDivergence({ a: 1, b: 1 }, { a: 1 }, { epsilon: 1e-7 }).value,
      0.5 * Math.log(0.5) + 0.5 * Math.log(0.5 / 1e-7),
      1e-14,
    );
  });
  it('JS (scipy jensenshannon squared), TV and L∞', () => {
    expectRel(jsDivergence({ a: 0.2, b: 0.3, c: 0.5 }, { a: 0.4, b: 0.4, c: 0.2 }), 0.053780737421496375, 1e-12);
    expectRel(
      jsDivergence({ a: 0.2, b: 0.3, c: 0.5 }, { a: 0.4, b: 0.4, c: 0.2 }, { base: 2 }),
      0.07758920317334433,
      1e-12,
    );
    expectRel(jsDivergence({ a: 1 }, { b: 1 }), Math.log(2), 1e-15);
    expectRel(totalVariation({ a: 0.2, b: 0.3, c: 0.5 }, { a: 0.4, b: 0.4, c: 0.2 }), 0.3, 1e-15);
    expectRel(infinityNorm({ a: 0.2, b: 0.3, c: 0.5 }, { a: 0.4, b: 0.4, c: 0.2 }), 0.3, 1e-15);
    expect(totalVariation({ a: 1 }, { b: 1 })).toBe(1);
  });
});

describe('outcome metrics: TPR, FPR, equal opportunity, equalized odds, predictive parity', () => {
  // y_true = [1,0,1,0, 1,1,0,0], y_pred = [1,0,0,1, 1,1,0,0], groups a×4, b×4 (same selection rate 1/2):
  // a: TP 1, FN 1, FP 1, TN 1 → TPR ½, FPR ½, PPV ½; b: TP 2, TN 2 → TPR 1, FPR 0, PPV 1.
  const yTrue = [1, 0, 1, 0, 1, 1, 0, 0];
  const yPred = [1, 0, 0, 1, 1, 1, 0, 0];
  const rows = yTrue.map((y, i) => ({ group: i < 4 ? 'a' : 'b', label: y === 1, predicted: yPred[i] === 1 }));
  it('spreads as fairlearn between_groups; worst-case equalized odds 0.5', () => {
    const m = outcomeMetrics(confusionByGroup(rows));
    expect(m.rows.map((r) => [r.group, r.tpr, r.fpr, r.ppv, r.selectionRate])).toEqual([
      ['a', 0.5, 0.5, 0.5, 0.5],
      ['b', 1, 0, 1, 0.5],
    ]);
    expect(m.equalOpportunity).toMatchObject({ difference: 0.5, ratio: 0.5 });
    expect(m.falsePositiveRate).toMatchObject({ difference: 0.5, ratio: 0 });
    expect(m.equalizedOdds).toEqual({ difference: 0.5, ratio: 0, reason: null });
    expect(m.predictiveParity).toMatchObject({ difference: 0.5, ratio: 0.5 });
  });
  it('against a chosen reference group (AIF360 orientation: group − reference)', () => {
    const m = outcomeMetrics(confusionByGroup(rows), 'b');
    expect(m.referenceGroup).toBe('b');
    expect(m.rows[0]?.vsReference).toEqual({
      tprDifference: -0.5,
      tprRatio: 0.5,
      fprDifference: 0.5,
      fprRatio: null,
      ppvDifference: -0.5,
      ppvRatio: 0.5,
    });
  });
  it('sample weights: a weight of 3 on a row counts it three times', () => {
    const weighted = rows.map((r, i) => ({ ...r, weight: i === 0 ? 3 : 1 }));
    const a = outcomeMetrics(confusionByGroup(weighted)).rows[0];
    // a: TP 3, FN 1, FP 1, TN 1 → TPR 3/4, PPV 3/4, selection 4/6.
    expect(a).toMatchObject({ tp: 3, fn: 1, fp: 1, tn: 1, tpr: 0.75, ppv: 0.75, selectionRate: 4 / 6 });
  });
  it('a group with no positive label has TPR undefined and is listed, not counted as 0', () => {
    const m = outcomeMetrics([
      { group: 'a', tp: 0, fn: 0, fp: 1, tn: 3 },
      { group: 'b', tp: 2, fn: 2, fp: 1, tn: 3 },
      { group: 'c', tp: 3, fn: 1, fp: 0, tn: 4 },
    ]);
    expect(m.rows[0]?.tpr).toBeNull();
    expect(m.equalOpportunity).toMatchObject({ difference: 0.25, ratio: 0.5 / 0.75, undefinedGroups: ['a'] });
    const single = outcomeMetrics([{ group: 'a', tp: 1, fn: 0, fp: 0, tn: 1 }]);
    expect(single.equalizedOdds.difference).toBeNull();
    expect(single.equalOpportunity.reason).toBe('single-group');
  });
});
