import { describe, expect, it } from 'vitest';
import { SAME_FAMILY_CREDIT, getTaxonomy, relatedSkills, skillSimilarity } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();

describe('skillSimilarity', () => {
  it.each<[string, string, number]>([
    ['react', 'react', 1],
    ['react', 'vue', 0.5],
    ['ifrs', 'us-gaap', 0.5],
    ['excel', 'ibm-lotus-1-2-3', 0.5],
    ['react', 'python', 0],
    ['react', 'no-such-skill', 0],
    ['free tag', 'free tag', 1],
  ])('%s ~ %s = %d', (a, b, s) => {
    expect(skillSimilarity(a, b, taxonomy)).toBe(s);
    expect(skillSimilarity(b, a, taxonomy)).toBe(s);
  });

  it('documents the partial credit', () => {
    expect(SAME_FAMILY_CREDIT).toBe(0.5);
  });
});

describe('relatedSkills', () => {
  it('lists other skills of the family, curated first, without the skill itself', () => {
    expect(relatedSkills('react', 10, taxonomy).map((s) => s.id)).toEqual([
      'vue',
      'angular',
      'nextjs',
      'nuxt',
      'svelte',
    ]);
    expect(relatedSkills('react', 2, taxonomy).map((s) => s.id)).toEqual(['vue', 'angular']);
    // Curated before O*NET, then O*NET tools by how many occupations list them.
    const excel = relatedSkills('excel', 3, taxonomy).map((s) => s.id);
    expect(excel).toEqual(['excel-data-analysis', 'spreadsheet-software', 'ibm-lotus-1-2-3']);
  });

  it('is empty for unknown ids and a zero limit', () => {
    expect(relatedSkills('no-such-skill', 10, taxonomy)).toEqual([]);
    expect(relatedSkills('react', 0, taxonomy)).toEqual([]);
  });
});
