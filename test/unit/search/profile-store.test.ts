import { describe, expect, it } from 'vitest';
import type { ProfileFeatures } from '../../../src/domain/matching/features.ts';
import { ProfileStore } from '../../../src/domain/search/profile-store.ts';
import { mulberry32 } from '../../../src/domain/text/randomized-svd.ts';

const pick = <T>(r: () => number, from: readonly T[], most: number): T[] =>
  Array.from({ length: Math.floor(r() * (most + 1)) }, () => from[Math.floor(r() * from.length)] as T);

function randomFeatures(r: () => number): ProfileFeatures {
  const skills = new Map(
    pick(r, ['excel', 'python', 'tag:文档管理', 'sql', 'english', 'c', 'nursing'], 6).map((id) => [
      id,
      {
        source: r() < 0.5 ? ('declared' as const) : ('inferred' as const),
        field: pick(r, ['skills', 'languages', 'summary', 'experiences.0.description'], 1)[0] ?? 'skills',
        text: `${id} 负责${Math.floor(r() * 5)}`,
      },
    ]),
  );
  return {
    skills,
    degree: r() < 0.2 ? null : r() < 0.5 ? 'bachelor' : 'master',
    majors: pick(r, ['computer-science', 'nursing', '会计'], 2),
    majorGroups: pick(r, ['engineering', 'medicine'], 2),
    locations: pick(r, ['beijing', 'foshan', 'shanghai'], 3),
    regions: pick(r, ['east', 'west'], 2),
    remote: r() < 0.5 ? 'any' : 'only',
    jobTypes: pick(r, ['full-time', 'internship', 'part-time'] as const, 2),
    salaryFloor: r() < 0.3 ? null : r() < 0.5 ? 0 : Math.round(r() * 20_000) + 0.5,
  };
}

describe('ProfileStore', () => {
  it('gives back the features stored per slot through rewrites, deletions, compactions and a snapshot', () => {
    const r = mulberry32(11);
    const store = new ProfileStore();
    const expected = new Map<number, ProfileFeatures>();
    // Enough churn to fill the first pool several times over, so live records are compacted between writes.
    for (let step = 0; step < 3_000; step++) {
      const slot = Math.floor(r() * 300);
      if (r() < 0.25) {
        store.delete(slot);
        expected.delete(slot);
      } else {
        const f = randomFeatures(r);
        store.set(slot, f);
        expected.set(slot, f);
      }
    }
    const restored = ProfileStore.restore(structuredClone(store.snapshot()));
    for (let slot = 0; slot < 320; slot++) {
      expect(store.get(slot)).toEqual(expected.get(slot));
      expect(restored.get(slot)).toEqual(expected.get(slot));
      expect(store.degreeOf(slot)).toBe(expected.get(slot)?.degree);
      expect(restored.degreeOf(slot)).toBe(expected.get(slot)?.degree);
    }
    // The same object shape and order as the features stored: a served answer serializes them alike.
    const [slot, f] = [...expected][0] as [number, ProfileFeatures];
    const json = (p: ProfileFeatures | undefined) =>
      JSON.stringify(p, (_, v: unknown) => (v instanceof Map ? [...v] : v));
    expect(json(store.get(slot))).toBe(json(f));
    restored.set(slot, randomFeatures(r));
    expect(store.get(slot)).toEqual(f);
    expect(restored.snapshot()).not.toEqual(store.snapshot());
  });
});
