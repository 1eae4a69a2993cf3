import { describe, expect, it } from 'vitest';
import { isGenerated, longLines } from '../../../scripts/check-width.ts';

describe('check-width', () => {
  it('reports the 1-based lines over the limit with their width in characters', () => {
    const text = ['a'.repeat(120), 'b'.repeat(121), '', `${'中'.repeat(121)}`].join('\n');
    expect(longLines(text)).toEqual([
      { line: 2, width: 121 },
      { line: 4, width: 121 },
    ]);
    expect(longLines('x'.repeat(10), 9)).toEqual([{ line: 1, width: 10 }]);
    expect(longLines(`${'y'.repeat(5)}\r\n${'z'.repeat(5)}`, 4)).toEqual([
      { line: 1, width: 5 },
      { line: 2, width: 5 },
    ]);
  });

  it('allows generated files by exact path or folder prefix only', () => {
    const generated = ['data/', 'src/gen.ts'];
    expect(isGenerated('data/onet/x.txt', generated)).toBe(true);
    expect(isGenerated('src/gen.ts', generated)).toBe(true);
    expect(isGenerated('src/gen.ts.bak', generated)).toBe(false);
    expect(isGenerated('src/data/x.txt', generated)).toBe(false);
  });
});
