import { describe, expect, it } from 'vitest';
import {
  disparateTreatmentRatio,
  exposureDisparity,
  groupExposure,
  positionWeight,
} from '../../../src/domain/fairness/exposure.ts';
import { minMaxSkew, ndkl, skewAtK } from '../../../src/domain/fairness/skew.ts';
import { expectRel } from './helpers.ts';

describe('exposure (Singh & Joachims 2018)', () => {
  it('v_j = 1/log2(1+j): v1 = 1, v3 = ½, v7 = ⅓, unshown = 0', () => {
    expect(positionWeight(1)).toBe(1);
    expect(positionWeight(3)).toBe(0.5);
    expectRel(positionWeight(7), 1 / 3, 1e-15);
    expect(positionWeight(null)).toBe(0);
    expect(() => positionWeight(0)).toThrow(RangeError);
  });

  it('group exposure, exposure/relevance and DTR by hand', () => {
    // a at ranks 1 and 3 (v = 1, ½), b at rank 2 (v = 1/log2 3) and not shown (0); all relevance 1.
    const g = groupExposure([
      { group: 'a', rank: 1, relevance: 1 },
      { group: 'b', rank: 2, relevance: 1 },
      { group: 'a', rank: 3, relevance: 1 },
      { group: 'b', rank: null, relevance: 1 },
    ]);
    const [a, b] = g;
    expect(a).toMatchObject({ group: 'a', n: 2, exposure: 0.75, meanRelevance: 1, exposurePerRelevance: 0.75 });
    expectRel(b?.exposure, 1 / Math.log2(3) / 2, 1e-15); // 0.31546487678572877
    if (a === undefined || b === undefined) throw new Error('groups missing');
    // DTR(b, a) = (0.3154…/1)/(0.75/1) = 0.4206…
    expectRel(disparateTreatmentRatio(b, a).value, 1 / Math.log2(3) / 2 / 0.75, 1e-15);
    expect(exposureDisparity(g)).toMatchObject({ minGroup: 'b', maxGroup: 'a' });
  });

  it('relevance divides: equal exposure with twice the relevance halves E/U', () => {
    const g = groupExposure([
      { group: 'a', rank: 1, relevance: 2 },
      { group: 'b', rank: 1, relevance: 1 },
    ]);
    expect(g.map((x) => x.exposurePerRelevance)).toEqual([0.5, 1]);
  });

  it('zero relevance → null with a reason; empty input → no groups', () => {
    const g = groupExposure([
      { group: 'a', rank: 1, relevance: 0 },
      { group: 'b', rank: 2, relevance: 1 },
    ]);
    expect(g[0]).toMatchObject({ exposurePerRelevance: null, reason: 'zero-relevance' });
    const [a, b] = g;
    if (a === undefined || b === undefined) throw new Error('groups missing');
    expect(disparateTreatmentRatio(a, b)).toEqual({ value: null, reason: 'zero-relevance' });
    expect(groupExposure([])).toEqual([]);
    expect(exposureDisparity([]).minMaxRatio).toEqual({ value: null, reason: 'empty-input' });
  });

  it('a group never shown has exposure 0, so DTR against it is undefined', () => {
    const g = groupExposure([
      { group: 'a', rank: 1, relevance: 1 },
      { group: 'b', rank: null, relevance: 1 },
    ]);
    const [a, b] = g;
    if (a === undefined || b === undefined) throw new Error('groups missing');
    expect(disparateTreatmentRatio(b, a).value).toBe(0);
    expect(disparateTreatmentRatio(a, b)).toEqual({ value: null, reason: 'zero-exposure' });
  });
});

describe('Skew@k, MinSkew, MaxSkew (Geyik et al. 2019)', () => {
  const ranking = ['a', 'a', 'a', 'b', 'b', 'b'];

  it('unsmoothed: top-4 = 3 a + 1 b vs ½/½ → ln 1.5 and ln 0.5', () => {
    const rows = skewAtK(ranking, { a: 0.5, b: 0.5 }, 4, { kind: 'none' });
    expect(rows.map((r) => [r.group, r.countAtK, r.share])).toEqual([
      ['a', 3, 0.75],
      ['b', 1, 0.25],
    ]);
    expect(rows[0]?.skew).toBe(Math.log(1.5));
    expect(rows[1]?.skew).toBe(Math.log(0.5));
    const m = minMaxSkew(rows);
    expect(m.minSkew).toEqual({ value: Math.log(0.5), reason: null, group: 'b' });
    expect(m.maxSkew).toEqual({ value: Math.log(1.5), reason: null, group: 'a' });
  });

  it('Laplace α = 1 (default): ln((c+1)/(k·q+1)) → ln(4/3) and ln(2/3); exact representation → 0', () => {
    const rows = skewAtK(ranking, { a: 0.5, b: 0.5 }, 4);
    expect(rows.map((r) => r.skew)).toEqual([Math.log(4 / 3), Math.log(2 / 3)]);
    expect(skewAtK(ranking, { a: 1, b: 1 }, 6).map((r) => r.skew)).toEqual([0, 0]); // counts normalised
  });

  it('an absent group: null unsmoothed, ln(1/3) with Laplace, ln(1e-7/0.5) with ε', () => {
    const top = ['a', 'a', 'a', 'a'];
    const none = skewAtK(top, { a: 0.5, b: 0.5 }, 4, { kind: 'none' });
    expect(none[1]).toMatchObject({ group: 'b', skew: null, reason: 'absent-from-prefix' });
    expect(minMaxSkew(none).minSkew).toEqual({ value: null, reason: 'absent-from-prefix', group: 'b' });
    expect(skewAtK(top, { a: 0.5, b: 0.5 }, 4)[1]?.skew).toBe(Math.log(1 / 3)); // (0+1)/(2+1)
    expect(skewAtK(top, { a: 0.5, b: 0.5 }, 4, { kind: 'epsilon', epsilon: 1e-7 })[1]?.skew).toBe(Math.log(1e-7 / 0.5));
  });

  it('groups in the ranking but not in the target have desired share 0', () => {
    const rows = skewAtK(['a', 'c'], { a: 1 }, 2, { kind: 'none' });
    expect(rows[1]).toMatchObject({ group: 'c', desiredShare: 0, skew: null, reason: 'zero-desired-share' });
  });

  it('empty prefix → null; k beyond the ranking uses the whole ranking', () => {
    expect(skewAtK([], { a: 1 }, 3)[0]).toMatchObject({ skew: null, reason: 'empty-input' });
    expect(skewAtK(['a', 'b'], { a: 0.5, b: 0.5 }, 10, { kind: 'none' }).map((r) => r.skew)).toEqual([0, 0]);
    expect(minMaxSkew([]).minSkew.reason).toBe('empty-input');
  });
});

describe('NDKL', () => {
  it('[a, b] against its own ½/½: (1·ln 2 + (1/log2 3)·0) / (1 + 1/log2 3)', () => {
    // Prefix 1 = (1, 0): KL = 1·ln(1/½) = ln 2. Prefix 2 = (½, ½): KL = 0.
    expectRel(ndkl(['a', 'b']).value, Math.LN2 / (1 + 1 / Math.log2(3)), 1e-15);
  });

  it('[a, b, a, b] against ⅓/⅔ given explicitly', () => {
    const q = { a: 1 / 3, b: 2 / 3 };
    const kl = (pa: number): number =>
      (pa > 0 ? pa * Math.log(pa / q.a) : 0) + (pa < 1 ? (1 - pa) * Math.log((1 - pa) / q.b) : 0);
    const w = [1, 2, 3, 4].map((i) => 1 / Math.log2(i + 1));
    const shares = [1, 1 / 2, 2 / 3, 1 / 2];
    const expected = w.reduce((s, wi, i) => s + wi * kl(shares[i] ?? 0), 0) / w.reduce((s, x) => s + x, 0);
    expectRel(ndkl(['a', 'b', 'a', 'b'], q).value, expected, 1e-14);
  });

  it('a single-group ranking matches its own distribution at every prefix → 0', () => {
    expect(ndkl(['a', 'a', 'a'])).toEqual({ value: 0, reason: null });
  });

  it('empty ranking and a target that excludes a present group are undefined', () => {
    expect(ndkl([])).toEqual({ value: null, reason: 'empty-input' });
    expect(ndkl(['a', 'c'], { a: 1, b: 0 })).toEqual({ value: null, reason: 'zero-desired-share' });
  });
});
