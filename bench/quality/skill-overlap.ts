import { SAME_FAMILY_CREDIT, type Taxonomy } from '../../src/domain/skills/index.ts';

/** A document's canonical skills and their families, as sets for constant-time lookups. */
export interface SkillSet {
  readonly ids: ReadonlySet<string>;
  readonly families: ReadonlySet<string>;
}

export function skillSet(ids: readonly string[], taxonomy: Taxonomy): SkillSet {
  const families = new Set<string>();
  for (const id of ids) {
    const family = taxonomy.get(id)?.family;
    if (family !== undefined) families.add(family);
  }
  return { ids: new Set(ids), families };
}

/**
 * Coverage of the query's skills by a document: the mean over query skills of 1 when the document has
 * the skill, SAME_FAMILY_CREDIT when it has another skill of the same family, else 0; 0 for a query with
 * no skills. This is production's `coverage(skillCredit(q, doc, taxonomySimilarity))` for a document's
 * skill list (checked against it in test/unit/bench-quality-skill-overlap.test.ts), computed with sets
 * because benchmark (b) needs a million document pairs.
 */
export function skillOverlap(query: readonly string[], doc: SkillSet, taxonomy: Taxonomy): number {
  if (query.length === 0) return 0;
  let sum = 0;
  for (const id of query) {
    if (doc.ids.has(id)) sum += 1;
    else {
      const family = taxonomy.get(id)?.family;
      if (family !== undefined && doc.families.has(family)) sum += SAME_FAMILY_CREDIT;
    }
  }
  return sum / query.length;
}
