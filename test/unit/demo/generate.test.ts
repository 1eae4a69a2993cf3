import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData, type DemoData } from '../../../src/demo/generate.ts';
import { DEMO_OCCUPATION_CODES } from '../../../src/demo/data/occupation-codes.ts';
import { findCity, REGIONS } from '../../../src/domain/geo/cities.ts';
import { demographics } from '../../../src/domain/model/demographics.ts';
import { employerCreate } from '../../../src/domain/model/employer.ts';
import { graduateCreate } from '../../../src/domain/model/graduate.ts';
import { postingCreate } from '../../../src/domain/model/posting.ts';

const HAN = /\p{Script=Han}/u;
let data: DemoData;
beforeAll(() => {
  data = generateDemoData({ seed: 42 });
});

describe('generateDemoData determinism', () => {
  it('gives deep-equal data for the same seed', () => {
    expect(generateDemoData({ seed: 42 })).toEqual(data);
    expect(generateDemoData({ seed: 'bole', graduates: 20, postings: 100 })).toEqual(
      generateDemoData({ seed: 'bole', graduates: 20, postings: 100 }),
    );
  });

  it('gives different data for a different seed', () => {
    const other = generateDemoData({ seed: 43 });
    expect(other.employers).not.toEqual(data.employers);
    expect(other.postings).not.toEqual(data.postings);
    expect(other.graduates).not.toEqual(data.graduates);
  });

  it('keeps postings unchanged when only the number of graduates changes (separate PRNG streams)', () => {
    const small = generateDemoData({ seed: 42, graduates: 5 });
    expect(small.postings).toEqual(data.postings);
    expect(small.graduates).toEqual(data.graduates.slice(0, 5));
  });
});

describe('generateDemoData counts and coverage', () => {
  it('has the default counts', () => {
    expect(data.graduates).toHaveLength(300);
    expect(data.postings).toHaveLength(2000);
    expect(data.employers.length).toBeGreaterThanOrEqual(120);
  });

  it('honours smaller counts and still gives at least 120 employers', () => {
    const d = generateDemoData({ seed: 1, graduates: 7, postings: 30 });
    expect([d.graduates.length, d.postings.length, d.employers.length]).toEqual([7, 30, 120]);
  });

  it('covers every demo occupation (≥ 40) in open postings', () => {
    const codes = new Set(data.postings.map((p) => p.occupationCode));
    expect(codes.size).toBe(DEMO_OCCUPATION_CODES.length);
    expect(codes.size).toBeGreaterThanOrEqual(40);
    expect(data.postings.every((p) => p.status === 'open')).toBe(true);
  });

  it('spreads employers over all four NBS regions, with every city known', () => {
    const regions = data.employers.map((e) => findCity(e.city ?? '')?.region);
    expect(regions.every((r) => r !== undefined)).toBe(true);
    for (const region of REGIONS) expect(regions.filter((r) => r === region).length).toBeGreaterThanOrEqual(5);
    expect(new Set(data.employers.map((e) => e.name)).size).toBe(data.employers.length);
  });

  it('has both Chinese and English employer names', () => {
    const zh = data.employers.filter((e) => HAN.test(e.name)).length;
    expect(zh).toBeGreaterThan(0.5 * data.employers.length);
    expect(zh).toBeLessThan(0.9 * data.employers.length);
  });
});

describe('generateDemoData schemas', () => {
  it('every employer parses as EmployerCreate unchanged', () => {
    for (const e of data.employers) expect(employerCreate.parse(e)).toEqual(e);
  });

  it('every posting parses as PostingCreate unchanged apart from the two demo-only fields', () => {
    for (const { employerIndex, occupationCode, ...p } of data.postings) {
      expect(postingCreate.parse(p)).toEqual(p);
      expect(data.employers[employerIndex]).toBeDefined();
      expect(DEMO_OCCUPATION_CODES).toContain(occupationCode);
    }
  });

  it('every graduate parses as GraduateCreate unchanged, demographics as Demographics', () => {
    for (const { demographics: demo, consents: _c, occupationCode: _o, ...g } of data.graduates) {
      expect(graduateCreate.parse(g)).toEqual(g);
      if (demo !== undefined) expect(demographics.parse(demo)).toEqual(demo);
    }
  });
});

describe('generateDemoData postings', () => {
  it('mixes about 60 % Chinese and 40 % English, each text in its own language', () => {
    const zh = data.postings.filter((p) => p.lang === 'zh');
    expect(zh.length / data.postings.length).toBeGreaterThan(0.55);
    expect(zh.length / data.postings.length).toBeLessThan(0.65);
    for (const p of data.postings) {
      const text = [p.title, p.description, ...p.requiredSkills.map(String), ...p.locations].join(' ');
      if (p.lang === 'zh') expect(HAN.test(p.title) && HAN.test(p.description)).toBe(true);
      else expect(HAN.test(text)).toBe(false);
    }
  });

  it('has 3–7 required and 0–4 preferred distinct skills, disjoint', () => {
    for (const p of data.postings) {
      const req = p.requiredSkills.map(String);
      const pref = p.preferredSkills.map(String);
      expect(req.length).toBeGreaterThanOrEqual(3);
      expect(req.length).toBeLessThanOrEqual(7);
      expect(pref.length).toBeLessThanOrEqual(4);
      expect(new Set([...req, ...pref]).size).toBe(req.length + pref.length);
    }
  });

  it('is mostly full-time with internships, dated 2026-09..2027-03, with sane salaries', () => {
    const full = data.postings.filter((p) => p.jobType === 'full-time').length / data.postings.length;
    const intern = data.postings.filter((p) => p.jobType === 'internship').length / data.postings.length;
    expect(full).toBeGreaterThan(0.7);
    expect(intern).toBeGreaterThan(0.1);
    for (const p of data.postings) {
      expect(p.opensAt !== undefined && p.opensAt >= '2026-09-01').toBe(true);
      expect(p.closesAt !== undefined && p.closesAt <= '2027-03-31').toBe(true);
      if (p.salaryMin !== undefined) expect(p.salaryMin).toBeLessThanOrEqual(p.salaryMax ?? 0);
      expect(p.locations.length).toBeGreaterThan(0);
    }
  });

  it('pays more for the same occupation in tier-1 cities than in tier-3 cities on average', () => {
    const mean = (tier: number): number => {
      const xs = data.postings
        .filter(
          (p) =>
            p.jobType === 'full-time' && p.salaryMin !== undefined && findCity(p.locations[0] ?? '')?.tier === tier,
        )
        .map((p) => p.salaryMin ?? 0);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean(1)).toBeGreaterThan(mean(3) * 1.3);
  });
});

describe('generateDemoData graduates', () => {
  it('gives demographics exactly to graduates who consented to the fairness audit (about 65 %)', () => {
    for (const g of data.graduates) expect(g.demographics !== undefined).toBe(g.consents.includes('fairness_audit'));
    const share = data.graduates.filter((g) => g.demographics !== undefined).length / data.graduates.length;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.75);
  });

  it('draws demographics with realistic marginals (pooled over 3,000 graduates)', () => {
    const demo = generateDemoData({ seed: 5, graduates: 3000, postings: 0 }).graduates.flatMap((g) =>
      g.demographics ? [g.demographics] : [],
    );
    const share = (f: (d: (typeof demo)[number]) => boolean): number => demo.filter(f).length / demo.length;
    expect(share((d) => d.ethnicity === 'minority')).toBeGreaterThan(0.06);
    expect(share((d) => d.ethnicity === 'minority')).toBeLessThan(0.12);
    expect(share((d) => d.hukouType === 'rural')).toBeGreaterThan(0.35);
    expect(share((d) => d.hukouType === 'rural')).toBeLessThan(0.45);
    expect(share((d) => d.disability === 'yes')).toBeGreaterThan(0.015);
    expect(share((d) => d.disability === 'yes')).toBeLessThan(0.045);
    expect(share((d) => d.gender === 'female')).toBeGreaterThan(0.45);
    for (const r of REGIONS) expect(share((d) => d.regionOfOrigin === r)).toBeGreaterThan(0.05);
  });

  it('uses fictional contacts, 2026/2027 graduation and a summary in the profile language', () => {
    expect(new Set(data.graduates.map((g) => g.email)).size).toBe(data.graduates.length);
    for (const g of data.graduates) {
      expect(g.email).toMatch(/@example\.edu\.cn$/);
      expect(g.phone).toBeUndefined();
      expect(g.education[0]?.graduationDate).toMatch(/^202[67]-/);
      expect(HAN.test(g.summary)).toBe(g.lang === 'zh');
      expect(g.skills.length).toBeGreaterThanOrEqual(3);
    }
    const zh = data.graduates.filter((g) => g.lang === 'zh').length / data.graduates.length;
    expect(zh).toBeGreaterThan(0.6);
    expect(zh).toBeLessThan(0.8);
  });
});
