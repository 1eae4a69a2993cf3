import { describe, expect, it } from 'vitest';
import type { PostingFeatures, ProfileFeatures } from '../../../src/domain/matching/features.ts';
import { DEFAULT_WEIGHTS } from '../../../src/domain/matching/weights.ts';
import { listAbove, rankListEntries } from '../../../src/domain/search/list-ranking.ts';
import { PostingIndex } from '../../../src/domain/search/posting-index.ts';
import { graduateCreate, type Graduate } from '../../../src/domain/model/graduate.ts';
import { preferenceTier } from '../../../src/services/matching/prepare.ts';

const features = (over: Partial<PostingFeatures> = {}): PostingFeatures => ({
  requiredSkills: ['python'],
  preferredSkills: [],
  minDegree: 'bachelor',
  acceptedMajors: [],
  acceptedMajorGroups: [],
  locations: ['wuhan'],
  regions: ['central'],
  remote: false,
  jobType: 'full-time',
  salaryMin: 8000,
  salaryMax: 12000,
  ...over,
});
const profile: ProfileFeatures = {
  skills: new Map([['python', { source: 'declared', field: 'skills', text: 'Python' }]]),
  degree: 'bachelor',
  majors: [],
  majorGroups: [],
  locations: ['wuhan'],
  regions: ['central'],
  remote: 'any',
  jobTypes: ['full-time'],
  salaryFloor: null,
};
const unit = (i: number) => Float32Array.from({ length: 4 }, (_, j) => (j === i % 4 ? 1 : 0));

function build() {
  const index = new PostingIndex(4, { kernels: 'js' });
  const add = (id: string, over: Partial<PostingFeatures>, employerId: string, title: string, i: number) =>
    index.upsert(
      {
        id,
        features: features(over),
        createdAt: i,
        closesAt: null,
        employerId,
        text: { title, skills: 'Python', description: 'Same text.' },
      },
      unit(i),
    );
  add('a-wuhan', {}, 'e1', 'Data Analyst', 0);
  add('a-shanghai', { locations: ['shanghai'], regions: ['east'] }, 'e1', 'Data  analyst', 0);
  add('b', {}, 'e2', 'Data Analyst', 1);
  add('intern', { jobType: 'internship' }, 'e3', 'Data Analyst Intern', 0);
  add('c', {}, 'e4', 'Analyst', 2);
  return index;
}

describe('rankListEntries', () => {
  it('folds near-identical postings of one employer into one item listing the variants', () => {
    const index = build();
    const mask = index.mask({ now: 0 });
    const entries = rankListEntries(index, {
      profile,
      vector: unit(0),
      weights: DEFAULT_WEIGHTS,
      similarity: (a, b) => (a === b ? 1 : 0),
      mask,
      preferred: mask,
      k: 3,
    });
    expect(entries).toHaveLength(3);
    const lead = entries.find((e) => e.id === 'a-wuhan' || e.id === 'a-shanghai');
    expect(lead?.variants).toHaveLength(1);
    expect(new Set(entries.flatMap((e) => [e.id, ...e.variants])).size).toBe(entries.length + 1);
  });

  it('puts postings meeting the stated preferences first, and only those when there are enough', () => {
    const index = build();
    const mask = index.mask({ now: 0 });
    const preferred = index.mask({ now: 0, jobTypes: ['full-time'], cities: ['wuhan'] });
    const input = {
      profile,
      vector: unit(0),
      weights: DEFAULT_WEIGHTS,
      similarity: (a: string, b: string) => (a === b ? 1 : 0),
      mask,
      preferred,
    };
    const few = rankListEntries(index, { ...input, k: 10 });
    expect(few.map((e) => e.preferred)).toEqual([true, true, true, false, false].slice(0, few.length));
    expect(few.findIndex((e) => e.id === 'intern')).toBeGreaterThan(few.findIndex((e) => e.id === 'c'));
    const only = rankListEntries(index, { ...input, k: 2 });
    expect(only.every((e) => e.preferred)).toBe(true);
  });
});

describe('listAbove', () => {
  /** A seeded index of 120 postings: 12 employers, 3 titles, 2 texts (so many near-identical), 6 cities. */
  function randomIndex(seed: number) {
    let x = seed;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const index = new PostingIndex(4, { kernels: 'js' });
    for (let i = 0; i < 120; i++) {
      const city = pick(['wuhan', 'shanghai', 'beijing', 'xian', 'chengdu', 'hefei']);
      const v = Float32Array.from({ length: 4 }, () => next() - 0.3);
      const norm = Math.hypot(...v);
      index.upsert(
        {
          id: `p${i}`,
          features: features({
            requiredSkills: pick([['python'], ['python', 'sql'], ['excel'], []]),
            locations: [city],
            jobType: pick(['full-time', 'internship']),
            salaryMax: pick([6000, 12000, 20000]),
          }),
          createdAt: i,
          closesAt: null,
          employerId: `e${Math.floor(next() * 12)}`,
          text: {
            title: pick(['Data Analyst', 'data  ANALYST', 'Engineer']),
            skills: '',
            description: pick(['A', 'B']),
          },
        },
        v.map((c) => c / norm),
      );
    }
    return index;
  }

  it.each([1, 2, 3])("finds every target at the full list's rank, with the same entries above it (seed %i)", (seed) => {
    const index = randomIndex(seed);
    const mask = index.mask({ now: 0 });
    mask[5] = 0;
    const preferred = Uint8Array.from(index.mask({ now: 0, cities: ['wuhan', 'xian'] }), (p, r) => p & (mask[r] ?? 0));
    const base = {
      profile,
      vector: Float32Array.from([0.5, 0.5, 0.5, 0.5]),
      weights: DEFAULT_WEIGHTS,
      similarity: (a: string, b: string) => (a === b ? 1 : 0),
      mask,
      preferred,
    };
    const full = rankListEntries(index, { ...base, k: 200 });
    let checked = 0;
    for (const [at, entry] of full.entries()) {
      const row = index.vectors.rowOf(entry.id) ?? -1;
      const above = listAbove(index, {
        ...base,
        threshold: entry.match.score,
        targetPreferred: entry.preferred,
        include: row,
      });
      expect(above.findIndex((e) => e.id === entry.id)).toBe(at);
      const before = full.slice(0, at);
      if (entry.preferred)
        expect(above.slice(0, at).map((e) => [e.id, e.match?.score])).toEqual(before.map((e) => [e.id, e.match.score]));
      else {
        expect(above.slice(0, at).filter((e) => e.preferred)).toHaveLength(before.filter((e) => e.preferred).length);
        expect(above.filter((e) => !e.preferred).map((e) => [e.id, e.match?.score])).toEqual(
          full
            .filter((e) => !e.preferred)
            .slice(0, above.filter((e) => !e.preferred).length)
            .map((e) => [e.id, e.match.score]),
        );
      }
      checked++;
    }
    // Folding leaves fewer entries than rows, and both tiers are exercised.
    expect(checked).toBe(full.length);
    expect(full.length).toBeLessThan(119);
    expect(new Set(full.map((e) => e.preferred)).size).toBe(2);
  });

  it('leaves a variant folded into a better posting out, as the list does', () => {
    const index = randomIndex(4);
    const mask = index.mask({ now: 0 });
    const base = {
      profile,
      vector: Float32Array.from([0.5, 0.5, 0.5, 0.5]),
      weights: DEFAULT_WEIGHTS,
      similarity: (a: string, b: string) => (a === b ? 1 : 0),
      mask,
      preferred: new Uint8Array(mask.length),
    };
    const full = rankListEntries(index, { ...base, k: 200 });
    const variant = full.find((e) => e.variants.length > 0)?.variants[0] ?? '';
    const row = index.vectors.rowOf(variant) ?? -1;
    const score = index.scoreRow(profile, base.vector, DEFAULT_WEIGHTS, base.similarity, row).score;
    const above = listAbove(index, { ...base, threshold: score, targetPreferred: false, include: row });
    expect(above.some((e) => e.id === variant)).toBe(false);
    expect(above.some((e) => e.variants.includes(variant))).toBe(true);
  });
});

describe('preferenceTier', () => {
  const graduate = (preferences: Record<string, unknown>): Graduate =>
    graduateCreate.parse({ name: '张伟', preferences }) as unknown as Graduate;

  it('puts remote-only and salary-floor preferences into the first tier with job type and city', () => {
    const index = build();
    index.upsert(
      {
        id: 'remote',
        features: features({ remote: true, locations: ['shanghai'], regions: ['east'], salaryMax: 20000 }),
        createdAt: 3,
        closesAt: null,
        employerId: 'e5',
        text: { title: 'Remote analyst', skills: 'Python', description: 'Anywhere.' },
      },
      unit(3),
    );
    const mask = index.mask({ now: 0 });
    const remote = preferenceTier(index, mask, graduate({ remote: 'only', jobTypes: ['full-time'] }), new Date(0));
    expect(remote.applied).toEqual(['jobType', 'remote']);
    expect(index.ids().filter((_, row) => remote.mask[row] === 1)).toEqual(['remote']);
    const rich = preferenceTier(index, mask, graduate({ locations: ['武汉'], salaryFloor: 15000 }), new Date(0));
    expect(rich.applied).toEqual(['location', 'salary']);
    const meeting = (tier: { mask: Uint8Array }) => index.ids().filter((_, row) => tier.mask[row] === 1);
    // Only the remote posting pays 15,000 (remote work meets any city); 上海 is never in the 武汉 tier.
    expect(meeting(rich)).toEqual(['remote']);
    const fair = preferenceTier(index, mask, graduate({ locations: ['武汉'], salaryFloor: 9000 }), new Date(0));
    expect(meeting(fair).sort()).toEqual(['a-wuhan', 'b', 'c', 'intern', 'remote']);
  });
});
