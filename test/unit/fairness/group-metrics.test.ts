import { describe, expect, it } from 'vitest';
import { cramersV, quantileBins } from '../../../src/domain/fairness/cramers-v.ts';
import { equalOpportunityDifference, funnelRates } from '../../../src/domain/fairness/funnel.ts';
import { suppressSmallGroups } from '../../../src/domain/fairness/suppression.ts';
import { expectRel } from './helpers.ts';

const funnel = [
  { group: 'A', shown: 100, applied: 40, interview: 10, offer: 5, hire: 4 },
  { group: 'B', shown: 50, applied: 20, interview: 2, offer: 1, hire: 1 },
  { group: 'C', shown: 10, applied: 0, interview: 0, offer: 0, hire: 0 },
];

describe('outcome funnel and equal-opportunity difference', () => {
  it('step and cumulative rates, 0/0 → null', () => {
    const [a, , c] = funnelRates(funnel);
    expect(a?.stepRates).toEqual({ applied: 0.4, interview: 0.25, offer: 0.5, hire: 0.8 });
    expect(a?.fromShown).toEqual({ applied: 0.4, interview: 0.1, offer: 0.05, hire: 0.04 });
    expect(c?.stepRates).toEqual({ applied: 0, interview: null, offer: null, hire: null });
  });

  it('P(interview | applied): A 10/40 = .25, B 2/20 = .1 → difference .15; C undefined and listed', () => {
    const r = equalOpportunityDifference(funnel);
    expect(r).toMatchObject({ maxGroup: 'A', maxRate: 0.25, minGroup: 'B', minRate: 0.1, undefinedGroups: ['C'] });
    expect(r.difference.value).toBeCloseTo(0.15, 15);
  });

  it('other transitions: P(offer | shown) A 5/100, B 1/50, C 0/10 → .05 − 0 = .05 (C counts: it was shown)', () => {
    const r = equalOpportunityDifference(funnel, 'offer', 'shown');
    expect(r).toMatchObject({ maxGroup: 'A', minGroup: 'C', minRate: 0, undefinedGroups: [] });
    expect(r.difference.value).toBe(0.05);
  });

  it('single defined group, empty input, bad order and non-nested counts', () => {
    expect(equalOpportunityDifference(funnel.slice(0, 1)).difference).toEqual({ value: null, reason: 'single-group' });
    expect(equalOpportunityDifference([]).difference).toEqual({ value: null, reason: 'empty-input' });
    expect(equalOpportunityDifference(funnel.slice(2)).difference).toEqual({ value: null, reason: 'empty-input' });
    expect(() => equalOpportunityDifference(funnel, 'applied', 'interview')).toThrow(RangeError);
    expect(() => funnelRates([{ group: 'X', shown: 1, applied: 2, interview: 0, offer: 0, hire: 0 }])).toThrow(
      /nested/,
    );
  });
});

describe("Cramér's V (plain and Bergsma-corrected)", () => {
  const table = (cells: [string, string, number][]): [string, string][] =>
    cells.flatMap(([x, y, k]) => Array.from({ length: k }, (): [string, string] => [x, y]));

  it('[[30,10],[10,30]]: E = 20 each, χ² = 4·100/20 = 20, V = √(20/80) = ½; Ṽ = √((¼ − 1/79)/(1 − 1/79))', () => {
    const r = cramersV(
      table([
        ['x1', 'g1', 30],
        ['x1', 'g2', 10],
        ['x2', 'g1', 10],
        ['x2', 'g2', 30],
      ]),
    );
    expect(r.chiSquare).toBe(20);
    expect(r.v).toBe(0.5);
    expectRel(r.vCorrected, Math.sqrt(18.75 / 78), 1e-14);
  });

  it('perfect proxy → 1, independence → 0 (corrected clamps at 0)', () => {
    expect(
      cramersV(
        table([
          ['x1', 'g1', 5],
          ['x2', 'g2', 5],
        ]),
      ).v,
    ).toBe(1);
    const ind = cramersV(
      table([
        ['x1', 'g1', 2],
        ['x1', 'g2', 2],
        ['x2', 'g1', 2],
        ['x2', 'g2', 2],
      ]),
    );
    expect([ind.v, ind.vCorrected]).toEqual([0, 0]);
  });

  it('3×2 by hand: rows (10,0),(0,10),(5,5), n = 30 → χ² = 20, V = √(20/30)', () => {
    // Column totals 15/15, E = row/2: cells contribute 5²/5 ·4 = 20 for the pure rows, 0 for (5,5).
    const r = cramersV(
      table([
        ['a', 'm', 10],
        ['b', 'f', 10],
        ['c', 'm', 5],
        ['c', 'f', 5],
      ]),
    );
    expect(r.chiSquare).toBe(20);
    expectRel(r.v, Math.sqrt(2 / 3), 1e-15);
  });

  it('a single category on either side or no data → null', () => {
    expect(
      cramersV([
        ['x', 'g'],
        ['y', 'g'],
      ]),
    ).toMatchObject({ v: null, reason: 'single-category' });
    expect(cramersV([])).toMatchObject({ v: null, reason: 'empty-input' });
  });

  it('quantileBins: equal-frequency labels, ties kept together', () => {
    expect(quantileBins([5, 1, 3, 2, 4, 6], 3)).toEqual(['q2', 'q0', 'q1', 'q0', 'q1', 'q2']);
    expect(quantileBins([1, 1, 1, 2], 2)).toEqual(['q0', 'q0', 'q0', 'q1']);
  });
});

describe('small-group suppression', () => {
  it('suppresses n < 10 and n/N < 2 %, keeps exactly 2 %, lists the excluded with n and keeps unknowns', () => {
    const r = suppressSmallGroups(
      [
        { group: 'A', n: 460 },
        { group: 'B', n: 500 },
        { group: 'C', n: 9 }, // below 10
        { group: 'D', n: 11 }, // 11/1000 = 1.1 %
        { group: 'E', n: 20 }, // 20/1000 = 2 %: kept
      ],
      37,
    );
    expect(r.sampleSize).toBe(1000);
    expect(r.published.map((g) => g.group)).toEqual(['A', 'B', 'E']);
    expect(r.excluded).toEqual([
      { group: 'C', n: 9, reason: 'below-min-size' },
      { group: 'D', n: 11, reason: 'below-min-share' },
    ]);
    expect(r.unknownCount).toBe(37);
  });

  it('empty input and custom floors', () => {
    expect(suppressSmallGroups([], 0)).toMatchObject({ published: [], excluded: [], sampleSize: 0 });
    expect(suppressSmallGroups([{ group: 'A', n: 3 }], 0, { minSize: 1, minShare: 0 }).published).toHaveLength(1);
  });
});
