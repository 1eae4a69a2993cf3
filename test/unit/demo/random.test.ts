import { describe, expect, it } from 'vitest';
import { createRng, fnv1a } from '../../../src/demo/random.ts';

describe('fnv1a', () => {
  // Published FNV-1a 32-bit test vectors (Fowler/Noll/Vo reference test suite).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('fnv1a(%j) = %i', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });
});

describe('createRng', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('stays in range and is roughly uniform', () => {
    const rng = createRng('uniform');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const x = rng.int(0, 3);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    for (const n of counts) expect(Math.abs(n - 10_000)).toBeLessThan(400);
  });

  it('weighted never picks a zero-weight item and follows the weights', () => {
    const rng = createRng(3);
    const picks = Array.from({ length: 10_000 }, () => rng.weighted(['a', 'b', 'c'], [1, 0, 3]));
    expect(picks.includes('b')).toBe(false);
    expect(Math.abs(picks.filter((p) => p === 'c').length / 10_000 - 0.75)).toBeLessThan(0.02);
  });

  it('sample returns k distinct items, all of them when k ≥ length', () => {
    const rng = createRng(9);
    const s = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(s).size).toBe(4);
    expect(rng.sample([1, 2, 3], 10).sort()).toEqual([1, 2, 3]);
  });
});
