import { findCity, normalizePlace } from '../geo/cities.ts';
import { findMajor, normalizeMajor } from '../majors/majors.ts';
import { DEGREES, degreeRank, type Degree } from '../model/common.ts';
import type { Graduate } from '../model/graduate.ts';
import type { Posting } from '../model/posting.ts';
import { extractSkills, normalizeSkillList, skillSimilarity, type Taxonomy } from '../skills/index.ts';
import type { PostingFeatures, ProfileFeatures, SkillEvidence, SkillSimilarity } from './features.ts';

/**
 * The profile fields matching may read. Name, contact details, school and everything in
 * graduate_demographics are deliberately absent, so no scoring path can depend on them.
 */
export type MatchableProfile = Pick<
  Graduate,
  'education' | 'skills' | 'languages' | 'certificates' | 'experiences' | 'summary' | 'preferences'
>;
export type MatchablePosting = Pick<
  Posting,
  | 'title'
  | 'description'
  | 'requiredSkills'
  | 'preferredSkills'
  | 'minDegree'
  | 'acceptedMajors'
  | 'locations'
  | 'remote'
  | 'jobType'
  | 'salaryMin'
  | 'salaryMax'
>;

export const tagId = (label: string): string => `tag:${label}`;

/** The sentence around a span, so evidence quotes what the graduate wrote and nothing else. */
function sentenceAround(text: string, start: number, end: number): string {
  const stops = /[。！？；;!?\n]/u;
  let a = start;
  while (a > 0 && !stops.test(text[a - 1] ?? '')) a--;
  let b = end;
  while (b < text.length && !stops.test(text[b] ?? '')) b++;
  return text
    .slice(a, Math.min(text.length, b + 1))
    .trim()
    .slice(0, 300);
}

/** A city's id (or its normalised name when unknown) and its region. */
function place(name: string): { id: string; region: string | null } {
  const city = findCity(name);
  return city ? { id: city.id, region: city.region } : { id: normalizePlace(name), region: null };
}

function majorKeys(names: readonly string[]): { ids: string[]; groups: string[] } {
  const ids = new Set<string>();
  const groups = new Set<string>();
  for (const name of names) {
    const major = findMajor(name);
    ids.add(major ? major.id : normalizeMajor(name));
    if (major) groups.add(major.discipline);
  }
  return { ids: [...ids], groups: [...groups] };
}

/**
 * Skills with evidence: declared ones from the skill list, certificates and languages; inferred ones
 * found on token boundaries in the summary and experience descriptions. Suppressed tags (deleted by
 * the graduate) are never used.
 */
export function profileSkills(
  profile: MatchableProfile,
  taxonomy: Taxonomy,
  suppressed: ReadonlySet<string> = new Set(),
): Map<string, SkillEvidence> {
  const skills = new Map<string, SkillEvidence>();
  const add = (id: string, evidence: SkillEvidence) => {
    if (!suppressed.has(id) && !skills.has(id)) skills.set(id, evidence);
  };
  const declared: Array<{ name: string; field: string; source: 'declared' | 'inferred' }> = [
    ...profile.skills.map((s) => ({ name: s.name, field: 'skills', source: s.source })),
    ...profile.certificates.map((c) => ({ name: c.name, field: 'certificates', source: 'declared' as const })),
    ...profile.languages.flatMap((l) => [
      { name: l.language, field: 'languages', source: 'declared' as const },
      ...(l.level ? [{ name: l.level, field: 'languages', source: 'declared' as const }] : []),
    ]),
  ];
  const normalized = normalizeSkillList(
    declared.map((d) => d.name),
    taxonomy,
  );
  normalized.forEach((item, i) => {
    const d = declared[i];
    if (!d) return;
    const evidence: SkillEvidence = { source: d.source, field: d.field, text: d.name };
    if (item.id) add(item.id, evidence);
    else if (d.field === 'skills') add(tagId(item.label), evidence);
    for (const also of item.also) add(also, evidence);
  });
  const texts: Array<[string, string]> = [
    ['summary', profile.summary],
    ...profile.experiences.map((e, i): [string, string] => [
      `experiences.${i}.description`,
      `${e.title}。${e.description}`,
    ]),
  ];
  for (const [field, text] of texts) {
    for (const mention of extractSkills(text, taxonomy)) {
      add(mention.id, { source: 'inferred', field, text: sentenceAround(text, mention.start, mention.end) });
    }
  }
  return skills;
}

/**
 * profileFeatures' answers by their inputs (the matchable fields and the suppressed tags, for one taxonomy), shared:
 * a graduate's lists derive the same features again each time (skill extraction over its texts, 1.9 % of a
 * recommendation's samples), and the key costs a JSON text of those fields. Callers never change features (a what-if
 * copies them: withExtraSkills). Emptied when full (an edited profile's old features go then, within 2,048 new inputs),
 * when the taxonomy changes and when a graduate is erased (forgetProfileFeatures).
 */
const featuresByInput = new Map<string, ProfileFeatures>();
let featuresTaxonomy: Taxonomy | null = null;
const CACHED_FEATURES = 2_048;

/** Empties profileFeatures' answers on an erasure (rare): they are keyed by a profile's fields, not by graduate. */
export function forgetProfileFeatures(): void {
  featuresByInput.clear();
}

/** How many answers profileFeatures keeps now. */
export const heldProfileFeatures = (): number => featuresByInput.size;

export function profileFeatures(
  profile: MatchableProfile,
  taxonomy: Taxonomy,
  suppressed: ReadonlySet<string> = new Set(),
): ProfileFeatures {
  const { education, skills, languages, certificates, experiences, summary, preferences } = profile;
  const key = JSON.stringify([
    education,
    skills,
    languages,
    certificates,
    experiences,
    summary,
    preferences,
    [...suppressed].sort(),
  ]);
  if (featuresTaxonomy !== taxonomy) {
    featuresByInput.clear();
    featuresTaxonomy = taxonomy;
  }
  const cached = featuresByInput.get(key);
  if (cached !== undefined) return cached;
  const features = deriveFeatures(profile, taxonomy, suppressed);
  if (featuresByInput.size >= CACHED_FEATURES) featuresByInput.clear();
  featuresByInput.set(key, features);
  return features;
}

/**
 * profileFeatures without keeping the answer: for derivations made once per graduate while indexing (deriveGraduate,
 * also in worker threads, whose caches an erasure does not reach), which a kept answer would not speed up.
 */
export function deriveFeatures(
  profile: MatchableProfile,
  taxonomy: Taxonomy,
  suppressed: ReadonlySet<string>,
): ProfileFeatures {
  const degrees = profile.education.map((e) => e.degree);
  const degree =
    degrees.length === 0
      ? null
      : degrees.reduce<Degree>((best, d) => (degreeRank(d) > degreeRank(best) ? d : best), DEGREES[0]);
  const majors = majorKeys(profile.education.map((e) => e.major));
  const places = profile.preferences.locations.map(place);
  return {
    skills: profileSkills(profile, taxonomy, suppressed),
    degree,
    majors: majors.ids,
    majorGroups: majors.groups,
    locations: places.map((p) => p.id),
    regions: [...new Set(places.flatMap((p) => (p.region ? [p.region] : [])))],
    remote: profile.preferences.remote,
    jobTypes: profile.preferences.jobTypes,
    salaryFloor: profile.preferences.salaryFloor ?? null,
  };
}

const skillIds = (skills: Posting['requiredSkills'], taxonomy: Taxonomy): string[] => {
  const names = skills.map((s) => s.name);
  const normalized = normalizeSkillList(names, taxonomy);
  const ids = new Set<string>();
  skills.forEach((s, i) => {
    const item = normalized[i];
    const id = s.skillId ?? item?.id ?? (item ? tagId(item.label) : null);
    if (id) ids.add(id);
    for (const also of item?.also ?? []) ids.add(also);
  });
  return [...ids];
};

export function postingFeatures(posting: MatchablePosting, taxonomy: Taxonomy): PostingFeatures {
  const majors = majorKeys(posting.acceptedMajors);
  const places = posting.locations.map(place);
  return {
    requiredSkills: skillIds(posting.requiredSkills, taxonomy),
    preferredSkills: skillIds(posting.preferredSkills, taxonomy),
    minDegree: posting.minDegree,
    acceptedMajors: majors.ids,
    acceptedMajorGroups: majors.groups,
    locations: places.map((p) => p.id),
    regions: [...new Set(places.flatMap((p) => (p.region ? [p.region] : [])))],
    remote: posting.remote,
    jobType: posting.jobType,
    salaryMin: posting.salaryMin ?? null,
    salaryMax: posting.salaryMax ?? null,
  };
}

/** Blanks out every mention of a suppressed skill, so a deleted tag cannot reach the embedding either. */
function redactSkills(text: string, suppressed: ReadonlySet<string>, taxonomy: Taxonomy): string {
  if (suppressed.size === 0 || text.length === 0) return text;
  let out = text;
  for (const m of extractSkills(text, taxonomy)
    .filter((m) => suppressed.has(m.id))
    .sort((a, b) => b.start - a.start)) {
    out = out.slice(0, m.start) + ' '.repeat(m.end - m.start) + out.slice(m.end);
  }
  return out;
}

/**
 * The text a profile is embedded from: what the graduate can do, never who they are or where they
 * studied. Suppressed (deleted) tags are left out of it.
 */
export function profileText(
  profile: MatchableProfile,
  suppressed: ReadonlySet<string> = new Set(),
  taxonomy?: Taxonomy,
): string {
  const keep = (name: string): boolean => {
    if (suppressed.size === 0 || !taxonomy) return true;
    const [item] = normalizeSkillList([name], taxonomy);
    return !item || !suppressed.has(item.id ?? tagId(item.label));
  };
  const redact = (text: string) => (taxonomy ? redactSkills(text, suppressed, taxonomy) : text);
  return [
    profile.skills
      .filter((s) => keep(s.name))
      .map((s) => s.name)
      .join('、'),
    profile.education.map((e) => e.major).join('、'),
    redact(profile.summary),
    ...profile.experiences.map((e) => redact(`${e.title}：${e.description}`)),
    profile.certificates
      .filter((c) => keep(c.name))
      .map((c) => c.name)
      .join('、'),
  ]
    .filter((part) => part.trim().length > 0)
    .join('\n');
}

/** The text a posting is embedded from; the title counts twice, as it names the job. */
export function postingText(posting: MatchablePosting): string {
  return [
    posting.title,
    posting.title,
    posting.requiredSkills.map((s) => s.name).join('、'),
    posting.preferredSkills.map((s) => s.name).join('、'),
    posting.acceptedMajors.join('、'),
    posting.description,
  ]
    .filter((part) => part.length > 0)
    .join('\n');
}

/**
 * The fields the lexical (BM25F) channel indexes: the title, the skills (required, then preferred), the description.
 */
export function postingLexicalText(
  posting: Pick<MatchablePosting, 'title' | 'description' | 'requiredSkills' | 'preferredSkills'>,
) {
  return {
    title: posting.title,
    skills: [...posting.requiredSkills, ...posting.preferredSkills].map((s) => s.name).join('、'),
    description: posting.description,
  };
}

/**
 * Skill similarity from the taxonomy (1 same skill, partial credit within a family); free tags match only themselves.
 */
const similarities = new WeakMap<Taxonomy, SkillSimilarity>();

/** The taxonomy's skill similarity; one function per taxonomy, so indexes can key caches by it. */
export const taxonomySimilarity = (taxonomy: Taxonomy): SkillSimilarity => {
  let similarity = similarities.get(taxonomy);
  if (!similarity) {
    similarity = (a, b) => {
      if (a === b) return 1;
      if (a.startsWith('tag:') || b.startsWith('tag:')) return 0;
      return skillSimilarity(a, b, taxonomy);
    };
    similarities.set(taxonomy, similarity);
  }
  return similarity;
};
