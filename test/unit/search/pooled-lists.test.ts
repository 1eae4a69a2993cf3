import { describe, expect, it } from 'vitest';
import { PooledLists } from '../../../src/domain/search/pooled-lists.ts';
import { mulberry32 } from '../../../src/domain/text/randomized-svd.ts';

/** What PooledLists must hold: plain arrays by key, with the same swap-with-last removal. */
class Reference {
  readonly lists = new Map<number, number[]>();
  set(key: number, list: readonly number[]): void {
    this.lists.set(key, [...list]);
  }
  push(key: number, value: number): void {
    const list = this.lists.get(key) ?? [];
    list.push(value);
    this.lists.set(key, list);
  }
  removeOne(key: number, value: number): void {
    const list = this.lists.get(key) ?? [];
    const at = list.indexOf(value);
    if (at < 0) return;
    list[at] = list[list.length - 1] as number;
    list.length--;
  }
  clear(key: number): void {
    this.lists.delete(key);
  }
}

function expectSame(pooled: PooledLists<Int32Array<ArrayBuffer>>, reference: Reference, keys: number): void {
  for (let key = 0; key < keys; key++) {
    const want = reference.lists.get(key) ?? [];
    expect(pooled.list(key), `key ${key}`).toEqual(want);
    expect(pooled.length(key)).toBe(want.length);
    const from = pooled.start(key);
    expect(Array.from(pooled.values.subarray(from, from + pooled.length(key)))).toEqual(want);
  }
}

describe('PooledLists', () => {
  it('holds every list through pushes, removals, rewrites and compactions, and packs into the same lists', () => {
    const r = mulberry32(23);
    const pooled = PooledLists.int32();
    const reference = new Reference();
    const keys = 200;
    // Enough churn to fill the pool several times over, so live lists are moved and compacted between writes.
    for (let step = 0; step < 20_000; step++) {
      const key = Math.floor(r() * keys);
      const value = Math.floor(r() * 50);
      const op = r();
      if (op < 0.55) {
        pooled.push(key, value);
        reference.push(key, value);
      } else if (op < 0.8) {
        pooled.removeOne(key, value);
        reference.removeOne(key, value);
      } else if (op < 0.95) {
        const list = Array.from({ length: Math.floor(r() * 12) }, () => Math.floor(r() * 50));
        pooled.set(key, list);
        reference.set(key, list);
      } else {
        pooled.clear(key);
        reference.clear(key);
      }
      if (step % 2_000 === 0) expectSame(pooled, reference, keys + 10);
    }
    expectSame(pooled, reference, keys + 10);
    for (let key = 0; key < keys; key++) {
      const want = reference.lists.get(key) ?? [];
      expect(pooled.includes(key, want[0] ?? -1)).toBe(want.length > 0);
    }
    expect(pooled.includes(keys + 5, 0)).toBe(false);

    const packed = pooled.pack();
    const restored = PooledLists.from(packed, (n) => new Int32Array(n));
    expect(restored.values).toBe(packed.values);
    expectSame(restored, reference, keys + 10);
    // A restored pool changes as the original does.
    for (let step = 0; step < 2_000; step++) {
      const key = Math.floor(r() * keys);
      const value = Math.floor(r() * 50);
      if (r() < 0.6) {
        restored.push(key, value);
        reference.push(key, value);
      } else {
        restored.removeOne(key, value);
        reference.removeOne(key, value);
      }
    }
    expectSame(restored, reference, keys + 10);
  });

  it('keeps doubles as they are given (NaN included)', () => {
    const pooled = PooledLists.float64();
    pooled.set(3, [2024, Number.NaN, 1e30]);
    pooled.set(0, []);
    expect(pooled.list(3)).toEqual([2024, Number.NaN, 1e30]);
    expect(pooled.list(0)).toEqual([]);
    expect(pooled.list(7)).toEqual([]);
    const restored = PooledLists.from(pooled.pack(), (n) => new Float64Array(n));
    expect(restored.list(3)).toEqual([2024, Number.NaN, 1e30]);
  });
});
