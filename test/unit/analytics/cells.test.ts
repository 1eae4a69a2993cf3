import { describe, expect, it } from 'vitest';
import {
  BLANK,
  countCell,
  meanCell,
  partitionCells,
  rateCell,
  rateDelta,
  suppressPartition,
} from '../../../src/domain/analytics/cells.ts';

describe('cells under the group-size threshold', () => {
  it('blanks counts and rates whose n is under k, keeping n beside every shown figure', () => {
    expect(countCell(9, 10)).toEqual(BLANK);
    expect(countCell(0, 10)).toEqual(BLANK);
    expect(countCell(10, 10)).toEqual({ n: 10, value: 10, suppressed: false });
    expect(rateCell(3, 9, 10)).toEqual(BLANK);
    // 7 of 12 = 0.58333… → 0.5833, with its denominator as n.
    expect(rateCell(7, 12, 10)).toEqual({ n: 12, value: 0.5833, suppressed: false });
    expect(meanCell(45, 10, 10)).toEqual({ n: 10, value: 4.5, suppressed: false });
    expect(rateDelta(rateCell(7, 12, 10), rateCell(5, 10, 10))).toBe(0.0833);
    expect(rateDelta(rateCell(7, 12, 10), BLANK)).toBeNull();
  });

  it('blanks more cells of a partition until the blanked ones hold at least k people', () => {
    // One small cell (4): 4 < 10, so the smallest shown cell (11) goes too; 15 ≥ 10 stops it.
    expect(suppressPartition([30, 4, 11, 25], 10)).toEqual([false, true, true, false]);
    // Two small cells 6 + 5 = 11 ≥ 10: nothing more.
    expect(suppressPartition([30, 6, 5, 25], 10)).toEqual([false, true, true, false]);
    // 2 + 3 = 5 < 10: the 12 goes; ties take the first.
    expect(suppressPartition([12, 2, 3, 12], 10)).toEqual([true, true, true, false]);
    expect(suppressPartition([12, 15], 10)).toEqual([false, false]);
    expect(partitionCells([30, 4, 11], 10)).toEqual([{ n: 30, value: 30, suppressed: false }, BLANK, BLANK]);
  });
});
