import { describe, expect, it } from 'vitest';
import { normalizeWithMap, toOriginal } from '../../../src/domain/compliance/normalize.ts';

describe('normalizeWithMap', () => {
  it.each([
    ['限 男 性', '限男性'],
    ['男-性优先', '男性优先'],
    ['未·婚', '未婚'],
    ['ＭＡＬＥ ONLY', 'male only'],
    ['９８５ 或 ２１１ 院校', '985或211院校'],
    ['9 8 5 院校', '985院校'],
    ['m a l e only', 'male only'],
    ['Python 2.11', 'python 2.11'],
    ['版本 2.1.1', '版本2.1.1'],
    ['男\u200b性', '男性'],
    ['熟悉 Java 开发', '熟悉 java 开发'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeWithMap(input).text).toBe(expected);
  });

  it('maps a normalized span back over removed separators', () => {
    const n = normalizeWithMap('要求限 男 性。');
    expect(n.text).toBe('要求限男性。');
    expect(toOriginal(n, 2, 5)).toEqual({ start: 2, end: 7 });
  });

  it('maps full-width characters one to one', () => {
    const n = normalizeWithMap('ａＢ');
    expect(n.start).toEqual([0, 1]);
    expect(n.end).toEqual([1, 2]);
  });

  it('maps an astral code point to both of its UTF-16 units', () => {
    const n = normalizeWithMap('𠀀男');
    expect(n.text).toBe('𠀀男');
    expect(toOriginal(n, 0, 2)).toEqual({ start: 0, end: 2 });
    expect(toOriginal(n, 2, 3)).toEqual({ start: 2, end: 3 });
  });
});
