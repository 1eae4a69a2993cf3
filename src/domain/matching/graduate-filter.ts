import { invalid } from '../errors.ts';
import { findCity, normalizePlace } from '../geo/cities.ts';
import { findMajor, normalizeMajor } from '../majors/majors.ts';
import type { Degree } from '../model/common.ts';
import { LexicalIndex } from '../search/lexical-index.ts';
import { normalizeSkillList, type Taxonomy } from '../skills/index.ts';
import { profileFeatures, profileText, type MatchableProfile } from './extract.ts';

/** The filters GET /v1/jobs/{id}/candidates and GET /v1/graduates share. */
export interface GraduateFilters {
  q?: string | undefined;
  major?: string | undefined;
  degree?: Degree | undefined;
  graduationYearFrom?: number | undefined;
  graduationYearTo?: number | undefined;
  location?: string | undefined;
  skill?: string | undefined;
}

/** An empty year range can match nobody: the caller mixed the bounds up, so say which field. */
export function assertGraduateFilters(f: GraduateFilters): void {
  if (
    f.graduationYearFrom !== undefined &&
    f.graduationYearTo !== undefined &&
    f.graduationYearFrom > f.graduationYearTo
  ) {
    throw invalid(
      'query.graduationYearFrom',
      `is after graduationYearTo (${f.graduationYearFrom} > ${f.graduationYearTo}).`,
    );
  }
}

/** The filters resolved to the ids the matcher compares (aliases, zh/en names normalized). */
export interface ResolvedGraduateFilters {
  major?: string | undefined;
  degree?: Degree | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  city?: string | undefined;
  skillId?: string | undefined;
}

export function resolveGraduateFilters(f: GraduateFilters, taxonomy: Taxonomy): ResolvedGraduateFilters {
  const skill = f.skill === undefined ? undefined : normalizeSkillList([f.skill], taxonomy)[0];
  return {
    major: f.major === undefined ? undefined : (findMajor(f.major)?.id ?? normalizeMajor(f.major)),
    degree: f.degree,
    yearFrom: f.graduationYearFrom,
    yearTo: f.graduationYearTo,
    city: f.location === undefined ? undefined : (findCity(f.location)?.id ?? normalizePlace(f.location)),
    skillId: skill ? (skill.id ?? `tag:${skill.label}`) : undefined,
  };
}

/** What the filters read of a graduate besides its features: graduation years and preferred cities. */
export function graduateFilterKeys(graduate: MatchableProfile): { years: number[]; cities: string[] } {
  return {
    years: graduate.education.map((e) => Number(e.graduationDate.slice(0, 4))),
    cities: graduate.preferences.locations.map((l) => findCity(l)?.id ?? normalizePlace(l)),
  };
}

/** The text q is searched in: the majors (title) and the profile text without deleted tags (description). */
export function graduateSearchDocument(
  graduate: MatchableProfile,
  suppressed: ReadonlySet<string>,
  taxonomy: Taxonomy,
): { title: string; skills: string; description: string } {
  return {
    title: graduate.education.map((e) => e.major).join('、'),
    skills: '',
    // profileText leaves deleted tags out, so q never finds a graduate by a tag they removed.
    description: profileText(graduate, suppressed, taxonomy),
  };
}

/**
 * Graduates passing the filters, in the order given. Majors, cities and skills are compared after the same
 * normalization the matcher uses (aliases, zh/en names); q keeps those whose profile text shares a keyword with
 * it (BM25F over the graduates given, one-edit English corrections against their words, deleted tags left out).
 */
export function filterGraduates<G extends { graduate: MatchableProfile; suppressed: ReadonlySet<string> }>(
  list: readonly G[],
  f: GraduateFilters,
  taxonomy: Taxonomy,
): G[] {
  const { major, city, skillId } = resolveGraduateFilters(f, taxonomy);
  let out = list.filter(({ graduate, suppressed }) => {
    const features = profileFeatures(graduate, taxonomy, suppressed);
    const { years, cities } = graduateFilterKeys(graduate);
    return (
      (major === undefined || features.majors.includes(major)) &&
      (f.degree === undefined || features.degree === f.degree) &&
      // One graduation inside the range: a 2024 bachelor's and a 2026 master's is not a 2025 graduate.
      years.some((y) => y >= (f.graduationYearFrom ?? -Infinity) && y <= (f.graduationYearTo ?? Infinity)) &&
      (city === undefined || cities.includes(city)) &&
      (skillId === undefined || features.skills.has(skillId))
    );
  });
  if (f.q !== undefined) {
    const index = new LexicalIndex();
    out.forEach(({ graduate, suppressed }, i) =>
      index.upsert(String(i), graduateSearchDocument(graduate, suppressed, taxonomy)),
    );
    const keep = new Set<number>();
    index.scoreEach(index.query(f.q, { correct: true }), (id, value) => {
      if (value > 0) keep.add(Number(id));
    });
    out = out.filter((_, i) => keep.has(i));
  }
  return out;
}
