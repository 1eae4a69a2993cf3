import type { Skill } from './types.ts';
import { getTaxonomy, type Taxonomy } from './taxonomy.ts';

/**
 * Partial credit for two different skills of the same family (React vs Vue, Excel vs Google
 * Sheets, IFRS vs US GAAP): half of an exact match. A judgement call, not a fitted value; the
 * scorer's weights are where it is tuned.
 */
export const SAME_FAMILY_CREDIT = 0.5;

/**
 * sim(a, b) = 1 if a = b (also for two equal free tags); SAME_FAMILY_CREDIT if both are known and
 * share a family; 0 otherwise.
 */
export function skillSimilarity(a: string, b: string, taxonomy: Taxonomy = getTaxonomy()): number {
  if (a === b) return 1;
  const sa = taxonomy.get(a);
  const sb = taxonomy.get(b);
  if (sa === undefined || sb === undefined) return 0;
  return sa.family === sb.family ? SAME_FAMILY_CREDIT : 0;
}

/**
 * Other skills of the same family, best known first: curated before O*NET, then by the number of
 * O*NET occupations that list the tool, then by name. Unknown ids have none.
 */
export function relatedSkills(id: string, limit = 10, taxonomy: Taxonomy = getTaxonomy()): Skill[] {
  const skill = taxonomy.get(id);
  if (skill === undefined) return [];
  return (taxonomy.byFamily.get(skill.family) ?? [])
    .filter((s) => s.id !== id)
    .sort(
      (a, b) =>
        (a.source === b.source ? 0 : a.source === 'curated' ? -1 : 1) ||
        (b.onet?.occupations ?? 0) - (a.onet?.occupations ?? 0) ||
        a.name.localeCompare(b.name, 'en'),
    )
    .slice(0, Math.max(0, limit));
}
