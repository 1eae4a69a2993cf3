import { describe, expect, it } from 'vitest';
import { summarizeCounterfactual, type CounterfactualResult } from '../../../src/domain/counterfactual/index.ts';

const results: CounterfactualResult[] = [
  { kind: 'gender', textChanged: true, scoreBefore: 0.5, scoreAfter: 0.25, rankBefore: 3, rankAfter: 5 },
  { kind: 'gender', textChanged: true, scoreBefore: 0.75, scoreAfter: 0.875, rankBefore: 4, rankAfter: 4 },
  { kind: 'gender', textChanged: false, scoreBefore: 0.3, scoreAfter: 0.3, rankBefore: 7, rankAfter: 7 },
  { kind: 'ethnicity', textChanged: true, scoreBefore: 0.5, scoreAfter: 0.375, rankBefore: 1, rankAfter: 4 },
  { kind: 'rural-urban', textChanged: false, scoreBefore: 0.2, scoreAfter: 0.2, rankBefore: 2, rankAfter: 2 },
  { kind: 'rural-urban', textChanged: false, scoreBefore: 0.1, scoreAfter: 0.1, rankBefore: 3, rankAfter: 3 },
];

describe('summarizeCounterfactual', () => {
  it('per kind, over changed texts only; flag when mean |Δrank| > threshold (strict)', () => {
    const s = summarizeCounterfactual(results);
    expect(s.rankThreshold).toBe(1);
    expect(s.kinds).toEqual([
      // |Δscore| .25, .125 → mean .1875, max .25; |Δrank| 2, 0 → mean 1 (not > 1), share 1/2.
      {
        kind: 'gender',
        samples: 3,
        changedTexts: 2,
        meanAbsScoreDelta: 0.1875,
        maxAbsScoreDelta: 0.25,
        meanAbsRankDelta: 1,
        maxAbsRankDelta: 2,
        shareRankChanged: 0.5,
        flagged: false,
      },
      {
        kind: 'ethnicity',
        samples: 1,
        changedTexts: 1,
        meanAbsScoreDelta: 0.125,
        maxAbsScoreDelta: 0.125,
        meanAbsRankDelta: 3,
        maxAbsRankDelta: 3,
        shareRankChanged: 1,
        flagged: true,
      },
      {
        kind: 'rural-urban',
        samples: 2,
        changedTexts: 0,
        meanAbsScoreDelta: null,
        maxAbsScoreDelta: null,
        meanAbsRankDelta: null,
        maxAbsRankDelta: null,
        shareRankChanged: null,
        flagged: false,
      },
      {
        kind: 'region',
        samples: 0,
        changedTexts: 0,
        meanAbsScoreDelta: null,
        maxAbsScoreDelta: null,
        meanAbsRankDelta: null,
        maxAbsRankDelta: null,
        shareRankChanged: null,
        flagged: false,
      },
    ]);
    expect(s.flaggedKinds).toEqual(['ethnicity']);
  });

  it('a lower threshold flags gender too', () => {
    expect(summarizeCounterfactual(results, { rankThreshold: 0.5 }).flaggedKinds).toEqual(['gender', 'ethnicity']);
  });

  it('rejects impossible input', () => {
    const ok = results[0];
    if (ok === undefined) throw new Error('fixture');
    expect(() => summarizeCounterfactual([{ ...ok, rankAfter: 0 }])).toThrow(RangeError);
    expect(() => summarizeCounterfactual([{ ...ok, scoreAfter: Number.NaN }])).toThrow(RangeError);
    expect(() => summarizeCounterfactual(results, { rankThreshold: -1 })).toThrow(RangeError);
  });
});
