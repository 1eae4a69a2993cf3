import type { GraduateContext, PostingContext } from '../../domain/explain/index.ts';
import type { ProfileFeatures } from '../../domain/matching/features.ts';
import type { Graduate } from '../../domain/model/graduate.ts';
import type { Posting } from '../../domain/model/posting.ts';
import { toPosting } from '../../storage/mappers.ts';
import type { PostingRow } from '../../storage/schema.ts';
import { skillRef } from '../matching/present.ts';

export const postingContext = (p: Posting): PostingContext => ({
  title: p.title,
  locations: p.locations,
  remote: p.remote,
  acceptedMajors: p.acceptedMajors,
  minDegree: p.minDegree,
  jobType: p.jobType,
  salaryMin: p.salaryMin ?? null,
  salaryMax: p.salaryMax ?? null,
});

export const graduateContext = (g: Graduate, features: ProfileFeatures): GraduateContext => ({
  locations: g.preferences.locations,
  remote: g.preferences.remote,
  jobTypes: g.preferences.jobTypes,
  salaryFloor: g.preferences.salaryFloor ?? null,
  degree: features.degree,
  majors: g.education.map((e) => e.major),
});

export const postingOf = (row: PostingRow): Posting => toPosting(row);

/** A skill id with its names in both languages, for advice lists. */
export const namedSkill = (skillId: string) => {
  const ref = skillRef(skillId);
  return { skillId, name: { zh: ref.nameZh, en: ref.name }, untranslated: ref.untranslated };
};
