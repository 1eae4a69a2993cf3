import { topSkillsAcross, type Label, type SkillAcross } from '../../domain/explain/index.ts';
import type { Lang } from '../../domain/model/common.ts';
import type { ServiceContext } from '../context.ts';
import { aiNotice, type MatchingDeps } from '../matching/deps.ts';
import { namedSkill } from './contexts.ts';
import { prepareRecommendations, type NotPersonalizedReason } from '../matching/prepare.ts';
import { precomputed, profileSide, rankList, scoreRows, whatIfSides } from './scoring.ts';
import { logExplanationRead } from './served.ts';

/** Candidate skills tried (the most often missing first): each costs one embedding. */
const MAX_ADVICE_CANDIDATES = 24;

export interface SkillAdvice {
  graduateId: string;
  personalized: boolean;
  reason: NotPersonalizedReason | null;
  /** How many of the graduate's current recommendations were considered. */
  considered: number;
  skills: Array<SkillAcross & { name: Label; untranslated: Lang[]; postings: number }>;
  ai: ReturnType<typeof aiNotice>;
}

/** Missing skills by how many recommendations lack them, required before preferred, then id. */
function candidates(lists: ReadonlyArray<{ required: readonly string[]; preferred: readonly string[] }>): string[] {
  const score = new Map<string, number>();
  for (const l of lists) {
    for (const id of l.required) score.set(id, (score.get(id) ?? 0) + 2);
    for (const id of l.preferred) score.set(id, (score.get(id) ?? 0) + 1);
  }
  return [...score]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_ADVICE_CANDIDATES)
    .map(([id]) => id);
}

/**
 * The n skills whose addition raises the graduate's current top recommendations most: each candidate
 * is added to the profile as a declared skill, the profile re-embedded, and every recommendation
 * re-scored by the list's code path (topSkillsAcross sums the gains).
 */
export async function skillAdvice({
  ctx,
  deps,
  graduateId,
  limit,
  n = 3,
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  graduateId: string;
  limit: number;
  n?: number;
}): Promise<SkillAdvice> {
  const state = await prepareRecommendations(ctx, deps, graduateId, { limit });
  await logExplanationRead(ctx, graduateId, null);
  const personalized = state.reason === null;
  const base = { graduateId, personalized, reason: state.reason, ai: aiNotice(deps, personalized, state.reason) };
  if (!personalized) return { ...base, considered: 0, skills: [] };

  const side = await profileSide(deps, graduateId, state.graduate, state.suppressed);
  const before = rankList(state, deps, side, { limit });
  const tried = candidates(before.map((r) => r.match.missingSkills));
  const sides = await whatIfSides(deps, state, tried);

  // No await below: the list and the re-scores read the same index rows.
  const list = rankList(state, deps, side, { limit });
  const ids = list.map((r) => r.id);
  const rescored = new Map([...sides].map(([skillId, s]) => [skillId, scoreRows(state, deps, s, ids)]));
  const allowed = new Set(tried);
  const best = topSkillsAcross(
    list.map((r) => ({
      id: r.id,
      missing: [...r.match.missingSkills.required, ...r.match.missingSkills.preferred].filter((id) => allowed.has(id)),
      currentScore: r.match.score,
      rescore: (extra: readonly string[]) => {
        if (extra.length === 0) return r.match.score;
        const score = precomputed(rescored, extra).get(r.id);
        if (score === undefined) throw new Error(`posting ${r.id} was not re-scored`);
        return score;
      },
    })),
    n,
  );
  return {
    ...base,
    considered: list.length,
    skills: best.map((s) => ({ ...s, ...namedSkill(s.skillId), postings: s.perPosting.length })),
  };
}
