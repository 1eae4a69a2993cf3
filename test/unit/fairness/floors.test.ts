import { describe, expect, it } from 'vitest';
import {
  floorRerank,
  floorShares,
  floorViolations,
  type FloorItem,
} from '../../../src/domain/fairness/rerank/floors.ts';

const item = (id: string, score: number, groups: Record<string, string | null>): FloorItem => ({ id, score, groups });
const ids = (xs: readonly FloorItem[]) => xs.map((x) => x.id).join(',');

describe('floor shares: the qualified share, raised to a target only where room is left', () => {
  it('unknowns count in the denominator; a target is met when the raises fit', () => {
    const pool = [
      item('x1', 0.9, { g: 'x' }),
      item('x2', 0.8, { g: 'x' }),
      item('u1', 0.7, { g: null }),
      item('u2', 0.6, { g: null }),
      item('y1', 0.5, { g: 'y' }),
    ];
    // x = 2/5, y = 1/5, Σ = .6; raising y to .5 adds .3 ≤ 1 − .6.
    expect(floorShares(pool, ['g'])).toEqual({ x: 0.4, y: 0.2 });
    expect(floorShares(pool, ['g'], { y: 0.5 })).toEqual({ x: 0.4, y: 0.5 });
  });

  it('never below a group’s own qualified share: with no room left a target raises nothing', () => {
    const pool = ['x1', 'x2', 'x3', 'x4'].map((id, i) => item(id, 0.9 - i / 10, { g: 'x' }));
    pool.push(item('y1', 0.5, { g: 'y' }), item('y2', 0.4, { g: 'y' }));
    // x = 4/6, y = 2/6 sum to 1: a quota of .5 for y would push x below 4/6 of the places, so it is not applied.
    expect(floorShares(pool, ['g'], { y: 0.5 })).toEqual({ x: 4 / 6, y: 2 / 6 });
  });
});

describe('floorRerank (floors only, several attributes at once)', () => {
  it('keeps the score order where no floor binds', () => {
    const list = [
      item('a', 0.9, { g: 'x' }),
      item('b', 0.8, { g: 'y' }),
      item('c', 0.7, { g: 'x' }),
      item('d', 0.6, { g: 'y' }),
    ];
    // Floors ⌊i/2⌋ for x and y: 0,1,1,2 — the score order already meets them.
    const r = floorRerank(list, { k: 4, partitions: [['g']] });
    expect(ids(r.ranking)).toBe('a,b,c,d');
    expect(r.shortfalls).toEqual([]);
  });

  it('lifts a group only as far as its floor: x,x,x,y,y with shares .6/.4 → a,b,d,c,e', () => {
    const list = [
      item('a', 0.9, { g: 'x' }),
      item('b', 0.8, { g: 'x' }),
      item('c', 0.7, { g: 'x' }),
      item('d', 0.6, { g: 'y' }),
      item('e', 0.5, { g: 'y' }),
    ];
    // y needs ⌊.4i⌋ = 0,0,1,1,2: the third place must be a y (d); then c comes back before e.
    const r = floorRerank(list, { k: 5, partitions: [['g']] });
    expect(ids(r.ranking)).toBe('a,b,d,c,e');
    expect(r.shares).toEqual({ g: { x: 0.6, y: 0.4 } });
    expect(r.shortfalls).toEqual([]);
  });

  it('an exempt cell has no share floor, only its atLeast floor: a,b,c,d,e; a,b,d,c,e with one y from place 3', () => {
    const list = [
      item('a', 0.9, { g: 'x' }),
      item('b', 0.8, { g: 'x' }),
      item('c', 0.7, { g: 'x' }),
      item('d', 0.6, { g: 'y' }),
      item('e', 0.5, { g: 'y' }),
    ];
    // y exempt: its ⌊.4i⌋ floors are dropped, x's ⌊.6i⌋ = 0,1,1,2,3 hold in score order.
    const free = floorRerank(list, { k: 5, partitions: [['g']], exempt: { g: ['y'] } });
    expect(ids(free.ranking)).toBe('a,b,c,d,e');
    expect(free.required).toEqual({ g: { x: [0, 1, 1, 2, 3] } });
    // An atLeast floor still binds an exempt cell: one y in every prefix from 3 on → d at place 3, as the
    // share floor would, but from place 3 only (not ⌊.4i⌋ = 2 at place 5: e stays after c).
    const held = floorRerank(list, {
      k: 5,
      partitions: [['g']],
      exempt: { g: ['y'] },
      atLeast: [{ partition: 'g', cell: 'y', prefix: 3, count: 1 }],
    });
    expect(ids(held.ranking)).toBe('a,b,d,c,e');
    expect(held.required).toEqual({ g: { x: [0, 1, 1, 2, 3], y: [0, 0, 1, 1, 1] } });
    expect(held.shortfalls).toEqual([]);
  });

  it('does not cap: a group above its floor keeps every place its scores earn', () => {
    const list = [
      ...['x1', 'x2', 'x3', 'x4', 'x5'].map((id, i) => item(id, 0.9 - i / 100, { g: 'x' })),
      item('y1', 0.1, { g: 'y' }),
    ];
    // y's floor ⌊i/6⌋ is 1 only at i = 6; x is never held back to a quota.
    expect(ids(floorRerank(list, { k: 6, partitions: [['g']] }).ranking)).toBe('x1,x2,x3,x4,x5,y1');
  });

  it('two attributes at once: the one item that is both f and r fills both floors at place 3 → A,B,E,C,D', () => {
    const list = [
      item('A', 0.9, { g: 'm', h: 'u' }),
      item('B', 0.8, { g: 'm', h: 'u' }),
      item('C', 0.7, { g: 'f', h: 'u' }),
      item('D', 0.6, { g: 'm', h: 'r' }),
      item('E', 0.5, { g: 'f', h: 'r' }),
    ];
    // f and r each need ⌊.4i⌋ = 0,0,1,1,2. At place 3, C leaves r short and D leaves f short; only E meets both.
    const r = floorRerank(list, { k: 5, partitions: [['g'], ['h']] });
    expect(ids(r.ranking)).toBe('A,B,E,C,D');
    expect(r.shortfalls).toEqual([]);
  });

  it('intersections are cells of their own; unknown values are neither floored nor promoted', () => {
    const list = [
      item('a', 0.9, { g: 'm', h: 'u' }),
      item('b', 0.8, { g: 'm', h: 'u' }),
      item('n', 0.75, { g: null, h: 'u' }),
      item('c', 0.7, { g: 'f', h: 'r' }),
      item('d', 0.6, { g: 'm', h: 'u' }),
    ];
    // Cells of g × h among the 5 qualified: m|u 3/5, f|r 1/5 (n has no cell). f|r needs ⌊i/5⌋: 1 at i = 5 only.
    const r = floorRerank(list, { k: 5, partitions: [['g', 'h']] });
    expect(r.shares).toEqual({ 'g × h': { 'm|u': 0.6, 'f|r': 0.2 } });
    expect(ids(r.ranking)).toBe('a,b,n,c,d');
  });

  it('reports the prefixes it could not meet (the per-partition check is necessary, not sufficient)', () => {
    const list = [
      item('A', 0.9, { g: 'm', h: 'u' }),
      item('B', 0.8, { g: 'f', h: null }),
      item('C', 0.7, { g: null, h: 'r' }),
      item('D', 0.6, { g: null, h: null }),
    ];
    // Targets f = .5 and r = .5 (room is left by the unknowns) need one f and one r in the top 2: impossible
    // after A; B fills f (first by score among the items that fill one deficit), r is reported short.
    const r = floorRerank(list, { k: 2, partitions: [['g'], ['h']], targets: { g: { f: 0.5 }, h: { r: 0.5 } } });
    expect(ids(r.ranking)).toBe('A,B,C,D');
    expect(r.shortfalls).toEqual([{ prefix: 2, partition: 'h', cell: 'r', count: 0, required: 1 }]);
    // The same check on a served list: the required tables travel with the plan.
    expect(r.required).toEqual({ g: { m: [0, 0], f: [0, 1] }, h: { u: [0, 0], r: [0, 1] } });
    expect(floorViolations(r.ranking, [['g'], ['h']], r.required)).toEqual(r.shortfalls);
    expect(
      floorViolations(
        [list[0], list[2]].flatMap((x) => (x ? [x] : [])),
        [['g'], ['h']],
        r.required,
      ),
    ).toEqual([{ prefix: 2, partition: 'g', cell: 'f', count: 0, required: 1 }]);
  });

  it('qualified: shares come from the first n by score, and positions after k follow the score order', () => {
    const list = [
      item('a', 0.9, { g: 'x' }),
      item('b', 0.8, { g: 'x' }),
      item('c', 0.7, { g: 'y' }),
      item('d', 0.6, { g: 'x' }),
      item('e', 0.5, { g: 'y' }),
      item('f', 0.4, { g: 'y' }),
    ];
    // Qualified = a, b, c, d: y = 1/4, floor ⌊i/4⌋ = 0,0 for k = 2 — nothing binds; the rest in score order.
    expect(ids(floorRerank(list, { k: 2, partitions: [['g']], qualified: 4 }).ranking)).toBe('a,b,c,d,e,f');
    // All six qualified: y = 1/2 needs 1 in the top 2 → a, c, then b, d, e, f by score.
    expect(ids(floorRerank(list, { k: 2, partitions: [['g']] }).ranking)).toBe('a,c,b,d,e,f');
  });

  it('rejects a bad k and handles the empty list', () => {
    expect(() => floorRerank([], { k: -1, partitions: [] })).toThrow(RangeError);
    expect(floorRerank([], { k: 3, partitions: [['g']] })).toEqual({
      ranking: [],
      shares: { g: {} },
      required: { g: {} },
      shortfalls: [],
    });
  });
});
