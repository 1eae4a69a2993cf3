import { describe, expect, it } from 'vitest';
import { combine, simplexGrid, tuneWeights } from '../../bench/quality/tune.ts';
import { DEFAULT_SPLIT, fmix32, hashUnit, sampleByHash, splitOf } from '../../bench/quality/split.ts';
import { titleKey } from '../../bench/quality/title-retrieval.ts';
import { fnv1a } from '../../src/demo/random.ts';

describe('simplexGrid', () => {
  it('lists every multiple of the step that sums to 1, in lexicographic order', () => {
    expect(simplexGrid(3, 0.5)).toEqual([
      [0, 0, 1],
      [0, 0.5, 0.5],
      [0, 1, 0],
      [0.5, 0, 0.5],
      [0.5, 0.5, 0],
      [1, 0, 0],
    ]);
    expect(simplexGrid(3, 0.1)).toHaveLength(66); // C(12, 2)
    expect(simplexGrid(2, 0.25)).toEqual([
      [0, 1],
      [0.25, 0.75],
      [0.5, 0.5],
      [0.75, 0.25],
      [1, 0],
    ]);
  });
});

describe('tuneWeights', () => {
  it('finds an optimum between coarse grid points with the fine grid', () => {
    const r = tuneWeights(3, (w) => -(((w[0] ?? 0) - 0.3) ** 2) - ((w[1] ?? 0) - 0.45) ** 2);
    expect(r.weights).toEqual([0.3, 0.45, 0.25]);
    expect(r.objective).toBe(-0);
  });
  it('keeps the first of equal points', () => {
    expect(tuneWeights(2, () => 1).weights).toEqual([0, 1]);
  });
});

describe('combine', () => {
  it('is the weighted sum per document', () => {
    expect(
      Array.from(
        combine(
          [
            [1, 2],
            [10, 20],
          ],
          [0.5, 0.1],
          new Float64Array(2),
        ),
      ),
    ).toEqual([1.5, 3]);
  });
});

describe('split and sample', () => {
  it("fmix32 is MurmurHash3's finaliser", () => {
    expect(fmix32(0)).toBe(0);
    // 1 → 0x514e28b7, the published fmix32(1).
    expect(fmix32(1)).toBe(0x514e28b7);
  });
  it('u(id) is fmix32(fnv1a(salt|id)) over 2^32', () => {
    expect(hashUnit('abc', 's')).toBe(fmix32(fnv1a('s|abc')) / 2 ** 32);
    expect(splitOf('abc', { salt: 's', devShare: 1 })).toBe('dev');
    expect(splitOf('abc', { salt: 's', devShare: 0 })).toBe('test');
  });
  it('puts about 30 % of 10,000 ids in dev', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `q${i}`);
    const dev = ids.filter((id) => splitOf(id) === 'dev').length;
    expect(DEFAULT_SPLIT.devShare).toBe(0.3);
    expect(dev).toBeGreaterThan(2800);
    expect(dev).toBeLessThan(3200);
  });
  it('samples the same ids whatever the input order', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `t${i}`);
    expect(sampleByHash([...ids].reverse(), (x) => x, 7)).toEqual(sampleByHash(ids, (x) => x, 7));
    expect(sampleByHash(ids, (x) => x, 100)).toHaveLength(50);
  });
  it('title keys fold width, case and spacing', () => {
    expect(titleKey('  Ｊａｖａ   Developer ')).toBe('java developer');
  });
});
