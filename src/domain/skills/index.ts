export type {
  AliasEntry,
  AliasMode,
  NormalizedSkillItem,
  OnetToolInfo,
  Skill,
  SkillCategory,
  SkillMention,
} from './types.ts';
export { SKILL_CATEGORIES } from './types.ts';
export type { SeedRow, SkillSeed } from './seed.ts';
export { createTaxonomy, getTaxonomy, type Taxonomy, type TaxonomyOptions, type TaxonomyStats } from './taxonomy.ts';
export { extractSkills, extractSkillIds, normalizeSkillList } from './extract.ts';
export { SAME_FAMILY_CREDIT, relatedSkills, skillSimilarity } from './similarity.ts';
export { aliasKey, freeTagLabel, normalizeText, tokenize, type NormalizedText, type Token } from './text.ts';
export type { SkillMatcher, MatchEntry } from './matcher.ts';
