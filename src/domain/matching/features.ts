import type { Degree, JobType } from '../model/common.ts';

/** Where a profile skill came from, for "matched because…" evidence. */
export interface SkillEvidence {
  source: 'declared' | 'inferred';
  /** Profile field, e.g. `skills`, `summary`, `experiences.0.description`. */
  field: string;
  /** The words it was found in (the declared name, or the matched span of a sentence). */
  text: string;
}

/**
 * What the scorer may know about a graduate. Built from the profile only: no name, contact, school,
 * birth year or any protected attribute is representable here (DESIGN.md principle 1).
 */
export interface ProfileFeatures {
  /** Canonical skill id (or `tag:<label>` for a free tag) → evidence. */
  skills: ReadonlyMap<string, SkillEvidence>;
  degree: Degree | null;
  /** Canonical major ids (or normalised names) and their discipline groups. */
  majors: readonly string[];
  majorGroups: readonly string[];
  /** Canonical city ids the graduate prefers (empty: anywhere) and their regions. */
  locations: readonly string[];
  regions: readonly string[];
  remote: 'any' | 'prefer' | 'only' | 'no';
  jobTypes: readonly JobType[];
  salaryFloor: number | null;
}

export interface PostingFeatures {
  requiredSkills: readonly string[];
  preferredSkills: readonly string[];
  minDegree: Degree;
  acceptedMajors: readonly string[];
  acceptedMajorGroups: readonly string[];
  locations: readonly string[];
  regions: readonly string[];
  remote: boolean;
  jobType: JobType;
  salaryMin: number | null;
  salaryMax: number | null;
}

/** Graded similarity between two canonical skills in [0, 1] (1 = same skill). */
export type SkillSimilarity = (a: string, b: string) => number;

/**
 * The lexical (BM25F) side of one match: its value in [0, 1) and, as evidence, the query's terms the
 * posting contains, strongest first (search/lexical-index.ts computes it).
 */
export interface LexicalMatch {
  readonly value: number;
  readonly terms: readonly string[];
}

export const NO_LEXICAL_MATCH: LexicalMatch = { value: 0, terms: [] };
