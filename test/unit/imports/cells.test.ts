import { describe, expect, it } from 'vitest';
import { formatCell, parseCell, parseDay } from '../../../src/domain/imports/cells.ts';
import { DEGREE_SPELLINGS, JOB_TYPE_SPELLINGS } from '../../../src/domain/imports/enums.ts';
import { detectDelimiter, detectEncoding } from '../../../src/services/imports/read.ts';

describe('import cells', () => {
  it.each([
    ['2026-06-30', '2026-06-30'],
    ['2026/6/3', '2026-06-03'],
    ['2026.06.30', '2026-06-30'],
    ['2026年6月30日', '2026-06-30'],
    ['２０２６－０６－３０', '2026-06-30'],
    ['2026-02-30', undefined],
    ['30/06/2026', undefined],
  ])('reads the date %s as %s', (text, day) => expect(parseDay(text)).toBe(day));

  it('reads closed values in Chinese or English and writes the canonical code', () => {
    expect(parseCell({ kind: 'enum', values: DEGREE_SPELLINGS }, ' 本科 ')).toEqual({ ok: true, value: 'bachelor' });
    expect(parseCell({ kind: 'enum', values: DEGREE_SPELLINGS }, 'Master')).toEqual({ ok: true, value: 'master' });
    const bad = parseCell({ kind: 'enum', values: DEGREE_SPELLINGS }, '高中');
    expect(bad.ok).toBe(false);
    const list = parseCell({ kind: 'list', of: JOB_TYPE_SPELLINGS }, '全职；实习');
    expect(list).toEqual({ ok: true, value: ['full-time', 'internship'] });
    expect(formatCell({ kind: 'list' }, ['full-time', 'internship'])).toBe('full-time; internship');
  });

  it('reads whole numbers with separators, yes/no in both languages, and an empty cell as absent', () => {
    expect(parseCell({ kind: 'int' }, '12,000')).toEqual({ ok: true, value: 12000 });
    expect(parseCell({ kind: 'int' }, 9000)).toEqual({ ok: true, value: 9000 });
    expect(parseCell({ kind: 'int' }, '12.5').ok).toBe(false);
    expect(parseCell({ kind: 'bool' }, '是')).toEqual({ ok: true, value: true });
    expect(parseCell({ kind: 'bool' }, 'No')).toEqual({ ok: true, value: false });
    expect(parseCell({ kind: 'text' }, '   ')).toEqual({ ok: true, value: undefined });
    expect(parseCell({ kind: 'list' }, 'Python, SQL、R|Go')).toEqual({ ok: true, value: ['Python', 'SQL', 'R', 'Go'] });
  });

  it('detects the encoding from the bytes and the delimiter from the header line', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBe('utf-16le');
    expect(detectEncoding(new TextEncoder().encode('学号,姓名'))).toBe('utf-8');
    // 学号 in GBK: D1 A7 BA C5, not valid UTF-8.
    expect(detectEncoding(new Uint8Array([0xd1, 0xa7, 0xba, 0xc5]))).toBe('gb18030');
    // A sample cut inside a UTF-8 character is still UTF-8.
    expect(detectEncoding(new TextEncoder().encode('学号').slice(0, 4))).toBe('utf-8');
    expect(detectDelimiter('学号\t姓名\t技能')).toBe('tab');
    expect(detectDelimiter('学号,姓名;x')).toBe('comma');
    expect(detectDelimiter('a;b;c')).toBe('semicolon');
    expect(detectDelimiter('学号')).toBe('comma');
  });
});
