export type { Skill } from './types.ts';
export { SKILL_CATEGORIES } from './types.ts';
export { createTaxonomy, getTaxonomy, type Taxonomy } from './taxonomy.ts';
export { extractSkills, extractSkillIds, normalizeSkillList } from './extract.ts';
export { SAME_FAMILY_CREDIT, relatedSkills, skillSimilarity } from './similarity.ts';
export { aliasKey } from './text.ts';
