import { describe, expect, it } from 'vitest';
import {
  AI_ROLE,
  buildExplanation,
  SIGNALS_NOT_USED,
  type ExplanationInput,
} from '../../../src/domain/explain/index.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import type { PostingFeatures, ProfileFeatures, SkillEvidence } from '../../../src/domain/matching/features.ts';
import { scoreMatch } from '../../../src/domain/matching/score.ts';
import { COMPONENTS, DEFAULT_WEIGHTS, weightSetSchema } from '../../../src/domain/matching/weights.ts';
import { createRng, features, randomCase, similarity } from './gen.ts';

const ev = (text: string): SkillEvidence => ({ source: 'declared', field: 'skills', text });
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
const names: Record<string, { name: string; nameZh: string }> = {
  python: { name: 'Python', nameZh: 'Python' },
  react: { name: 'React', nameZh: 'React' },
  vue: { name: 'Vue.js', nameZh: 'Vue' },
  sql: { name: 'SQL', nameZh: 'SQL' },
  mysql: { name: 'MySQL', nameZh: 'MySQL' },
  excel: { name: 'Microsoft Excel', nameZh: 'Excel' },
};
const profile: ProfileFeatures = {
  skills: new Map([
    ['python', ev('Python')],
    ['vue', ev('Vue')],
    ['mysql', { source: 'inferred', field: 'summary', text: '用 MySQL 做留存分析。' }],
  ]),
  degree: 'bachelor',
  majors: ['computer-science'],
  majorGroups: ['engineering'],
  locations: ['shanghai', 'hangzhou'],
  regions: ['east'],
  remote: 'any',
  jobTypes: ['full-time'],
  salaryFloor: 8000,
};
const posting: PostingFeatures = {
  requiredSkills: ['python', 'react', 'sql', 'excel'],
  preferredSkills: ['vue'],
  minDegree: 'bachelor',
  acceptedMajors: ['software-engineering'],
  acceptedMajorGroups: ['engineering'],
  locations: ['wuhan'],
  regions: ['central'],
  remote: false,
  jobType: 'full-time',
  salaryMin: 5000,
  salaryMax: 6000,
};
// The goldens below were worked by hand with the weights of hybrid-2026.11.2 (no lexical component).
const W = weightSetSchema.parse({
  version: 'hybrid-2026.11.2',
  weights: {
    semantic: 0.4,
    requiredSkills: 0.24,
    preferredSkills: 0.08,
    majorFit: 0.06,
    degreeFit: 0.06,
    locationFit: 0.06,
    salaryFit: 0.05,
    jobTypeFit: 0.05,
    lexical: 0,
  },
});
const input = (over: Partial<ExplanationInput> = {}): ExplanationInput => ({
  match: scoreMatch(profile, posting, 0.62, W, sim),
  posting: {
    title: '数据分析师',
    locations: ['武汉'],
    remote: false,
    acceptedMajors: ['软件工程'],
    minDegree: 'bachelor',
    jobType: 'full-time',
    salaryMin: 5000,
    salaryMax: 6000,
  },
  graduate: {
    locations: ['上海', '杭州'],
    remote: 'any',
    jobTypes: ['full-time'],
    salaryFloor: 8000,
    degree: 'bachelor',
    majors: ['计算机科学与技术'],
  },
  modelVersion: W.version,
  embedderId: 'lsa-test',
  personalized: true,
  lang: 'en',
  skills: (id) => names[id],
  ...over,
});

describe('buildExplanation', () => {
  it("marks a skill with no name in a language, in the data and in that language's text", () => {
    const untranslated: Record<string, { name: string; nameZh: string }> = {
      ...names,
      excel: { name: 'Electronic spreadsheet software', nameZh: 'Electronic spreadsheet software' },
      react: { name: '前端框架', nameZh: '前端框架' },
    };
    const zh = buildExplanation(input({ lang: 'zh', skills: (id) => untranslated[id] }));
    expect(zh.missingSkills.required.map((s) => [s.skillId, s.untranslated])).toEqual([
      ['react', ['en']],
      ['sql', []],
      ['excel', ['zh']],
    ]);
    expect(zh.summary).toContain('Electronic spreadsheet software（无中文名）');
    const en = buildExplanation(input({ lang: 'en', skills: (id) => untranslated[id] }));
    expect(en.summary).toContain('前端框架 (untranslated) earns partial credit');
    expect(en.summary).not.toContain('Electronic spreadsheet software (untranslated)');
  });

  it('explains the worked example exactly', () => {
    const e = buildExplanation(input());
    // required: python 1, react 0.5 (via vue), sql 0.5 (via mysql), excel 0 → 0.5; location 0 (Wuhan is central, prefs
    // east) 0.248 + 0.12 + 0.08 + 0.03 + 0.06 + 0 + 0.0375 + 0.05 = 0.6255 (weights of hybrid-2026.11.2)
    expect(e.score).toBeCloseTo(0.6255, 12);
    expect(e.components.map((c) => [c.name, c.value, c.weight, c.contribution, c.shortfall])).toEqual([
      ['semantic', 0.62, 0.4, 0.248, 0.152],
      ['requiredSkills', 0.5, 0.24, 0.12, 0.12],
      ['preferredSkills', 1, 0.08, 0.08, 0],
      ['majorFit', 0.5, 0.06, 0.03, 0.03],
      ['degreeFit', 1, 0.06, 0.06, 0],
      ['locationFit', 0, 0.06, 0, 0.06],
      ['salaryFit', 0.75, 0.05, 0.0375, 0.0125],
      ['jobTypeFit', 1, 0.05, 0.05, 0],
      ['lexical', 0, 0, 0, 0],
    ]);
    expect(e.topFactors.strongest.map((f) => [f.name, f.amount])).toEqual([
      ['semantic', 0.248],
      ['requiredSkills', 0.12],
      ['preferredSkills', 0.08],
    ]);
    expect(e.topFactors.shortfalls.map((f) => [f.name, f.amount])).toEqual([
      ['semantic', 0.152],
      ['requiredSkills', 0.12],
      ['locationFit', 0.06],
    ]);
    expect(e.matchedSkills.map((m) => [m.skillId, m.name.en, m.wanted, m.evidence.text])).toEqual([
      ['python', 'Python', 'required', 'Python'],
      ['vue', 'Vue.js', 'preferred', 'Vue'],
    ]);
    expect(e.nearMatches.map((n) => [n.skillId, n.via.name.en, n.credit, n.evidence.source, n.evidence.text])).toEqual([
      ['react', 'Vue.js', 0.5, 'declared', 'Vue'],
      ['sql', 'MySQL', 0.5, 'inferred', '用 MySQL 做留存分析。'],
    ]);
    expect(e.missingSkills.required.map((s) => s.name.zh)).toEqual(['React', 'SQL', 'Excel']);
    expect(e.missingSkills.preferred).toEqual([]);
    expect(e.signalsNotUsed.map((s) => s.id)).toEqual([
      'gender',
      'ethnicity',
      'hukou',
      'regionOfOrigin',
      'age',
      'disability',
      'health',
      'maritalStatus',
      'religion',
      'photo',
      'name',
      'schoolTier',
    ]);
    expect(e.signalsNotUsed).toBe(SIGNALS_NOT_USED);
    expect(e.aiRole).toBe(AI_ROLE);
    expect([e.modelVersion, e.embedderId, e.personalized, e.posting.title]).toEqual([
      'hybrid-2026.11.2',
      'lsa-test',
      true,
      '数据分析师',
    ]);
  });

  it('states the values each criterion compared', () => {
    const e = buildExplanation(input());
    const byName = Object.fromEntries(e.criteria.map((c) => [c.criterion, c]));
    expect(e.criteria.map((c) => [c.criterion, c.status])).toEqual([
      ['location', 'not_met'],
      ['degree', 'met'],
      ['major', 'partly'],
      ['salary', 'partly'],
      ['jobType', 'met'],
    ]);
    expect(byName.location?.text).toEqual({
      zh: '职位地点：武汉（中部）；你偏好：上海（东部）、杭州（东部）；同城：无；同一地区：否。',
      en:
        'Posting: Wuhan (Central China); you prefer: Shanghai (Eastern China), Hangzhou (Eastern ' +
        'China); same city: none; same region: no.',
    });
    expect(byName.major?.text.en).toBe(
      'Accepted majors: Software Engineering; your majors: Computer Science and Technology; same ' +
        'discipline: Engineering.',
    );
    expect(byName.major?.text.zh).toBe('接受专业：软件工程；你的专业：计算机科学与技术；同一学科门类：工学。');
    expect(byName.salary?.text.en).toBe('Posting pays: CNY 5000–6000/month; your floor: CNY 8000/month.');
    expect(byName.degree?.text.zh).toBe('最低学历：本科；你的学历：本科。');
    expect(byName.jobType?.text.en).toBe('Job type: full-time; you want: full-time.');
  });

  it('renders the summary from the numbers (golden text)', () => {
    const e = buildExplanation(input());
    expect(e.summary).toBe(
      'Match score 0.63 of 1, mostly from text similarity (0.25) and required-skill coverage (0.12). ' +
        'You have 1 of 4 required skills (Python); React earns partial credit (0.50) through your ' +
        'Vue.js; SQL earns partial credit (0.50) through your MySQL; still missing: Microsoft ' +
        'Excel. ' +
        'Met: degree, job type; partly met: major, salary; not met: location; the job is in Wuhan ' +
        'and you prefer Shanghai, Hangzhou. ' +
        'The biggest shortfall is text similarity: 0.25 of a possible 0.40.',
    );
    expect(buildExplanation(input({ lang: 'zh' })).summary).toBe(
      '匹配得分 0.63（满分 1），主要来自文本语义相近度（0.25）和必备技能覆盖（0.12）。' +
        '职位的 4 项必备技能中你具备 1 项（Python）；React 通过你的 Vue 得到部分分（0.50）；SQL 通过你的 MySQL 得到部分分（0.50）；尚缺：Excel。' +
        '符合：学历、工作类型；部分符合：专业、薪资；不符合：地点；职位在武汉，你偏好上海、杭州。' +
        '差距最大的是文本语义相近度：得 0.25，满分 0.40。',
    );
  });

  it('refuses a match whose contributions do not sum to its score', () => {
    const m = scoreMatch(profile, posting, 0.62, DEFAULT_WEIGHTS, sim);
    expect(() => buildExplanation(input({ match: { ...m, score: m.score + 1e-9 } }))).toThrow(DomainError);
    const tampered = { ...m, components: m.components.map((c) => (c.name === 'salaryFit' ? { ...c, value: 1 } : c)) };
    expect(() => buildExplanation(input({ match: tampered }))).toThrow(/sum of its component contributions/);
  });

  it('sums contributions to the score exactly for every weight set over seeded random cases', () => {
    const rng = createRng('explain-sum');
    const sets = [
      DEFAULT_WEIGHTS,
      weightSetSchema.parse({
        version: 'flat',
        weights: Object.fromEntries(COMPONENTS.map((c) => [c, 1 / COMPONENTS.length])),
      }),
    ];
    for (let i = 0; i < 100; i++) {
      const c = randomCase(rng);
      const f = features(c);
      for (const w of sets) {
        const e = buildExplanation({
          match: scoreMatch(f.profile, f.posting, c.cosine, w, similarity),
          posting: c.postingContext,
          graduate: c.graduateContext,
          modelVersion: w.version,
          embedderId: 'x',
          personalized: false,
          lang: 'zh',
        });
        expect(e.components.reduce((s, x) => s + Math.round(x.contribution * 1e6), 0)).toBe(Math.round(e.score * 1e6));
        expect(e.score).toBe(Math.round(e.score * 1e6) / 1e6);
        for (const x of e.components) expect(x.shortfall).toBe(Math.round((x.weight - x.contribution) * 1e6) / 1e6);
      }
    }
  });

  it('changing one input changes only that criterion and its component', () => {
    const base = buildExplanation(input());
    const moved = buildExplanation(
      input({
        match: scoreMatch({ ...profile, locations: ['wuhan'], regions: ['central'] }, posting, 0.62, W, sim),
        graduate: { ...input().graduate, locations: ['武汉'] },
      }),
    );
    const changed = moved.components
      .filter((c, i) => c.contribution !== base.components[i]?.contribution)
      .map((c) => c.name);
    expect(changed).toEqual(['locationFit']);
    expect(moved.criteria.filter((c, i) => c.status !== base.criteria[i]?.status).map((c) => c.criterion)).toEqual([
      'location',
    ]);
    expect(moved.criteria[0]?.text.en).toBe(
      'Posting: Wuhan (Central China); you prefer: Wuhan (Central China); same city: Wuhan; same ' +
        'region: Central China.',
    );
  });
});
