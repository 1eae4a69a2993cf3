import { describe, expect, it } from 'vitest';
import { andInto, clearRows, countRows, MaskCache } from '../../../src/domain/search/row-masks.ts';
import { mulberry32 } from '../../../src/domain/text/randomized-svd.ts';

function randomMask(r: () => number, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => (r() < 0.5 ? 1 : 0));
}

describe('row masks', () => {
  it('AND, clear and count as byte loops do, on any length and on views that are not word-aligned', () => {
    const r = mulberry32(5);
    for (const n of [0, 1, 3, 4, 5, 17, 64, 1001]) {
      for (const offset of [0, 1, 2, 4]) {
        const a = randomMask(r, n + offset).subarray(offset);
        const b = randomMask(r, n + 2 * offset).subarray(offset, offset + n);
        const and = a.slice();
        andInto(and, b);
        expect([...and]).toEqual([...a].map((x, i) => x & (b[i] as number)));
        const cleared = a.slice();
        clearRows(cleared, b);
        expect([...cleared]).toEqual([...a].map((x, i) => (x === 1 && b[i] !== 1 ? 1 : 0)));
        expect(countRows(a)).toBe([...a].filter((x) => x === 1).length);
        expect(countRows(b)).toBe([...b].filter((x) => x === 1).length);
      }
    }
  });

  it('clears the rows past a shorter source when ANDing, and keeps them when clearing', () => {
    const and = Uint8Array.of(1, 1, 1, 1, 1, 1);
    andInto(and, Uint8Array.of(1, 0, 1));
    expect([...and]).toEqual([1, 0, 1, 0, 0, 0]);
    const cleared = Uint8Array.of(1, 1, 1, 1, 1, 1);
    clearRows(cleared, Uint8Array.of(1, 0, 1));
    expect([...cleared]).toEqual([0, 1, 0, 1, 1, 1]);
  });

  it('keeps masks for one version, within its byte budget, least recently used out first', () => {
    const cache = new MaskCache(30);
    let made = 0;
    const make = (fill: number) => () => {
      made++;
      return new Uint8Array(10).fill(fill);
    };
    expect(cache.get(1, 'a', make(1))[0]).toBe(1);
    expect(cache.get(1, 'b', make(2))[0]).toBe(2);
    expect(cache.get(1, 'a', make(9))[0]).toBe(1);
    expect(made).toBe(2);
    // A third fits (30 bytes); a fourth pushes out the least recently used, b.
    cache.get(1, 'c', make(3));
    cache.get(1, 'd', make(4));
    expect(cache.get(1, 'a', make(9))[0]).toBe(1);
    expect(cache.get(1, 'b', make(5))[0]).toBe(5);
    expect(made).toBe(5);
    // Another version: nothing held is reused.
    expect(cache.get(2, 'a', make(6))[0]).toBe(6);
    expect(made).toBe(6);
  });
});
