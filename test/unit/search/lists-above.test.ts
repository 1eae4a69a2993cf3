import { describe, expect, it } from 'vitest';
import type { PostingFeatures, ProfileFeatures, SkillEvidence } from '../../../src/domain/matching/features.ts';
import { DEFAULT_WEIGHTS, weightSetSchema, type WeightSet } from '../../../src/domain/matching/weights.ts';
import { listAbove, listsAbove, type ReachedEntry } from '../../../src/domain/search/list-ranking.ts';
import { plainQuery } from '../../../src/domain/search/lexical-index.ts';
import { PostingIndex } from '../../../src/domain/search/posting-index.ts';
import type { KernelPreference } from '../../../src/domain/search/simd/arena.ts';

const SKILLS = ['python', 'sql', 'excel', 'tableau', 'power-bi', 'java'] as const;
/** Partial credit between near skills, so a skill added changes the credit of others (as the taxonomy does). */
const NEAR: Record<string, number> = { 'sql|python': 0.4, 'tableau|power-bi': 0.7, 'excel|power-bi': 0.3 };
const similarity = (a: string, b: string): number => (a === b ? 1 : (NEAR[`${a}|${b}`] ?? NEAR[`${b}|${a}`] ?? 0));

const held = (text: string): SkillEvidence => ({ source: 'declared', field: 'skills', text });
const profileWith = (skills: readonly string[]): ProfileFeatures => ({
  skills: new Map(skills.map((s) => [s, held(s)])),
  degree: 'bachelor',
  majors: [],
  majorGroups: [],
  locations: ['wuhan'],
  regions: ['central'],
  remote: 'any',
  jobTypes: ['full-time'],
  salaryFloor: 9000,
});

/** A seeded index of 300 postings: skills, cities, texts and vectors drawn, many near-identical (same title). */
function randomIndex(seed: number, kernels: KernelPreference) {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const index = new PostingIndex(8, { kernels });
  for (let i = 0; i < 300; i++) {
    const required = SKILLS.filter(() => next() < 0.3);
    const preferred = SKILLS.filter((s) => !required.includes(s) && next() < 0.2);
    const features: PostingFeatures = {
      requiredSkills: required,
      preferredSkills: preferred,
      minDegree: 'bachelor',
      acceptedMajors: [],
      acceptedMajorGroups: [],
      locations: [pick(['wuhan', 'shanghai', 'xian'])],
      regions: ['central'],
      remote: false,
      jobType: pick(['full-time', 'internship']),
      salaryMin: 8000,
      salaryMax: pick([6000, 12000, 20000]),
    };
    const v = Float32Array.from({ length: 8 }, () => next() - 0.3);
    const norm = Math.hypot(...v);
    index.upsert(
      {
        id: `p${i}`,
        features,
        createdAt: i,
        closesAt: null,
        employerId: `e${Math.floor(next() * 20)}`,
        text: {
          title: pick(['Data Analyst', 'data  ANALYST', 'Engineer', 'BI developer']),
          skills: [...required, ...preferred].join(' '),
          description: pick(['SQL and reports', 'Python pipelines', 'Excel dashboards in Tableau']),
        },
      },
      v.map((c) => c / norm),
    );
  }
  return { index, next };
}

/**
 * Entries above a score, as a strict count sees them: (id, score) in order, the other tier's as ±∞ (their folded
 * variants may differ: rows below the score folded into them are listed where they were looked at).
 */
const above = (entries: readonly ReachedEntry[], score: number, targetPreferred: boolean) =>
  entries
    .map((e) => ({
      id: e.id,
      score: e.preferred === targetPreferred ? (e.match?.score ?? Infinity) : e.preferred ? Infinity : -Infinity,
    }))
    .filter((e) => e.score > score);

/**
 * Mostly lexical: the rows whose lexical value keeps them under a target's score are many, so variantBounds leaves
 * them unscored, and a variant's added words raise some of them (bounded from the structured ceiling).
 */
const LEXICAL_HEAVY: WeightSet = weightSetSchema.parse({
  version: 'test-lexical-heavy',
  weights: {
    semantic: 0.05,
    requiredSkills: 0.02,
    preferredSkills: 0.02,
    majorFit: 0.01,
    degreeFit: 0.01,
    locationFit: 0.01,
    salaryFit: 0.01,
    jobTypeFit: 0.01,
    lexical: 0.86,
  },
});

describe('listsAbove', () => {
  it.each([
    [1, 'js', DEFAULT_WEIGHTS],
    [2, 'js', DEFAULT_WEIGHTS],
    [3, 'wasm-simd', DEFAULT_WEIGHTS],
    [4, 'wasm-simd', DEFAULT_WEIGHTS],
    [5, 'js', LEXICAL_HEAVY],
    [6, 'wasm-simd', LEXICAL_HEAVY],
  ] as const)(
    "gives each what-if variant listAbove's entries above its score, and the profile's own list unchanged " +
      '(seed %i, %s kernels)',
    (seed, kernels, weights) => {
      const { index, next } = randomIndex(seed, kernels);
      const mask = index.mask({ now: 0 });
      mask[7] = 0;
      const preferred = Uint8Array.from(index.mask({ now: 0, cities: ['wuhan'] }), (p, r) => p & (mask[r] ?? 0));
      const base = profileWith(['python', 'excel']);
      const vector = Float32Array.from({ length: 8 }, () => next() - 0.4);
      const common = { weights, similarity, mask, preferred };
      const lexical = plainQuery('python excel data analyst reports');
      // Variants: a skill added (its words in the query), one whose words the query already has, and one dropping a
      // skill (the bound cannot use the base then, and computes the variant in full), before the last bounded one
      // (whose scan must have the base's bias written back first).
      const variants = [
        { profile: profileWith(['python', 'excel', 'sql']), text: 'python excel sql data analyst reports' },
        { profile: profileWith(['python', 'excel', 'tableau']), text: 'python excel tableau data analyst reports' },
        { profile: profileWith(['python']), text: 'python data' },
        { profile: profileWith(['python', 'excel', 'power-bi']), text: 'python excel data analyst reports' },
      ].map((v) => ({
        profile: v.profile,
        lexical: plainQuery(v.text),
        vector: vector.map((c) => c + (next() - 0.5) * 0.3),
      }));
      let checked = 0;
      for (let target = 0; target < index.size; target += 11) {
        const targetPreferred = preferred[target] === 1;
        const scoreOf = (p: ProfileFeatures, v: Float32Array, q: typeof lexical) =>
          index.scoreRow(p, v, weights, similarity, target, q).score;
        const threshold = scoreOf(base, vector, lexical);
        const thresholds = variants.map((v) => scoreOf(v.profile, v.vector, v.lexical));
        const floor = Math.min(threshold, ...thresholds);
        const got = listsAbove(index, {
          ...common,
          profile: base,
          vector,
          lexical,
          threshold: floor,
          targetPreferred,
          target,
          variants: variants.map((v, i) => ({ ...v, threshold: thresholds[i] ?? 0 })),
        });
        const own = listAbove(index, {
          ...common,
          profile: base,
          vector,
          lexical,
          threshold: floor,
          targetPreferred,
          include: target,
        });
        expect(got.current).toEqual(own);
        const without = mask.slice();
        without[target] = 0;
        variants.forEach((v, i) => {
          const score = thresholds[i] ?? 0;
          const alone = listAbove(index, {
            ...common,
            mask: without,
            profile: v.profile,
            vector: v.vector,
            lexical: v.lexical,
            threshold: score,
            targetPreferred,
          });
          const mine = got.variants[i] ?? [];
          expect(above(mine, score, targetPreferred)).toEqual(above(alone, score, targetPreferred));
          expect(mine.some((e) => e.id === `p${target}`)).toBe(false);
          checked++;
        });
      }
      expect(checked).toBeGreaterThan(100);
    },
  );
});
