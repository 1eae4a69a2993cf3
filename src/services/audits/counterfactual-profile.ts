import { VARIANT_KINDS, type VariantKind } from '../../domain/counterfactual/types.ts';
import { swapProtectedCues } from '../../domain/counterfactual/swap.ts';
import type { MatchableProfile } from '../../domain/matching/extract.ts';

/**
 * A profile's counterfactual copies: for each cue family, the 'flip' swap applied to the free text the
 * scorer reads that a person writes about themself (the summary and each experience description).
 * Structured fields (skills, majors, preferences) are left alone: they carry no protected cue.
 * `changed` is false when the family found nothing to swap (the copy equals the original).
 */
export function counterfactualProfiles<T extends MatchableProfile>(
  profile: T,
): { kind: VariantKind; changed: boolean; profile: T }[] {
  return VARIANT_KINDS.map((kind) => {
    const swap = (text: string) => swapProtectedCues(text, { kind }).text;
    const summary = swap(profile.summary);
    const experiences = profile.experiences.map((e) => ({ ...e, description: swap(e.description) }));
    const changed =
      summary !== profile.summary || experiences.some((e, i) => e.description !== profile.experiences[i]?.description);
    return { kind, changed, profile: changed ? { ...profile, summary, experiences } : profile };
  });
}

/**
 * 1-based rank of a score among others' scores, best first; ties go to the smaller id, as the candidate
 * list orders them.
 */
export function rankAmong(score: number, id: string, others: readonly { id: string; score: number }[]): number {
  let rank = 1;
  for (const o of others) if (o.id !== id && (o.score > score || (o.score === score && o.id < id))) rank++;
  return rank;
}
