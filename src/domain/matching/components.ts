import { degreeRank } from '../model/common.ts';
import type { PostingFeatures, ProfileFeatures, SkillSimilarity } from './features.ts';

/** Credit for one wanted skill: 1 if held, else the best partial credit from a near skill held. */
export interface SkillCredit {
  skillId: string;
  credit: number;
  /** The profile skill that earned the credit (itself when held). */
  via: string | null;
}

export function skillCredit(wanted: string, profile: ProfileFeatures, similarity: SkillSimilarity): SkillCredit {
  if (profile.skills.has(wanted)) return { skillId: wanted, credit: 1, via: wanted };
  let best: SkillCredit = { skillId: wanted, credit: 0, via: null };
  for (const held of profile.skills.keys()) {
    const s = similarity(wanted, held);
    if (s > best.credit || (s === best.credit && s > 0 && best.via !== null && held < best.via))
      best = { skillId: wanted, credit: s, via: held };
  }
  return best;
}

/** Mean credit over the wanted skills; a posting that lists none gets the neutral 0.5. */
export function coverage(credits: readonly SkillCredit[]): number {
  if (credits.length === 0) return 0.5;
  return credits.reduce((sum, c) => sum + c.credit, 0) / credits.length;
}

/** 1 if any major is accepted (or the posting accepts any), 0.5 for the same discipline, else 0. */
export function majorFit(profile: ProfileFeatures, posting: PostingFeatures): number {
  if (posting.acceptedMajors.length === 0) return 1;
  if (profile.majors.some((m) => posting.acceptedMajors.includes(m))) return 1;
  if (profile.majorGroups.some((g) => posting.acceptedMajorGroups.includes(g))) return 0.5;
  return 0;
}

/** 1 when the degree meets the minimum, 0 when below or unknown. */
export function degreeFit(profile: ProfileFeatures, posting: PostingFeatures): number {
  if (profile.degree === null) return 0;
  return degreeRank(profile.degree) >= degreeRank(posting.minDegree) ? 1 : 0;
}

/**
 * 1 for a preferred city (or no preference, or remote work the graduate accepts), 0.5 for another city
 * in a preferred region, 0 otherwise; a graduate who wants only remote work gets 0 for on-site jobs.
 */
export function locationFit(profile: ProfileFeatures, posting: PostingFeatures): number {
  if (profile.remote === 'only') return posting.remote ? 1 : 0;
  if (posting.remote && profile.remote !== 'no') return 1;
  if (profile.locations.length === 0) return 1;
  if (posting.locations.some((l) => profile.locations.includes(l))) return 1;
  if (posting.regions.some((r) => profile.regions.includes(r))) return 0.5;
  return 0;
}

/**
 * 1 when the top of the range reaches the floor (or no floor), 0.5 when the posting gives no salary, else max/floor.
 */
export function salaryFit(profile: ProfileFeatures, posting: PostingFeatures): number {
  if (profile.salaryFloor === null || profile.salaryFloor <= 0) return 1;
  const top = posting.salaryMax ?? posting.salaryMin;
  if (top === null) return 0.5;
  return Math.min(1, top / profile.salaryFloor);
}

export function jobTypeFit(profile: ProfileFeatures, posting: PostingFeatures): number {
  return profile.jobTypes.length === 0 || profile.jobTypes.includes(posting.jobType) ? 1 : 0;
}

/** Cosine similarity of unit vectors, clamped to [0, 1] (a negative cosine is no evidence of fit). */
export const semanticValue = (cosine: number): number => Math.min(1, Math.max(0, cosine));

/** The BM25F value (search/lexical-index.ts), clamped to [0, 1] like every component. */
export const lexicalValue = (value: number): number => Math.min(1, Math.max(0, value));
