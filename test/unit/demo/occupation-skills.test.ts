import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src/demo/generate.ts';
import { techName } from '../../../src/demo/data/occupations-zh.ts';
import { DEMO_OCCUPATIONS } from '../../../src/demo/occupations.ts';
import { MIN_CATEGORY_SHARE, occupationSkills, skillName } from '../../../src/demo/skills.ts';

const byCode = new Map(DEMO_OCCUPATIONS.map((o) => [o.onet.code, o]));
const OFFICE =
  /^(Excel|Microsoft Office|Word|PowerPoint|Access|Microsoft Project|SharePoint|Visio|Microsoft Dynamics)$/;

describe('demo postings draw skills only from their occupation', () => {
  const { postings } = generateDemoData({ seed: 42 });

  it("every skill of every posting is one of its occupation's skills, in the posting's language", () => {
    for (const p of postings) {
      const occ = byCode.get(p.occupationCode);
      expect(occ).toBeDefined();
      if (occ === undefined) continue;
      const names = new Set(occupationSkills(occ).map((s) => skillName(s, p.lang === 'zh' ? 'zh' : 'en')));
      for (const s of [...p.requiredSkills, ...p.preferredSkills])
        expect(names, `${occ.zh.en}: ${String(s)}`).toContain(s);
    }
  });

  it(
    "keeps the strays of O*NET's market-wide hot list out (Apache Spark for nurses, health " +
      'records for accountants)',
    () => {
      const skillsOf = (code: string) =>
        new Set(
          postings.filter((p) => p.occupationCode === code).flatMap((p) => [...p.requiredSkills, ...p.preferredSkills]),
        );
      const nurse = skillsOf('29-1141.00');
      const accountant = skillsOf('13-2011.00');
      expect(nurse.size).toBeGreaterThan(0);
      expect(nurse).not.toContain('Apache Spark');
      expect(accountant).not.toContain('Electronic health records');
      expect(accountant).not.toContain('电子病历系统');
      // A tool of the occupation's main kind stays: nurses do keep health records.
      expect([...nurse].some((s) => s === 'Electronic health records' || s === '电子病历系统')).toBe(true);
    },
  );

  it('takes a technology only when its kind is central to the occupation', () => {
    for (const occ of DEMO_OCCUPATIONS) {
      for (const s of occupationSkills(occ).filter((x) => x.kind === 'tech' && !OFFICE.test(x.en))) {
        const source = occ.onet.techSkills.find((t) => t.hot && techName(t.name, 'en') === s.en);
        expect(source?.categoryShare, `${occ.zh.en}: ${s.en}`).toBeGreaterThanOrEqual(MIN_CATEGORY_SHARE);
      }
    }
  });
});
