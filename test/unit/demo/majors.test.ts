import { describe, expect, it } from 'vitest';
import { DEMO_OCCUPATION_CODES } from '../../../src/demo/data/occupation-codes.ts';
import { DISCIPLINES, findMajor, majorById, MAJORS } from '../../../src/domain/majors/majors.ts';
import { majorsForOccupation, OCCUPATION_MAJORS } from '../../../src/domain/majors/occupation-majors.ts';

describe('majors', () => {
  it('lists at least 80 majors with unique ids, Chinese and English names', () => {
    expect(MAJORS.length).toBeGreaterThanOrEqual(80);
    for (const key of ['id', 'zh', 'en'] as const) expect(new Set(MAJORS.map((m) => m[key])).size).toBe(MAJORS.length);
  });

  it('covers the main discipline groups', () => {
    const used = new Set(MAJORS.map((m) => m.discipline));
    for (const d of DISCIPLINES) expect(used.has(d)).toBe(true);
  });

  it('every official name, id and alias finds a major, official names their own', () => {
    for (const m of MAJORS) {
      expect(findMajor(m.zh)).toBe(m);
      expect(findMajor(m.en)).toBe(m);
      expect(findMajor(m.id)).toBe(m);
      for (const a of m.aliases) expect(findMajor(a)).toBeDefined();
    }
  });

  it.each([
    ['计算机', 'computer-science'],
    ['计算机科学与技术专业', 'computer-science'],
    ['ＣＳ', 'computer-science'],
    ['computer science', 'computer-science'],
    ['国贸', 'international-trade'],
    ['护理', 'nursing'],
    ['HRM', 'human-resources'],
    ['Graphic Design', 'visual-communication'],
    ['  Statistics ', 'statistics'],
  ])('findMajor(%j) → %s', (name, id) => {
    expect(findMajor(name)?.id).toBe(id);
  });

  it.each(['', '炼金术', 'Underwater basket weaving'])('findMajor(%j) is undefined', (name) => {
    expect(findMajor(name)).toBeUndefined();
  });
});

describe('occupation → majors', () => {
  it('gives every demo occupation at least one major, all known', () => {
    for (const code of DEMO_OCCUPATION_CODES) {
      const ids = OCCUPATION_MAJORS[code] ?? [];
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(majorById(id)).toBeDefined();
      expect(majorsForOccupation(code).map((m) => m.id)).toEqual(ids);
    }
  });

  it('answers [] for an unknown occupation', () => {
    expect(majorsForOccupation('99-9999.00')).toEqual([]);
  });
});
