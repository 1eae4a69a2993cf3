import { describe, expect, it } from 'vitest';
import { computeGroupReport } from '../../../src/domain/fairness/report.ts';
import { expectRel } from './helpers.ts';

describe('computeGroupReport', () => {
  it('suppresses, computes IR vs the top group, tests each group against it and marks adverse impact', () => {
    const r = computeGroupReport({
      groups: [
        { group: 'A', n: 100, selected: 75 },
        { group: 'B', n: 100, selected: 50 },
        { group: 'C', n: 5, selected: 0 }, // under the floor of 10
      ],
      unknownCount: 12,
    });
    expect(r.excluded).toEqual([{ group: 'C', n: 5, reason: 'below-min-size' }]);
    expect(r.unknownCount).toBe(12);
    expect(r.referenceGroup).toBe('A');
    const [a, b] = r.rows;
    expect(a).toMatchObject({ group: 'A', impactRatio: 1, zTest: null, fisher: null, adverse: false });
    // B: IR = 50/75 = ⅔ < 0.8; table [[50,50],[75,25]] is [[75,50],[25,50]] transposed and
    // column-swapped, so Fisher p is the same 4.2033045869994e-4; z = −√(40/3).
    expect(b?.impactRatio).toBe((50 * 100) / (100 * 75));
    expect(b?.flagged).toBe(true);
    expectRel(b?.fisher?.pValue, 4.20330458699940399e-4, 1e-11);
    expectRel(b?.zTest?.z, -Math.sqrt(40 / 3), 1e-14);
    expect(b?.adverse).toBe(true);
    expect(r.minImpactRatio).toEqual({ group: 'B', value: 2 / 3 });
  });

  it('a big gap on a tiny sample is flagged but not adverse (not significant)', () => {
    const r = computeGroupReport({
      groups: [
        { group: 'A', n: 10, selected: 5 },
        { group: 'B', n: 10, selected: 3 },
      ],
      unknownCount: 0,
    });
    // IR = 0.6; Fisher on [[3,7],[5,5]]: p = 0.6499… > 0.05.
    expect(r.rows[1]).toMatchObject({ impactRatio: 0.6, flagged: true, adverse: false });
    expect(r.rows[1]?.fisher?.pValue).toBeGreaterThan(0.05);
  });

  it('empty window and all-zero rates produce no NaN and no flags', () => {
    const empty = computeGroupReport({ groups: [], unknownCount: 3 });
    expect(empty).toMatchObject({
      rows: [],
      excluded: [],
      unknownCount: 3,
      referenceGroup: null,
      reason: 'empty-input',
    });
    const zero = computeGroupReport({
      groups: [
        { group: 'A', n: 20, selected: 0 },
        { group: 'B', n: 30, selected: 0 },
      ],
      unknownCount: 0,
    });
    expect(zero.reason).toBe('all-zero-rates');
    expect(zero.rows.every((row) => row.impactRatio === null && !row.adverse && row.zTest === null)).toBe(true);
    expect(JSON.stringify(zero)).not.toMatch(/NaN|Infinity/);
  });
});
