import { graduateFilterKeys } from '../matching/graduate-filter.ts';
import {
  postingFeatures,
  postingText,
  deriveFeatures,
  profileText,
  type MatchablePosting,
  type MatchableProfile,
} from '../matching/extract.ts';
import type { PostingFeatures, ProfileFeatures, SkillEvidence } from '../matching/features.ts';
import type { Taxonomy } from '../skills/index.ts';
import { createFnv1a } from '../text/hash.ts';
import { lexicalTerms } from '../text/lexical-analyzer.ts';
import { analyzeLexicalDocument, type AnalyzedDocument, type LexicalDocument } from './lexical-index.ts';

/**
 * What the indexes derive from a row's text, stored so that a start-up reads it instead of analysing
 * every row again: a posting's features and BM25F analysis, a graduate's features and terms. A stored
 * derivation is used only while both its analyzer id and the hash of the row's inputs match.
 *
 * Bump ANALYZER_VERSION whenever tokenizing, stemming, folding, skill extraction or feature extraction
 * changes what they return (test/unit/derived.test.ts pins their output on a fixture and says so), and empty
 * SAME_ANALYSIS then; the taxonomy's counts are part of the id, so a changed skill list re-derives too.
 */
export const ANALYZER_VERSION = 'a2';

/**
 * Earlier versions whose rows hold this very analysis in an older stored form, read (and decoded as such) where a
 * row has none of ANALYZER_VERSION: a2 only changed how a posting's BM25F terms are written (flat arrays instead of
 * an array per term), so a database derived by a1 starts without deriving anything again, and `npm run embed`
 * rewrites its rows in the current form. A replica still running a1 keeps reading its own rows meanwhile.
 */
export const SAME_ANALYSIS: readonly string[] = ['a1'];

export const analyzerId = (taxonomy: Taxonomy, version: string = ANALYZER_VERSION): string => {
  const s = taxonomy.stats;
  return `${version}:${s.curated}.${s.onet}.${s.mergedOnet}.${s.aliases}`;
};

/** The analyzer ids whose stored rows a start-up may use, the current one first. */
export const readableAnalyzerIds = (taxonomy: Taxonomy): [string, ...string[]] => [
  analyzerId(taxonomy),
  ...SAME_ANALYSIS.map((version) => analyzerId(taxonomy, version)),
];

/** 32-bit FNV-1a of the text (the embeddings' content hash). */
export const textHash = (text: string): string => createFnv1a().updateString(text).hex();

/** FNV-1a and the length of the inputs' JSON: a changed row re-derives unless both collide. */
const inputHash = (inputs: unknown): string => {
  const json = JSON.stringify(inputs);
  return `${textHash(json)}-${json.length.toString(36)}`;
};

export interface PostingDerivation {
  features: PostingFeatures;
  lexical: AnalyzedDocument;
  /** textHash(postingText): whether the stored vector is current, without building the text. */
  textHash: string;
}

/** The fields postingFeatures reads besides the title and description, in a fixed order. */
export const postingFeatureInputs = (p: MatchablePosting): unknown[] => [
  p.requiredSkills,
  p.preferredSkills,
  p.minDegree,
  p.acceptedMajors,
  p.locations,
  p.remote,
  p.jobType,
  p.salaryMin ?? null,
  p.salaryMax ?? null,
];

/** The inputs postingFeatures, postingText and postingLexicalText read, hashed. */
export const postingInputHash = (p: MatchablePosting): string =>
  inputHash([p.title, p.description, ...postingFeatureInputs(p)]);

export function derivePosting(posting: MatchablePosting, text: LexicalDocument, taxonomy: Taxonomy): PostingDerivation {
  return {
    features: postingFeatures(posting, taxonomy),
    lexical: analyzeLexicalDocument(text),
    textHash: textHash(postingText(posting)),
  };
}

export const encodePostingDerivation = (d: PostingDerivation): string => JSON.stringify(d);

/** A posting's BM25F analysis as a1 stored it: a [term, tf title, tf skills, tf description] array per term. */
interface A1Lexical {
  lengths: [number, number, number];
  terms: Array<[string, number, number, number]>;
}

/** A stored posting derivation, in the current form or a1's (SAME_ANALYSIS). */
export function decodePostingDerivation(text: string): PostingDerivation {
  const d = JSON.parse(text) as PostingDerivation | (Omit<PostingDerivation, 'lexical'> & { lexical: A1Lexical });
  if ('tf' in d.lexical) return d as PostingDerivation;
  const { lengths, terms: quads } = d.lexical;
  const terms: string[] = [];
  const tf: number[] = [];
  for (const [term, t0, t1, t2] of quads) {
    terms.push(term);
    tf.push(t0, t1, t2);
  }
  return { ...d, lexical: { lengths, terms, tf } };
}

export interface GraduateDerivation {
  features: ProfileFeatures;
  /** lexicalTerms(profileText): the lexical component's query. */
  queryTerms: readonly string[];
  /** lexicalTerms of the majors (the q filter's title field). */
  titleTerms: readonly string[];
  years: readonly number[];
  filterCities: readonly string[];
  /** textHash(profileText), and whether that text is blank (no vector: no semantic evidence). */
  textHash: string;
  blank: boolean;
}

/** The inputs profileFeatures, profileText and graduateFilterKeys read, hashed (suppressed tags in order). */
export const graduateInputHash = (g: MatchableProfile, suppressed: ReadonlySet<string>): string =>
  inputHash([
    g.education,
    g.skills,
    g.languages,
    g.certificates,
    g.experiences,
    g.summary,
    g.preferences,
    [...suppressed].sort(),
  ]);

export function deriveGraduate(
  graduate: MatchableProfile,
  suppressed: ReadonlySet<string>,
  taxonomy: Taxonomy,
): GraduateDerivation {
  const text = profileText(graduate, suppressed, taxonomy);
  const keys = graduateFilterKeys(graduate);
  return {
    features: deriveFeatures(graduate, taxonomy, suppressed),
    queryTerms: lexicalTerms(text),
    titleTerms: lexicalTerms(graduate.education.map((e) => e.major).join('、')),
    years: keys.years,
    filterCities: keys.cities,
    textHash: textHash(text),
    blank: text.trim() === '',
  };
}

interface StoredGraduate extends Omit<GraduateDerivation, 'features' | 'years'> {
  features: Omit<ProfileFeatures, 'skills'> & { skills: Array<[string, SkillEvidence]> };
  /** An unreadable graduation date is NaN, which JSON has not: null. */
  years: Array<number | null>;
}

export function encodeGraduateDerivation(d: GraduateDerivation): string {
  const stored: StoredGraduate = {
    ...d,
    features: { ...d.features, skills: [...d.features.skills] },
    years: d.years.map((y) => (Number.isNaN(y) ? null : y)),
  };
  return JSON.stringify(stored);
}

export function decodeGraduateDerivation(text: string): GraduateDerivation {
  const stored = JSON.parse(text) as StoredGraduate;
  return {
    ...stored,
    features: { ...stored.features, skills: new Map(stored.features.skills) },
    years: stored.years.map((y) => y ?? NaN),
  };
}
