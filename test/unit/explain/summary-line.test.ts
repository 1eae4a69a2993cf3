import { describe, expect, it } from 'vitest';
import { skillNameIn, summaryLine } from '../../../src/domain/explain/summary-line.ts';
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
      `Score ${match.score.toFixed(2)}: 2 of 3 required skills (Python, 护理 (untranslated)); location fits; not the job type you asked for.`,
    );
    const zh = summaryLine(match, 'zh', lookup);
    expect(zh).toBe(
      `匹配度 ${match.score.toFixed(2)}：必备技能 3 项中具备 2 项（Python、护理）；地点符合；工作类型与期望不符。`,
    );
  });

  it('treats a one-word product name as the same in both languages, an English phrase as untranslated in Chinese', () => {
    expect(skillNameIn('python', 'zh', lookup)).toEqual({ name: 'Python', translated: true });
    expect(
      skillNameIn('emr', 'zh', () => ({ name: 'Electronic medical records', nameZh: 'Electronic medical records' })),
    ).toEqual({ name: 'Electronic medical records', translated: false });
  });
});
