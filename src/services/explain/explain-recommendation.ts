import {
  buildExplanation,
  whatIf,
  type Explanation,
  type Label,
  type WhatIfAdvice,
} from '../../domain/explain/index.ts';
import type { Lang } from '../../domain/model/common.ts';
import { notFound } from '../../domain/errors.ts';
import { wasServed } from '../../storage/impressions.repo.ts';
import { profileFeatures } from '../../domain/matching/extract.ts';
import type { MatchScore } from '../../domain/matching/score.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { getPostingOr404 } from '../../storage/postings.repo.ts';
import type { ServiceContext } from '../context.ts';
import { aiNotice, type MatchingDeps } from '../matching/deps.ts';
import { prepareRecommendations, type NotPersonalizedReason } from '../matching/prepare.ts';
import { graduateContext, namedSkill, postingContext, postingOf } from './contexts.ts';
import {
  inPreferredTier,
  listScope,
  precomputed,
  profileSide,
  rankReachingWhatIfs,
  scoreTarget,
  targetOf,
  whatIfSides,
} from './scoring.ts';
import {
  givenImpression,
  latestImpression,
  logExplanationRead,
  servedImpression,
  servedMatchOf,
  type ServedImpression,
} from './served.ts';

/** Missing skills tried in the what-if (required first): each costs one embedding and one bounded re-rank. */
const MAX_WHAT_IF = 8;

export interface RecommendationExplanation {
  graduateId: string;
  postingId: string;
  personalized: boolean;
  reason: NotPersonalizedReason | null;
  /** Rank in the graduate's current list of `limit` items (null when not in it), or as served in the impression. */
  listedRank: number | null;
  /**
   * The served match when an impression is given (null if that list was not personalized), else the score now;
   * null when the list is not personalized: no profile-based score exists to explain.
   */
  explanation: Explanation | null;
  impression: ServedImpression | null;
  whatIf: Array<WhatIfAdvice & { name: Label; untranslated: Lang[] }>;
  ai: ReturnType<typeof aiNotice>;
}

export interface ExplainRecommendationInput {
  graduateId: string;
  postingId: string;
  lang: Lang;
  limit: number;
  impressionId?: string | undefined;
}

/**
 * Why a posting scores what it does for a graduate: the score recomputed by the list's own code path
 * (PostingIndex.rank on the tenant index, same profile features, vector and weights), explained, with
 * the impression it was served in and what-if advice computed by re-running the ranking with each
 * missing skill added to the profile. The rank comes from the postings that can reach the target's score
 * (a bounded count over the index), never from ranking the whole list. The graduate themself or the career
 * office only.
 */
export async function explainRecommendation({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  input: ExplainRecommendationInput;
}): Promise<RecommendationExplanation> {
  const { graduateId, postingId } = input;
  const preparing = prepareRecommendations(ctx, deps, graduateId, { limit: input.limit });
  // The posting is read beside the preparation (one round trip to wait, not two); the preparation's refusal or 404
  // still comes first, and the read's own failure is not left unhandled meanwhile.
  const reading = getPostingOr404(ctx.database.db, ctx.principal.tenantId, postingId);
  reading.catch(() => {});
  const state = await preparing;
  const row = await reading;
  if (ctx.principal.role === 'graduate' && row.status !== 'open') {
    // A graduate sees open postings, and postings once served to them (so a closed one can still be explained).
    if (!(await wasServed(ctx.database.db, ctx.principal.tenantId, graduateId, postingId)))
      throw notFound('Job posting');
  }
  const lookup = { graduateId, postingId, listKind: 'recommendations' as const };
  // A given impression is looked up (404 when not this pair's) and its match read (409 when not stored) first.
  const given =
    input.impressionId === undefined
      ? null
      : await givenImpression(ctx, deps, { ...lookup, impressionId: input.impressionId });
  const servedMatch = given && servedMatchOf(given);
  // The read is logged while the explanation is computed (a round trip less to wait for); every answer below waits
  // for it, so a failed write still fails the request. The catch only keeps it from counting as unhandled meanwhile.
  const logged = logExplanationRead(ctx, graduateId, postingId);
  logged.catch(() => {});
  const personalized = state.reason === null;
  const base = {
    graduateId,
    postingId,
    personalized,
    reason: state.reason,
    ai: aiNotice(deps, personalized, state.reason),
  };
  const posting = postingOf(row);
  const side = personalized ? await profileSide(deps, graduateId, state.graduate, state.suppressed) : null;
  // The served match, explained as served: its model version and embedder, its numbers and evidence.
  const explainServed = (match: MatchScore, modelVersion: string, embedderId: string): Explanation =>
    buildExplanation({
      match,
      posting: postingContext(posting),
      graduate: graduateContext(
        state.graduate,
        side?.features ?? profileFeatures(state.graduate, getTaxonomy(), state.suppressed),
      ),
      modelVersion,
      embedderId,
      personalized: true,
      lang: input.lang,
    });
  if (!side) {
    await logged;
    if (!given) return { ...base, listedRank: null, explanation: null, impression: null, whatIf: [] };
    return {
      ...base,
      listedRank: given.rank,
      explanation: servedMatch && explainServed(servedMatch, given.modelVersion, given.embedderId),
      impression: servedImpression(deps, given, null),
      whatIf: [],
    };
  }

  const target = await targetOf(deps, state, posting);
  const first = scoreTarget(deps, state, target, side);
  const missing = [...new Set([...first.missingSkills.required, ...first.missingSkills.preferred])].slice(
    0,
    MAX_WHAT_IF,
  );
  const sides = await whatIfSides(deps, state, missing);

  // From here on no await until the impression lookup: masks and rows stay valid while ranking.
  const match = scoreTarget(deps, state, target, side);
  const newScores = new Map([...sides].map(([id, s]) => [id, scoreTarget(deps, state, target, s).score]));
  // Lists put postings that meet the stated preferences first, so the target's rank is taken within its
  // tier: a preferred posting above it counts as always higher (+∞) when the target is not preferred,
  // and the rest as always lower (−∞) when it is.
  // The list's rows and tiers once (a new skill leaves the degree, so eligibility, and the preferences as they are).
  const scope = listScope(state, side.features);
  const targetPreferred = inPreferredTier(state, scope, postingId);
  const tiered = (r: { preferred: boolean; match: { score: number } | null }): number =>
    r.preferred === targetPreferred ? (r.match?.score ?? Infinity) : r.preferred ? Infinity : -Infinity;
  // The list's entries that can reach the lowest score asked about (one bounded pass, not the whole list):
  // they are the full list's, in its order, so the target's rank and the scores above any what-if score
  // among the list's first `limit` are the full list's. An entry left out scores below every one of them.
  // Each re-run ranks only the postings that can reach the new score (a bounded count), not the whole list, all of
  // them in the same pass: a variant's bias is bounded from the profile's, exact on the rows the skill can change.
  const floor = Math.min(match.score, ...newScores.values());
  const whatIfs = [...sides].map(([id, s]) => ({ id, side: s, threshold: newScores.get(id) ?? match.score }));
  const reached = rankReachingWhatIfs(state, deps, side, floor, {
    scope,
    targetPreferred,
    target: postingId,
    variants: whatIfs,
  });
  const current = reached.current.slice(0, input.limit);
  const listedIndex = current.findIndex((r) => r.id === postingId);
  const reruns = new Map(whatIfs.map(({ id }, i) => [id, (reached.variants[i] ?? []).map(tiered)]));
  const advice = whatIf({
    missingSkills: [...sides.keys()],
    currentScore: match.score,
    otherScores: current.filter((r) => r.id !== postingId).map(tiered),
    rescore: (extra) => (extra.length === 0 ? match.score : precomputed(newScores, extra)),
    rescoreOthers: (extra) => precomputed(reruns, extra),
  });

  const [latest] = await Promise.all([given ? null : latestImpression(ctx, deps, lookup), logged]);
  const served = given ?? latest;
  return {
    ...base,
    // From an impression: its rank and match as served (a non-personalized one has no match to explain).
    listedRank: given ? given.rank : listedIndex < 0 ? null : listedIndex + 1,
    explanation: given
      ? servedMatch && explainServed(servedMatch, given.modelVersion, given.embedderId)
      : explainServed(match, deps.weights.version, deps.engine.embedder.id),
    impression: served && servedImpression(deps, served, match),
    whatIf: advice.map((a) => ({ ...a, ...namedSkill(a.skillId) })),
  };
}
