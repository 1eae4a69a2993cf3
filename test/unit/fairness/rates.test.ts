import { describe, expect, it } from 'vitest';
import { impactRatios, selectionRate } from '../../../src/domain/fairness/rates.ts';

describe('selection rate', () => {
  it('is selected/n, null for an empty group, and rejects impossible counts', () => {
    expect(selectionRate(3, 12)).toBe(0.25);
    expect(selectionRate(0, 0)).toBeNull();
    expect(() => selectionRate(5, 4)).toThrow(RangeError);
    expect(() => selectionRate(1.5, 4)).toThrow(RangeError);
  });
});

describe('impact ratio vs the most-selected group (LL144 / UGESP four-fifths)', () => {
  it('audit-ai README example: 4 × 1000, pass 250/270/240/260 → min ratio 24/27 ≈ 0.889, none flagged', () => {
    const r = impactRatios([
      { group: 'a', n: 1000, selected: 250 },
      { group: 'b', n: 1000, selected: 270 },
      { group: 'c', n: 1000, selected: 240 },
      { group: 'd', n: 1000, selected: 260 },
    ]);
    // rates .25 .27 .24 .26; reference b (.27); IR = x·1000/(1000·270) = x/270.
    expect(r.referenceGroups).toEqual(['b']);
    expect(r.maxRate).toBe(0.27);
    expect(r.rows.map((x) => x.impactRatio)).toEqual([250 / 270, 1, 240 / 270, 260 / 270]);
    expect(r.minImpactRatio).toEqual({ group: 'c', value: 24 / 27 });
    expect(r.minImpactRatio?.value).toBeCloseTo(0.888889, 6);
    expect(r.rows.some((x) => x.flagged)).toBe(false);
  });

  it('flags strictly below 0.8: 40/100 vs 50/100 is exactly 4/5 (not flagged), 39/100 is 0.78 (flagged)', () => {
    const r = impactRatios([
      { group: 'top', n: 100, selected: 50 },
      { group: 'edge', n: 100, selected: 40 },
      { group: 'low', n: 100, selected: 39 },
    ]);
    expect(r.rows.map((x) => [x.impactRatio, x.flagged])).toEqual([
      [1, false],
      [0.8, false], // (40·100)/(100·50) = 4000/5000
      [0.78, true], // 3900/5000
    ]);
  });

  it('a group with zero selections has IR 0 and is flagged', () => {
    const r = impactRatios([
      { group: 'a', n: 10, selected: 5 },
      { group: 'b', n: 20, selected: 0 },
    ]);
    expect(r.rows[1]).toMatchObject({ rate: 0, impactRatio: 0, flagged: true, reason: null });
  });

  it('all-zero rates: every ratio is 0/0 → null with a reason, nothing flagged, no NaN', () => {
    const r = impactRatios([
      { group: 'a', n: 10, selected: 0 },
      { group: 'b', n: 20, selected: 0 },
    ]);
    expect(r.reason).toBe('all-zero-rates');
    expect(r.maxRate).toBe(0);
    expect(r.referenceGroups).toEqual([]);
    expect(r.minImpactRatio).toBeNull();
    for (const row of r.rows)
      expect(row).toMatchObject({ rate: 0, impactRatio: null, reason: 'all-zero-rates', flagged: false });
  });

  it('an empty group (n = 0) gets null rate and ratio and does not become the reference', () => {
    const r = impactRatios([
      { group: 'empty', n: 0, selected: 0 },
      { group: 'a', n: 4, selected: 1 },
    ]);
    expect(r.rows[0]).toMatchObject({
      rate: null,
      impactRatio: null,
      reason: 'empty-group',
      flagged: false,
      isReference: false,
    });
    expect(r.rows[1]).toMatchObject({ rate: 0.25, impactRatio: 1, isReference: true });
  });

  it('a single group is its own reference (IR 1); empty input has no ratios', () => {
    expect(impactRatios([{ group: 'only', n: 10, selected: 3 }]).rows[0]).toMatchObject({
      impactRatio: 1,
      isReference: true,
      flagged: false,
    });
    const e = impactRatios([]);
    expect(e).toMatchObject({
      rows: [],
      maxRate: null,
      referenceGroups: [],
      minImpactRatio: null,
      reason: 'empty-input',
    });
  });

  it('ties for the top rate: both are references; 1/2 and 2/4 are the same rate', () => {
    const r = impactRatios([
      { group: 'a', n: 2, selected: 1 },
      { group: 'b', n: 4, selected: 2 },
      { group: 'c', n: 4, selected: 1 },
    ]);
    expect(r.referenceGroups).toEqual(['a', 'b']);
    expect(r.rows[2]?.impactRatio).toBe(0.5); // (1·2)/(4·1)
  });

  it('a custom threshold is honoured', () => {
    const r = impactRatios(
      [
        { group: 'a', n: 10, selected: 10 },
        { group: 'b', n: 10, selected: 9 },
      ],
      0.95,
    );
    expect(r.rows[1]?.flagged).toBe(true);
  });
});
