import { describe, expect, it } from 'vitest';
import type { PostingFeatures, ProfileFeatures, SkillEvidence } from '../../../src/domain/matching/features.ts';
import { scoreMatch } from '../../../src/domain/matching/score.ts';
import { COMPONENTS, DEFAULT_WEIGHTS, weightSetSchema, type WeightSet } from '../../../src/domain/matching/weights.ts';

const ev = (text: string): SkillEvidence => ({ source: 'declared', field: 'skills', text });
// Same-family skills earn half credit in this test's similarity (the taxonomy supplies the real one).
const families: Record<string, string> = {
  react: 'fe',
  vue: 'fe',
  python: 'py',
  sql: 'db',
  mysql: 'db',
  excel: 'sheet',
};
const sim = (a: string, b: string) =>
  a === b ? 1 : families[a] !== undefined && families[a] === families[b] ? 0.5 : 0;

const profile = (over: Partial<ProfileFeatures> = {}): ProfileFeatures => ({
  skills: new Map([
    ['python', ev('Python')],
    ['vue', ev('Vue')],
    ['mysql', ev('MySQL')],
  ]),
  degree: 'bachelor',
  majors: ['computer-science'],
  majorGroups: ['engineering'],
  locations: ['wuhan'],
  regions: ['central'],
  remote: 'any',
  jobTypes: ['full-time'],
  salaryFloor: 8000,
  ...over,
});
const posting = (over: Partial<PostingFeatures> = {}): PostingFeatures => ({
  requiredSkills: ['python', 'react', 'sql', 'excel'],
  preferredSkills: ['vue'],
  minDegree: 'bachelor',
  acceptedMajors: ['statistics'],
  acceptedMajorGroups: ['engineering'],
  locations: ['changsha'],
  regions: ['central'],
  remote: false,
  jobType: 'full-time',
  salaryMin: 5000,
  salaryMax: 6000,
  ...over,
});

describe('scoreMatch', () => {
  it('computes every component exactly (worked by hand)', () => {
    const m = scoreMatch(profile(), posting(), 0.62, DEFAULT_WEIGHTS, sim);
    const values = Object.fromEntries(m.components.map((c) => [c.name, c.value]));
    // required: python 1, react 0.5 (via vue), sql 0.5 (via mysql), excel 0 → 2/4 = 0.5
    expect(values).toEqual({
      semantic: 0.62,
      requiredSkills: 0.5,
      preferredSkills: 1,
      majorFit: 0.5,
      degreeFit: 1,
      locationFit: 0.5,
      salaryFit: 0.75,
      jobTypeFit: 1,
      lexical: 0,
    });
    // 0.30·0.62 + 0.10·0.5 + 0.04·1 + 0.02·0.5 + 0.04·1 + 0.06·0.5 + 0.05·0.75 + 0.05·1 + 0.34·0
    // = 0.186 + 0.05 + 0.04 + 0.01 + 0.04 + 0.03 + 0.0375 + 0.05 = 0.4435
    expect(m.score).toBe(0.4435);
    expect(m.matchedTerms).toEqual([]);
    expect(m.matchedSkills.map((s) => [s.skillId, s.wanted])).toEqual([
      ['python', 'required'],
      ['vue', 'preferred'],
    ]);
    expect(m.nearMatches.map((n) => [n.skillId, n.via, n.credit])).toEqual([
      ['react', 'vue', 0.5],
      ['sql', 'mysql', 0.5],
    ]);
    expect(m.missingSkills).toEqual({ required: ['react', 'sql', 'excel'], preferred: [] });
    expect(m.criteria).toEqual([
      { criterion: 'location', status: 'partly' },
      { criterion: 'degree', status: 'met' },
      { criterion: 'major', status: 'partly' },
      { criterion: 'salary', status: 'partly' },
      { criterion: 'jobType', status: 'met' },
    ]);
  });

  const weightSets: WeightSet[] = [
    DEFAULT_WEIGHTS,
    weightSetSchema.parse({
      version: 'flat',
      weights: Object.fromEntries(COMPONENTS.map((c) => [c, 1 / COMPONENTS.length])),
    }),
    weightSetSchema.parse({
      version: 'skills-only',
      weights: { ...Object.fromEntries(COMPONENTS.map((c) => [c, 0])), requiredSkills: 0.7, preferredSkills: 0.3 },
    }),
  ];
  it.each(weightSets)('contributions sum to the score exactly for every component ($version)', (weights) => {
    for (const cos of [-0.3, 0, 0.123456789, 0.999, 1.2]) {
      const m = scoreMatch(profile(), posting(), cos, weights, sim);
      expect(m.components.map((c) => c.name)).toEqual([...COMPONENTS]);
      expect(m.components.reduce((s, c) => s + Math.round(c.contribution * 1e6), 0)).toBe(Math.round(m.score * 1e6));
      expect(m.score).toBe(Math.round(m.score * 1e6) / 1e6);
      for (const c of m.components) expect(c.contribution).toBe(Math.round(c.value * c.weight * 1e6) / 1e6);
    }
  });

  it('adds the lexical component with its matched terms as evidence', () => {
    const m = scoreMatch(profile(), posting(), 0.62, DEFAULT_WEIGHTS, sim, { value: 0.5, terms: ['python', '数据'] });
    expect(m.components.find((c) => c.name === 'lexical')).toEqual({
      name: 'lexical',
      value: 0.5,
      weight: 0.34,
      contribution: 0.17,
    });
    // 0.4435 without it (above) + 0.34·0.5
    expect(m.score).toBe(0.6135);
    expect(m.matchedTerms).toEqual(['python', '数据']);
  });

  it('scores carry no float noise: a 6-decimal score whatever the cosine', () => {
    for (let i = 0; i < 500; i++) {
      const m = scoreMatch(profile(), posting(), (i * 0.7919) % 1, DEFAULT_WEIGHTS, sim);
      expect(String(m.score)).toMatch(/^(0|1)(\.\d{1,6})?$/);
    }
  });

  it('clamps the semantic value to [0, 1]', () => {
    expect(scoreMatch(profile(), posting(), -0.4, DEFAULT_WEIGHTS, sim).components[0]?.value).toBe(0);
    expect(scoreMatch(profile(), posting(), 1.0000001, DEFAULT_WEIGHTS, sim).components[0]?.value).toBe(1);
  });

  it('handles edge cases: no skills wanted, no preferences, remote only, unknown salary, degree below minimum', () => {
    const open = scoreMatch(
      profile({ locations: [], regions: [], jobTypes: [], salaryFloor: null }),
      posting({ requiredSkills: [], preferredSkills: [], acceptedMajors: [], salaryMax: null, salaryMin: null }),
      0.5,
      DEFAULT_WEIGHTS,
      sim,
    );
    const v = Object.fromEntries(open.components.map((c) => [c.name, c.value]));
    expect([v.requiredSkills, v.preferredSkills, v.majorFit, v.locationFit, v.salaryFit, v.jobTypeFit]).toEqual([
      0.5, 0.5, 1, 1, 1, 1,
    ]);
    const remoteOnly = scoreMatch(profile({ remote: 'only' }), posting(), 0.5, DEFAULT_WEIGHTS, sim);
    expect(remoteOnly.components.find((c) => c.name === 'locationFit')?.value).toBe(0);
    const remoteJob = scoreMatch(
      profile({ locations: ['beijing'], regions: ['east'] }),
      posting({ remote: true }),
      0.5,
      DEFAULT_WEIGHTS,
      sim,
    );
    expect(remoteJob.components.find((c) => c.name === 'locationFit')?.value).toBe(1);
    const noSalary = scoreMatch(profile(), posting({ salaryMin: null, salaryMax: null }), 0.5, DEFAULT_WEIGHTS, sim);
    expect(noSalary.components.find((c) => c.name === 'salaryFit')?.value).toBe(0.5);
    const underqualified = scoreMatch(profile(), posting({ minDegree: 'master' }), 0.5, DEFAULT_WEIGHTS, sim);
    expect(underqualified.components.find((c) => c.name === 'degreeFit')?.value).toBe(0);
    expect(underqualified.criteria.find((c) => c.criterion === 'degree')?.status).toBe('not_met');
  });

  it('moves only the components that depend on the changed input', () => {
    const base = scoreMatch(profile(), posting(), 0.4, DEFAULT_WEIGHTS, sim);
    const changes: Array<[Partial<ProfileFeatures>, string[]]> = [
      [{ salaryFloor: 4000 }, ['salaryFit']],
      [{ jobTypes: ['internship'] }, ['jobTypeFit']],
      [{ locations: ['changsha'] }, ['locationFit']],
      [{ degree: 'associate' }, ['degreeFit']],
      [{ majors: ['statistics'] }, ['majorFit']],
      [{ skills: new Map([...profile().skills, ['excel', ev('Excel')]]) }, ['requiredSkills']],
    ];
    for (const [change, moved] of changes) {
      const after = scoreMatch(profile(change), posting(), 0.4, DEFAULT_WEIGHTS, sim);
      const diff = after.components.filter((c, i) => c.value !== base.components[i]?.value).map((c) => c.name);
      expect(diff).toEqual(moved);
    }
  });

  it('rejects weight sets that do not sum to 1', () => {
    expect(
      weightSetSchema.safeParse({ version: 'x', weights: { ...DEFAULT_WEIGHTS.weights, semantic: 0.5 } }).success,
    ).toBe(false);
  });
});
