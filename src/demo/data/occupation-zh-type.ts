/** A demo industry: employers belong to one and hire for the occupations that list it. */
export const INDUSTRIES = [
  'internet',
  'software',
  'electronics',
  'finance',
  'accounting',
  'consulting',
  'manufacturing',
  'automotive',
  'energy',
  'construction',
  'chemicals',
  'pharma',
  'hospital',
  'education',
  'media',
  'logistics',
  'retail',
  'law',
  'public',
  'food',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/**
 * Chinese (and short English) text for one O*NET occupation, written for Bole's demo data; not a
 * translation of O*NET, which supplies the English description, tasks and technology skills.
 */
export interface OccupationZh {
  readonly code: string;
  /** Chinese job title as Chinese postings write it. */
  readonly zh: string;
  /** Short English job title as postings write it (O*NET titles are category names). */
  readonly en: string;
  readonly altZh: readonly string[];
  readonly altEn: readonly string[];
  readonly industries: readonly Industry[];
  /** One or two sentences describing the job. */
  readonly desc: string;
  /** Typical duties, in Chinese. */
  readonly tasks: readonly string[];
  /** Domain competencies as [Chinese, English] skill names, most central first. */
  readonly skills: ReadonlyArray<readonly [zh: string, en: string]>;
}
