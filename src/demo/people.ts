import type { Demographics } from '../domain/model/demographics.ts';
import { findCity, type Region } from '../domain/geo/cities.ts';
import { EN_GIVEN, EN_SURNAMES, GIVEN_CHARS, SURNAMES } from './data/names.ts';
import type { University } from './data/universities.ts';
import type { Rng } from './random.ts';

export interface PersonName {
  readonly display: string;
  /** ASCII local part for a fictional e-mail address. */
  readonly handle: string;
}

/** A fictional name: Chinese for zh profiles; pinyin, "English given + Chinese surname" or foreign for en. */
export const personName = (rng: Rng, lang: 'zh' | 'en'): PersonName => {
  // Earlier surnames are more common: weight 1/(rank+5) flattens Zipf a little.
  const surname = rng.weighted(
    SURNAMES,
    SURNAMES.map((_, i) => 1 / (i + 5)),
  );
  const given = Array.from({ length: rng.chance(0.7) ? 2 : 1 }, () => rng.pick(GIVEN_CHARS));
  const pinyinGiven = given.map((g) => g[1]).join('');
  const handle = `${pinyinGiven}.${surname[1].toLowerCase()}`;
  if (lang === 'zh') return { display: surname[0] + given.map((g) => g[0]).join(''), handle };
  const r = rng.next();
  if (r < 0.65)
    return { display: `${pinyinGiven.charAt(0).toUpperCase()}${pinyinGiven.slice(1)} ${surname[1]}`, handle };
  if (r < 0.9) {
    const en = rng.pick(EN_GIVEN);
    return { display: `${en} ${surname[1]}`, handle: `${en.toLowerCase()}.${surname[1].toLowerCase()}` };
  }
  const [en, last] = [rng.pick(EN_GIVEN), rng.pick(EN_SURNAMES)];
  return { display: `${en} ${last}`, handle: `${en.toLowerCase()}.${last.toLowerCase()}` };
};

/**
 * Consented demographics with realistic marginals for Chinese graduates: about half female; about 9 %
 * ethnic minority (more often from the west); about 40 % rural hukou; about 3 % with a disability;
 * region of origin mostly the school's region. Drawn after the profile and independent of its skills,
 * so any group difference an audit finds comes from the matcher, not from the data.
 */
export const drawDemographics = (
  rng: Rng,
  school: University,
  graduationYear: number,
  ageAtGraduation: number,
): Demographics => {
  const schoolRegion: Region = findCity(school.city)?.region ?? 'east';
  const origin = rng.chance(0.6)
    ? schoolRegion
    : rng.weighted(['east', 'central', 'west', 'northeast'] as const, [0.36, 0.28, 0.28, 0.08]);
  const regionOfOrigin = rng.chance(0.02) ? 'undisclosed' : origin;
  return {
    gender: rng.weighted(['female', 'male', 'nonbinary', 'undisclosed'] as const, [0.5, 0.475, 0.005, 0.02]),
    ethnicity: rng.chance(0.02) ? 'undisclosed' : rng.chance(origin === 'west' ? 0.2 : 0.06) ? 'minority' : 'han',
    hukouType: rng.weighted(['urban', 'rural', 'undisclosed'] as const, [0.57, 0.4, 0.03]),
    regionOfOrigin,
    disability: rng.weighted(['yes', 'no', 'undisclosed'] as const, [0.03, 0.94, 0.03]),
    birthYear: graduationYear - ageAtGraduation + rng.int(-1, 1),
    schoolTier: rng.chance(0.05) ? 'undisclosed' : school.tier,
  };
};
