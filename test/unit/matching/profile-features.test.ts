import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../src/demo/generate.ts';
import {
  forgetProfileFeatures,
  heldProfileFeatures,
  profileFeatures,
  type MatchableProfile,
} from '../../../src/domain/matching/extract.ts';
import { deriveGraduate } from '../../../src/domain/search/derived.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const data = generateDemoData({ seed: 11, graduates: 40, postings: 1 });
/** A deep copy: a profile read again from the database is a new object with the same fields. */
const copy = (p: MatchableProfile): MatchableProfile => structuredClone(p);

describe('profileFeatures, shared by input', () => {
  it('gives the same features for the same fields, and new ones when any input differs', () => {
    const taxonomy = getTaxonomy();
    for (const g of data.graduates) {
      const first = profileFeatures(g, taxonomy);
      expect(profileFeatures(copy(g), taxonomy)).toBe(first);
      // A suppressed skill, a salary floor and a summary each change the answer, never served from the first.
      const held = [...first.skills.keys()][0];
      if (held !== undefined) {
        const without = profileFeatures(copy(g), taxonomy, new Set([held]));
        expect(without.skills.has(held)).toBe(false);
        expect(without.skills.size).toBe(first.skills.size - 1);
      }
      const floor = (g.preferences.salaryFloor ?? 0) + 1_000;
      const raised = { ...copy(g), preferences: { ...g.preferences, salaryFloor: floor } };
      expect(profileFeatures(raised, taxonomy).salaryFloor).toBe(floor);
      const withPython = { ...copy(g), summary: `${g.summary} 熟练使用 Python。` };
      expect(profileFeatures(withPython, taxonomy).skills.has('python')).toBe(true);
      expect(profileFeatures(g, taxonomy)).toBe(first);
    }
  });

  it('holds nothing of a profile once an erasure empties it, and derivations for the index keep nothing', () => {
    const taxonomy = getTaxonomy();
    const g = data.graduates[0];
    if (g === undefined) throw new Error('no demo graduate');
    const first = profileFeatures(g, taxonomy);
    expect(heldProfileFeatures()).toBeGreaterThan(0);
    forgetProfileFeatures();
    expect(heldProfileFeatures()).toBe(0);
    // deriveGraduate (indexing, also in worker threads an erasure does not reach) derives without keeping.
    expect(deriveGraduate(copy(g), new Set(), taxonomy).features).toEqual(first);
    expect(heldProfileFeatures()).toBe(0);
    const again = profileFeatures(copy(g), taxonomy);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(heldProfileFeatures()).toBe(1);
  });
});
