import { describe, expect, it } from 'vitest';
import { catchUpFloors, relaxedCells, tallyOfList } from '../../../src/domain/fairness/rerank/cross-list.ts';
import { floorRerank } from '../../../src/domain/fairness/rerank/floors.ts';

describe('catchUpFloors (cross-list deficit floors at the top K)', () => {
  const tally = { gender: { male: { memberships: 40, selected: 24 }, female: { memberships: 40, selected: 16 } } };

  it('raises a lagging cell into the room its share floors leave: ⌈0.9 · 0.6 · (40 + 9) − 16⌉ = 11, capped', () => {
    // List of 20: 11 male, 9 female → share floors at K = 10: ⌊5.5⌋ = 5 and ⌊4.5⌋ = 4, one place of room.
    // Female needs min(9, 11) = 9 > 4; the raise is the room, 1 → 5. Male needs ⌈0.54 · 51 − 24⌉ = 4 ≤ 5.
    const out = catchUpFloors(
      tally,
      { gender: { male: 11, female: 9 } },
      { gender: { male: 5, female: 4 } },
      {
        selectedTop: 10,
        ratio: 0.9,
      },
    );
    expect(out).toEqual([
      {
        grouping: 'gender',
        cell: 'female',
        memberships: 40,
        selected: 16,
        rate: 0.4,
        bestRate: 0.6,
        inList: 9,
        shareFloor: 4,
        required: 5,
      },
    ]);
  });

  it('never takes a share floor away: with floors summing to K there is no room', () => {
    const out = catchUpFloors(
      tally,
      { gender: { male: 10, female: 10 } },
      { gender: { male: 5, female: 5 } },
      {
        selectedTop: 10,
        ratio: 0.9,
      },
    );
    expect(out).toEqual([]);
  });

  it('the reference needs 20 memberships and 2 % of the grouping; the most lagging cell is raised first', () => {
    const small = { g: { a: { memberships: 19, selected: 19 }, b: { memberships: 100, selected: 10 } } };
    // a (19 memberships) cannot be the reference; b is its own best: rate 0.1, nothing lags.
    expect(catchUpFloors(small, { g: { a: 2, b: 2 } }, { g: {} }, { selectedTop: 2, ratio: 0.9 })).toEqual([]);
    const three = {
      g: {
        a: { memberships: 50, selected: 10 },
        b: { memberships: 50, selected: 15 },
        c: { memberships: 50, selected: 30 },
      },
    };
    // best 0.6; a needs ⌈0.54 · 52 − 10⌉ = 19 → 2, b ⌈0.54 · 52 − 15⌉ = 14 → 2; one place of room: a (rate 0.2).
    const out = catchUpFloors(
      three,
      { g: { a: 2, b: 2, c: 2 } },
      { g: { a: 1, b: 1, c: 1 } },
      {
        selectedTop: 4,
        ratio: 0.9,
      },
    );
    expect(out.map((f) => [f.cell, f.required])).toEqual([['a', 2]]);
    expect(() => catchUpFloors(three, {}, {}, { selectedTop: 0, ratio: 0.9 })).toThrow(RangeError);
    expect(() => catchUpFloors(three, {}, {}, { selectedTop: 3, ratio: 1.5 })).toThrow(RangeError);
  });
});

describe('tallyOfList', () => {
  it('counts the union of both orders as memberships and the served top K as selected; unknowns not at all', () => {
    const cells: Record<string, string | null> = { x: 'a', y: 'a', z: 'b', w: null };
    const out = tallyOfList(['x', 'y', 'z'], ['y', 'x', 'w'], 1, (id) => ({ g: cells[id] ?? null }));
    expect(out).toEqual({ g: { a: { memberships: 2, selected: 1 }, b: { memberships: 1, selected: 0 } } });
  });
});

describe('floorRerank with a catch-up floor at K', () => {
  it('puts the required members in the top K as late as the floor allows (the best-scoring order otherwise)', () => {
    const items = ['m', 'm', 'm', 'm', 'f', 'f'].map((g, i) => ({ id: `${g}${i}`, score: 10 - i, groups: { g } }));
    const plain = floorRerank(items, { k: 6, partitions: [['g']], qualified: 6 });
    expect(plain.ranking.map((x) => x.id)).toEqual(['m0', 'm1', 'f4', 'm2', 'm3', 'f5']);
    const lifted = floorRerank(items, {
      k: 6,
      partitions: [['g']],
      qualified: 6,
      atLeast: [{ partition: 'g', cell: 'f', prefix: 4, count: 2 }],
    });
    // Share floors alone: f at ⌊i/3⌋; the catch-up asks 2 f in the top 4 (m keeps ⌊4·⅔⌋ = 2 there).
    expect(lifted.ranking.map((x) => x.id)).toEqual(['m0', 'm1', 'f4', 'f5', 'm2', 'm3']);
    expect(lifted.shortfalls).toEqual([]);
  });
});

describe('relaxedCells (cells not lagging across lists: no per-list share floor)', () => {
  it('keeps the share floors of lagging cells, cells under 20 memberships and groupings with no reference', () => {
    const out = relaxedCells(
      {
        // best 24/40 = 0.6, so 0.9 × 0.6 = 0.54: male (0.6) and other (27/50 = 0.54, on the line) are not
        // lagging; female (0.4) is; a cell with no memberships yet keeps its floor.
        gender: {
          male: { memberships: 40, selected: 24 },
          female: { memberships: 40, selected: 16 },
          other: { memberships: 50, selected: 27 },
          none: { memberships: 0, selected: 0 },
          // 0.9 is above the line, but 10 memberships are too few to trust (under minReference 20).
          few: { memberships: 10, selected: 9 },
        },
        // No cell has the 20 memberships a reference needs: nothing relaxed.
        disability: { yes: { memberships: 19, selected: 19 }, no: { memberships: 19, selected: 1 } },
      },
      { ratio: 0.9 },
    );
    expect(out).toEqual({ gender: ['male', 'other'] });
  });

  it('a relaxed cell (share floor 0) is held where it would lag: ⌈0.54 · (40 + 11) − 24⌉ = 4, in the room', () => {
    // male relaxed (floor 0), female lagging with floor 4: room 10 − 4 = 6. Female first: min(9, 11) = 9,
    // raised by 5 → 9, room 1; male needs 4 > 0 and gets the last place of room → 1.
    const out = catchUpFloors(
      { gender: { male: { memberships: 40, selected: 24 }, female: { memberships: 40, selected: 16 } } },
      { gender: { male: 11, female: 9 } },
      { gender: { male: 0, female: 4 } },
      { selectedTop: 10, ratio: 0.9 },
    );
    expect(out.map((f) => [f.cell, f.shareFloor, f.required])).toEqual([
      ['female', 4, 9],
      ['male', 0, 1],
    ]);
  });
});
