import { describe, expect, it } from 'vitest';
import { countInversions, kendallTau, rankShift } from '../../../src/domain/counterfactual/index.ts';

describe('rankShift (hand-computed)', () => {
  it('two adjacent swaps: C = 4, D = 2 of 6 pairs → τ = 1/3', () => {
    const r = rankShift(['a', 'b', 'c', 'd'], ['b', 'a', 'd', 'c']);
    expect(r.items).toEqual([
      { id: 'a', before: 1, after: 2, delta: 1 },
      { id: 'b', before: 2, after: 1, delta: -1 },
      { id: 'c', before: 3, after: 4, delta: 1 },
      { id: 'd', before: 4, after: 3, delta: -1 },
    ]);
    expect(r.meanAbsShift).toBe(1);
    expect(r.maxAbsShift).toBe(1);
    expect(r.shareChanged).toBe(1);
    expect(r.kendallTau).toBeCloseTo(1 / 3, 15);
  });

  it('one item moved down two places: deltas 0,+2,−1,−1,0; C = 8, D = 2 → τ = 0.6', () => {
    const r = rankShift(['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'd', 'b', 'e']);
    expect(r.items.map((x) => x.delta)).toEqual([0, 2, -1, -1, 0]);
    expect(r.meanAbsShift).toBe(0.8);
    expect(r.maxAbsShift).toBe(2);
    expect(r.shareChanged).toBe(0.6);
    expect(r.kendallTau).toBeCloseTo(0.6, 15);
  });

  it('reversal: |deltas| 4,2,0,2,4 → mean 2.4, share 0.8, τ = −1', () => {
    const r = rankShift(['a', 'b', 'c', 'd', 'e'], ['e', 'd', 'c', 'b', 'a']);
    expect(r.meanAbsShift).toBe(2.4);
    expect(r.maxAbsShift).toBe(4);
    expect(r.shareChanged).toBe(0.8);
    expect(r.kendallTau).toBe(-1);
  });

  it('identity → τ = 1, no shift; one item → τ null; empty → all null', () => {
    expect(rankShift(['x', 'y', 'z'], ['x', 'y', 'z'])).toMatchObject({
      meanAbsShift: 0,
      maxAbsShift: 0,
      shareChanged: 0,
      kendallTau: 1,
    });
    expect(rankShift(['x'], ['x'])).toMatchObject({ meanAbsShift: 0, kendallTau: null });
    expect(rankShift([], [])).toEqual({
      items: [],
      meanAbsShift: null,
      maxAbsShift: null,
      shareChanged: null,
      kendallTau: null,
    });
    expect(kendallTau(['a', 'b'], ['b', 'a'])).toBe(-1);
  });

  it('refuses lists that are not permutations of each other', () => {
    expect(() => rankShift(['a', 'a'], ['a', 'b'])).toThrow(RangeError);
    expect(() => rankShift(['a', 'b'], ['a', 'a'])).toThrow(RangeError);
    expect(() => rankShift(['a', 'b'], ['a', 'c'])).toThrow(RangeError);
    expect(() => rankShift(['a', 'b'], ['a'])).toThrow(RangeError);
  });
});

describe('countInversions vs brute force', () => {
  it('agrees on 300 seeded random permutations of sizes 0..40', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648; // ANSI C LCG, deterministic
      return seed / 2147483648;
    };
    for (let t = 0; t < 300; t++) {
      const n = t % 41;
      const a = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [a[i], a[j]] = [a[j] ?? 0, a[i] ?? 0];
      }
      let brute = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if ((a[i] ?? 0) > (a[j] ?? 0)) brute++;
      expect(countInversions(a)).toBe(brute);
    }
  });
});
