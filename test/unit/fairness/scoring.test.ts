import { describe, expect, it } from 'vitest';
import { median, scoringRates } from '../../../src/domain/fairness/scoring.ts';
import { meanScore } from '../../../src/domain/fairness/mean-score.ts';
import { expectRel } from './helpers.ts';

describe('scoring rate (LL144: strictly above the pooled sample median)', () => {
  it('pools every scored individual, unknowns included, and counts only score > median', () => {
    // Scores 1,2,3,4 (A), 5,6,7,8 (B), 4.5 (unknown): nine values, median = 4.5.
    const r = scoringRates([
      ...[1, 2, 3, 4].map((score) => ({ group: 'A', score })),
      ...[5, 6, 7, 8].map((score) => ({ group: 'B', score })),
      { group: null, score: 4.5 },
    ]);
    expect(r.sampleMedian).toBe(4.5);
    expect(r.unknownCount).toBe(1);
    expect(r.counts).toEqual([
      { group: 'A', n: 4, selected: 0 },
      { group: 'B', n: 4, selected: 4 },
    ]);
    expect(r.rows.map((x) => [x.rate, x.impactRatio, x.flagged])).toEqual([
      [0, 0, true],
      [1, 1, false],
    ]);
  });

  it('uses the mean of the two middle values for an even count', () => {
    // 1,2,3,4 → median 2.5; A {1,3} has 3 above, B {2,4} has 4 above → 1/2 each.
    const r = scoringRates([
      { group: 'A', score: 1 },
      { group: 'B', score: 2 },
      { group: 'A', score: 3 },
      { group: 'B', score: 4 },
    ]);
    expect(r.sampleMedian).toBe(2.5);
    expect(r.rows.map((x) => x.impactRatio)).toEqual([1, 1]);
  });

  it('ties at the median are not "above": all-equal scores give all-zero rates → null ratios', () => {
    const r = scoringRates([
      { group: 'A', score: 5 },
      { group: 'B', score: 5 },
      { group: 'B', score: 5 },
    ]);
    expect(r.sampleMedian).toBe(5);
    expect(r.reason).toBe('all-zero-rates');
    expect(r.rows.every((x) => x.impactRatio === null)).toBe(true);
  });

  it('empty input: no median, no rows', () => {
    expect(scoringRates([])).toMatchObject({ sampleMedian: null, rows: [], unknownCount: 0, reason: 'empty-input' });
    expect(median([])).toBeNull();
  });

  it('only unknowns: the median exists but no category has a rate', () => {
    expect(
      scoringRates([
        { group: null, score: 1 },
        { group: null, score: 3 },
      ]),
    ).toMatchObject({ sampleMedian: 2, unknownCount: 2, rows: [] });
  });
});

describe('mean score with a 95% Student t interval (n − 1 sd)', () => {
  it(
    '[2, 4, 6]: mean 4, s = √((4+0+4)/2) = 2, half-width = t_{.975,2}·2/√3 with t_{.975,2} = ' + '.95/√(2·.975·.025)',
    () => {
      const r = meanScore('g', [2, 4, 6]);
      const half = (0.95 / Math.sqrt(2 * 0.975 * 0.025)) * (2 / Math.sqrt(3)); // 4.302652729749464 · 1.1547005383792515
      expect(r.mean).toBe(4);
      expect(r.sd).toBe(2);
      expectRel(r.ciLow, 4 - half, 1e-13);
      expectRel(r.ciHigh, 4 + half, 1e-13);
    },
  );

  it('n = 2 uses the Cauchy quantile: [0, 2] → 1 ± tan(.475π)·√2/√2', () => {
    const r = meanScore('g', [0, 2]);
    expectRel(r.ciHigh, 1 + Math.tan(0.475 * Math.PI), 1e-13); // s = √2, s/√n = 1
  });

  it('empty, single observation and constant scores', () => {
    expect(meanScore('g', [])).toMatchObject({ n: 0, mean: null, ciLow: null, reason: 'empty-group' });
    expect(meanScore('g', [7])).toMatchObject({
      n: 1,
      mean: 7,
      sd: null,
      ciLow: null,
      ciHigh: null,
      reason: 'single-observation',
    });
    expect(meanScore('g', [3, 3, 3])).toMatchObject({ mean: 3, sd: 0, ciLow: 3, ciHigh: 3, reason: null });
  });
});
