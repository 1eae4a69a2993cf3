import { describe, expect, it } from 'vitest';
import { skillOverlap, skillSet } from '../../bench/quality/skill-overlap.ts';
import { coverage, skillCredit } from '../../src/domain/matching/components.ts';
import { taxonomySimilarity } from '../../src/domain/matching/extract.ts';
import type { ProfileFeatures } from '../../src/domain/matching/features.ts';
import { getTaxonomy } from '../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();

/** Production's coverage of the query skills by a document's skill list. */
function production(query: readonly string[], doc: readonly string[]): number {
  const profile: ProfileFeatures = {
    skills: new Map(doc.map((id) => [id, { source: 'declared', field: 'skills', text: id }])),
    degree: null,
    majors: [],
    majorGroups: [],
    locations: [],
    regions: [],
    remote: 'any',
    jobTypes: [],
    salaryFloor: null,
  };
  return coverage(query.map((q) => skillCredit(q, profile, taxonomySimilarity(taxonomy))));
}

describe('skillOverlap', () => {
  it.each([
    // python ~ java (programming-language, 0.5), sql held (1): (0.5 + 1) / 2
    [['python', 'sql'], ['java', 'sql'], 0.75],
    // mysql ~ postgresql (database-sql, 0.5), excel not covered (0): 0.5 / 2
    [['mysql', 'excel'], ['postgresql', 'python'], 0.25],
    [['excel'], ['excel'], 1],
    [['python'], [], 0],
  ])('%j against %j is %d, as production computes it', (query, doc, expected) => {
    expect(skillOverlap(query, skillSet(doc, taxonomy), taxonomy)).toBe(expected);
    expect(production(query, doc)).toBe(expected);
  });
  it('a query with no skills scores 0 (production would give a neutral 0.5 to a posting with none)', () => {
    expect(skillOverlap([], skillSet(['python'], taxonomy), taxonomy)).toBe(0);
  });
});
