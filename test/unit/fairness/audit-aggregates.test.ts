import { describe, expect, it } from 'vitest';
import { cramersV, cramersVFromTable } from '../../../src/domain/fairness/cramers-v.ts';
import { groupExposure, groupExposureFromTotals } from '../../../src/domain/fairness/exposure.ts';
import { combineMoments, meanScore, meanScoreFromMoments } from '../../../src/domain/fairness/mean-score.ts';
import { expectRel } from './helpers.ts';

// Functions the audit job needs because it aggregates in SQL: each must equal its per-row twin.
describe('moments: merge and mean with CI from SQL aggregates', () => {
  it('[1,2] ⊕ [3,4]: δ = 2, M2 = .5 + .5 + 4·2·2/4 = 5, mean 2.5', () => {
    expect(combineMoments({ n: 2, mean: 1.5, m2: 0.5 }, { n: 2, mean: 3.5, m2: 0.5 })).toEqual({
      n: 4,
      mean: 2.5,
      m2: 5,
    });
    expect(combineMoments({ n: 0, mean: 0, m2: 0 }, { n: 1, mean: 7, m2: 0 })).toEqual({ n: 1, mean: 7, m2: 0 });
  });

  it('[1,2,3,4]: s = √(5/3), half-width t(.975, 3)·s/2 = 3.182446305284263·0.6454972243679028', () => {
    const m = meanScoreFromMoments('A', { n: 4, mean: 2.5, m2: 5 });
    expectRel(m.sd, Math.sqrt(5 / 3));
    expectRel(m.ciLow, 2.5 - 3.182446305284263 * 0.6454972243679028, 1e-9);
    expectRel(m.ciHigh, 2.5 + 3.182446305284263 * 0.6454972243679028, 1e-9);
    const raw = meanScore('A', [1, 2, 3, 4]);
    expectRel(m.ciLow, raw.ciLow ?? Number.NaN);
  });

  it('n = 0 and n = 1 follow meanScore', () => {
    expect(meanScoreFromMoments('A', { n: 0, mean: 0, m2: 0 })).toEqual(meanScore('A', []));
    expect(meanScoreFromMoments('A', { n: 1, mean: 0.7, m2: 0 })).toEqual(meanScore('A', [0.7]));
  });
});

describe('exposure from totals', () => {
  it('ranks 1 and 3, relevance .5 each: E = (1 + .5)/2 = .75, U = .5, E/U = 1.5; equals groupExposure', () => {
    const items = [
      { group: 'A', rank: 1, relevance: 0.5 },
      { group: 'A', rank: 3, relevance: 0.5 },
      { group: 'B', rank: 2, relevance: 0 },
    ];
    const fromTotals = groupExposureFromTotals([
      { group: 'A', n: 2, exposureSum: 1.5, relevanceSum: 1 },
      { group: 'B', n: 1, exposureSum: 1 / Math.log2(3), relevanceSum: 0 },
      { group: 'C', n: 0, exposureSum: 0, relevanceSum: 0 },
    ]);
    expect(fromTotals[0]).toEqual({
      group: 'A',
      n: 2,
      exposure: 0.75,
      meanRelevance: 0.5,
      exposurePerRelevance: 1.5,
      reason: null,
    });
    expect(fromTotals).toEqual(groupExposure(items));
  });
});

describe("Cramér's V from a contingency table", () => {
  it('a perfect proxy [[10,0],[0,10]] → V = 1; independence [[5,5],[5,5]] → 0', () => {
    expect(
      cramersVFromTable([
        [10, 0],
        [0, 10],
      ]),
    ).toMatchObject({ n: 20, chiSquare: 20, v: 1 });
    expect(
      cramersVFromTable([
        [5, 5],
        [5, 5],
      ]),
    ).toMatchObject({ chiSquare: 0, v: 0, vCorrected: 0 });
  });

  it('[[3,1],[1,3]]: χ² = 4·(1)²/2 = 2, V = √(2/8) = .5; equals cramersV on the pairs; empty rows/cols dropped', () => {
    const pairs: [string, string][] = [];
    const add = (x: string, y: string, times: number) => {
      for (let i = 0; i < times; i++) pairs.push([x, y]);
    };
    add('lo', 'f', 3);
    add('lo', 'm', 1);
    add('hi', 'f', 1);
    add('hi', 'm', 3);
    const t = cramersVFromTable([
      [3, 1, 0],
      [0, 0, 0],
      [1, 3, 0],
    ]);
    expect(t).toMatchObject({ n: 8, rows: 2, cols: 2, chiSquare: 2, v: 0.5 });
    expect(t).toEqual(cramersV(pairs));
  });

  it('empty and single-category tables are undefined with their reason', () => {
    expect(cramersVFromTable([])).toMatchObject({ v: null, reason: 'empty-input' });
    expect(
      cramersVFromTable([
        [4, 0],
        [2, 0],
      ]),
    ).toMatchObject({ v: null, reason: 'single-category' });
  });
});
