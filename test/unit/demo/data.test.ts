import { describe, expect, it } from 'vitest';
import onet from '../../../src/demo/data/occupations.json' with { type: 'json' };
import { DEMO_OCCUPATION_CODES } from '../../../src/demo/data/occupation-codes.ts';
import { OCCUPATIONS_ZH, techName } from '../../../src/demo/data/occupations-zh.ts';
import { UNIVERSITIES } from '../../../src/demo/data/universities.ts';
import { DEMO_OCCUPATIONS } from '../../../src/demo/occupations.ts';
import { occupationSkills } from '../../../src/demo/skills.ts';
import { findCity } from '../../../src/domain/geo/cities.ts';

const HAN = /\p{Script=Han}/u;

describe('occupations.json (derived from O*NET 29.2)', () => {
  it('holds the demo occupations, in order, at job zone 3–5', () => {
    expect(onet.map((o) => o.code)).toEqual([...DEMO_OCCUPATION_CODES]);
    expect(onet.length).toBeGreaterThanOrEqual(40);
    for (const o of onet) expect(o.jobZone >= 3 && o.jobZone <= 5).toBe(true);
  });

  it('keeps 1–8 tasks and at most 20 distinct technology skills, hot ones first', () => {
    for (const o of onet) {
      expect(o.tasks.length).toBeGreaterThanOrEqual(1);
      expect(o.tasks.length).toBeLessThanOrEqual(8);
      expect(o.techSkills.length).toBeLessThanOrEqual(20);
      expect(new Set(o.techSkills.map((t) => t.name)).size).toBe(o.techSkills.length);
      const firstCold = o.techSkills.findIndex((t) => !t.hot);
      if (firstCold >= 0) expect(o.techSkills.slice(firstCold).some((t) => t.hot)).toBe(false);
    }
  });
});

describe('Chinese occupation text', () => {
  it('covers exactly the demo occupations, with Chinese title, description, tasks and skills', () => {
    expect([...OCCUPATIONS_ZH.keys()].sort()).toEqual([...DEMO_OCCUPATION_CODES].sort());
    for (const o of OCCUPATIONS_ZH.values()) {
      expect(HAN.test(o.zh) && HAN.test(o.desc)).toBe(true);
      expect(o.tasks.length).toBeGreaterThanOrEqual(3);
      for (const t of o.tasks) expect(HAN.test(t)).toBe(true);
      expect(o.skills.length).toBeGreaterThanOrEqual(5);
      for (const [zh, en] of o.skills) {
        expect(zh.length).toBeGreaterThan(0);
        expect(HAN.test(en)).toBe(false);
      }
      expect(o.industries.length).toBeGreaterThan(0);
    }
  });

  it('gives every occupation at least 7 distinct skills in each language', () => {
    for (const occ of DEMO_OCCUPATIONS) {
      const skills = occupationSkills(occ);
      expect(new Set(skills.map((s) => s.zh)).size).toBeGreaterThanOrEqual(7);
      expect(new Set(skills.map((s) => s.en)).size).toBeGreaterThanOrEqual(7);
    }
  });

  it.each([
    ['Structured query language SQL', 'zh', 'SQL'],
    ['Microsoft Excel', 'zh', '电子表格'],
    ['Microsoft Excel', 'en', 'Excel'],
    ['Python', 'zh', 'Python'],
    ['Microsoft Outlook', 'en', undefined],
  ] as const)('techName(%j, %s) → %j', (name, lang, expected) => {
    expect(techName(name, lang)).toBe(expected);
  });
});

describe('universities', () => {
  it('sit in known cities in all four regions and include vocational colleges', () => {
    for (const u of UNIVERSITIES) expect(findCity(u.city)).toBeDefined();
    expect(new Set(UNIVERSITIES.map((u) => findCity(u.city)?.region)).size).toBe(4);
    expect(UNIVERSITIES.some((u) => u.kind === 'vocational')).toBe(true);
    expect(new Set(UNIVERSITIES.map((u) => u.kind)).size).toBeGreaterThanOrEqual(8);
  });
});
