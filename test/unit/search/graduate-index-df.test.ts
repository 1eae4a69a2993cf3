import { describe, expect, it } from 'vitest';
import type { ProfileFeatures } from '../../../src/domain/matching/features.ts';
import { GraduateIndex, type IndexedGraduate } from '../../../src/domain/search/graduate-index.ts';
import { mulberry32 } from '../../../src/domain/text/randomized-svd.ts';

const features: ProfileFeatures = {
  skills: new Map(),
  degree: 'bachelor',
  majors: [],
  majorGroups: [],
  locations: [],
  regions: [],
  remote: 'any',
  jobTypes: [],
  salaryFloor: null,
};
const VOCABULARY = ['软件', '开发', 'java', 'sql', '测试', '设计', 'react', '数据'];

describe('GraduateIndex.df', () => {
  it('counts each graduate once a term, query and title terms together, through re-upserts and removals', () => {
    const r = mulberry32(5);
    const pick = (n: number) => Array.from({ length: n }, () => VOCABULARY[Math.floor(r() * VOCABULARY.length)] ?? '');
    const index = new GraduateIndex(2);
    const held = new Map<string, IndexedGraduate>();
    for (let step = 0; step < 400; step++) {
      const id = `g${Math.floor(r() * 40)}`;
      if (r() < 0.2) {
        index.remove(id);
        held.delete(id);
      } else {
        // Terms repeat within a list and across the two lists: a graduate still counts once.
        const g: IndexedGraduate = {
          id,
          features,
          queryTerms: pick(Math.floor(r() * 6)),
          titleTerms: pick(Math.floor(r() * 3)),
          visibility: 'employers',
          employerConsent: true,
          years: [],
          filterCities: [],
          createdAt: step,
        };
        index.upsert(g, [1, 0]);
        held.set(id, g);
      }
      for (const term of [...VOCABULARY, 'absent']) {
        const expected = [...held.values()].filter((g) => [...g.queryTerms, ...g.titleTerms].includes(term)).length;
        expect(index.df(term)).toBe(expected);
      }
    }
  });
});
