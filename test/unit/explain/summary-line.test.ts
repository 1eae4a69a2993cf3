import { describe, expect, it } from 'vitest';
import { markedName, skillLabel } from '../../../src/domain/explain/labels.ts';
import { skillNameIn, summaryLine } from '../../../src/domain/explain/summary-line.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';
import { scoreMatch } from '../../../src/domain/matching/score.ts';
import { DEFAULT_WEIGHTS } from '../../../src/domain/matching/weights.ts';
import type { PostingFeatures, ProfileFeatures } from '../../../src/domain/matching/features.ts';

const ev = { source: 'declared' as const, field: 'skills', text: 'x' };
const profile: ProfileFeatures = {
  skills: new Map([
    ['python', ev],
    ['tag:护理', ev],
  ]),
  degree: 'bachelor',
  majors: [],
  majorGroups: [],
  locations: ['wuhan'],
  regions: ['central'],
  remote: 'any',
  jobTypes: ['full-time'],
  salaryFloor: null,
};
const posting: PostingFeatures = {
  requiredSkills: ['python', 'tag:护理', 'sql'],
  preferredSkills: [],
  minDegree: 'bachelor',
  acceptedMajors: [],
  acceptedMajorGroups: [],
  locations: ['wuhan'],
  regions: ['central'],
  remote: false,
  jobType: 'internship',
  salaryMin: null,
  salaryMax: null,
};
const lookup = (id: string) =>
  (
    ({ python: { name: 'Python', nameZh: 'Python' }, sql: { name: 'SQL', nameZh: 'SQL' } }) as Record<
      string,
      { name: string; nameZh: string }
    >
  )[id];

describe('summaryLine', () => {
  const match = scoreMatch(profile, posting, 0.5, DEFAULT_WEIGHTS, (a, b) => (a === b ? 1 : 0));

  it('writes one line in the requested language, marking skill names that have none in it', () => {
    const en = summaryLine(match, 'en', lookup);
    expect(en).toBe(
      `Score ${match.score.toFixed(2)}: 2 of 3 required skills (Python, 护理 (untranslated)); ` +
        `location fits; not the job type you asked for.`,
    );
    const zh = summaryLine(match, 'zh', lookup);
    expect(zh).toBe(
      `匹配度 ${match.score.toFixed(2)}：必备技能 3 项中具备 2 项（Python、护理）；地点符合；工作类型与期望不符。`,
    );
  });

  it(
    'treats a one-word product name as the same in both languages, an English phrase as ' + 'untranslated in Chinese',
    () => {
      expect(skillNameIn('python', 'zh', lookup)).toEqual({ name: 'Python', translated: true });
      expect(
        skillNameIn('emr', 'zh', () => ({ name: 'Electronic medical records', nameZh: 'Electronic medical records' })),
      ).toEqual({ name: 'Electronic medical records', translated: false });
    },
  );
});

describe('skill names in one language', () => {
  const taxonomy = getTaxonomy();
  const HAN = /\p{Script=Han}/u;

  it('marks a free tag in the language it was not written in, even a single word', () => {
    expect(skillNameIn('tag:aerodynamics', 'zh')).toEqual({ name: 'aerodynamics', translated: false });
    expect(skillNameIn('tag:aerodynamics', 'en')).toEqual({ name: 'aerodynamics', translated: true });
    expect(skillNameIn('tag:空气动力学', 'en')).toEqual({ name: '空气动力学', translated: false });
    expect(
      markedName(
        skillLabel('tag:aerodynamics', () => undefined),
        'zh',
      ),
    ).toBe('aerodynamics（无中文名）');
  });

  it('marks an O*NET tool with no Chinese name of its own in Chinese, and keeps a curated one', () => {
    const chef = taxonomy.all.find((s) => s.source === 'onet' && s.name === 'Chef');
    expect(chef?.hasZhName).toBe(false);
    expect(skillNameIn(chef?.id ?? '', 'zh')).toEqual({ name: 'Chef', translated: false });
    const microstation = taxonomy.all.find((s) => s.name === 'Bentley MicroStation');
    expect(microstation?.hasZhName).toBe(true);
    expect(skillNameIn(microstation?.id ?? '', 'zh').translated).toBe(true);
    expect(skillNameIn('python', 'zh')).toEqual({ name: 'Python', translated: true });
  });

  it('never shows any taxonomy skill in a language it has no name in without the mark', () => {
    for (const skill of taxonomy.all) {
      const label = skillLabel(skill.id, (id) => taxonomy.get(id));
      const en = markedName(label, 'en');
      expect(HAN.test(en) && !en.endsWith(' (untranslated)'), `${skill.id} in English: ${en}`).toBe(false);
      const zh = markedName(label, 'zh');
      const ownZh = skill.hasZhName && (HAN.test(skill.nameZh) || !/\s/.test(skill.nameZh.trim()));
      expect(ownZh || zh.endsWith('（无中文名）'), `${skill.id} in Chinese: ${zh}`).toBe(true);
    }
  });
});
