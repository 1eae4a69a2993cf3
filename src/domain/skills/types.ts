/**
 * Types of the bilingual skill taxonomy. A skill has a stable slug id, an English and a Chinese name,
 * aliases in both languages, a coarse category and a finer family (used for partial credit).
 */
export const SKILL_CATEGORIES = [
  'programming',
  'data',
  'design',
  'finance-accounting',
  'marketing',
  'business',
  'engineering-manufacturing',
  'healthcare',
  'science',
  'education',
  'language',
  'certificate',
  'soft-skill',
  'legal',
  'media',
  'office',
  'software',
] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/** Flags carried over from O*NET 29.2 Technology Skills (CC BY 4.0, USDOL/ETA). */
export interface OnetToolInfo {
  /** The Example name as O*NET spells it. */
  readonly example: string;
  readonly commodityCode: string;
  readonly commodityTitle: string;
  readonly hot: boolean;
  readonly inDemand: boolean;
  /** Number of O*NET-SOC occupations that list the example. */
  readonly occupations: number;
}

export interface Skill {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  /**
   * Whether nameZh is a Chinese name of its own (curated, or a common name from data/onet-names-zh.ts); when
   * false it repeats the English name and Chinese text must show it marked as untranslated.
   */
  readonly hasZhName: boolean;
  /** Alias spellings as written in the data (markers stripped), names excluded. */
  readonly aliases: readonly string[];
  readonly category: SkillCategory;
  readonly family: string;
  readonly source: 'curated' | 'onet';
  /** Present when the skill is, or was merged with, an O*NET Technology Skills example. */
  readonly onet?: OnetToolInfo;
}

/**
 * How strictly an alias must be matched in free text.
 * - `plain`: case-insensitive, on token boundaries.
 * - `context`: an ordinary word too ("go", "excel", "swift"): accepted only in skill-list context
 *   (delimiters, conjunctions, cue words such as "with" / 熟悉, or next to Chinese text).
 * - `cased`: must appear with the exact letter case of the data ("ML", O*NET brand names).
 * - `cased-context`: both ("R", "C", "Go" when it comes from O*NET).
 */
export type AliasMode = 'plain' | 'context' | 'cased' | 'cased-context';

/** One normalized lookup key that leads to a skill. */
export interface AliasEntry {
  readonly skillId: string;
  /** The spelling as written in the data, used for the `cased` modes. */
  readonly surface: string;
  readonly mode: AliasMode;
}

/** A skill found in free text; `start`/`end` are UTF-16 offsets into the original text. */
export interface SkillMention {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)` of the original text. */
  readonly text: string;
}

/** One declared list item: a known skill (`id`) or a free tag (`id` null, `label` normalized). */
export interface NormalizedSkillItem {
  readonly input: string;
  readonly id: string | null;
  readonly label: string;
  /** Further known skills named in the same item ("Python/SQL" → sql here, python in `id`). */
  readonly also: readonly string[];
}
