import { profileFeatures, profileText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import type { ProfileFeatures, SkillSimilarity } from '../../domain/matching/features.ts';
import { PostingIndex } from '../../domain/search/posting-index.ts';
import { scoreMatch, type MatchScore } from '../../domain/matching/score.ts';
import { EMPTY_QUERY, plainQuery, type LexicalQuery } from '../../domain/search/lexical-index.ts';
import type { Graduate } from '../../domain/model/graduate.ts';
import type { Posting } from '../../domain/model/posting.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import type { MatchingDeps } from '../matching/deps.ts';
import { toIndexed } from '../matching/engine.ts';
import { preferenceTier, requestFilter, type RecommendationState } from '../matching/prepare.ts';
import { listAbove, listsAbove, rankListEntries, type ReachedEntry } from '../../domain/search/list-ranking.ts';
import { skillRef } from '../matching/present.ts';

/** The list size recommendations default to (the route's `limit` default). */
export const DEFAULT_LIST_SIZE = 20;

/** The profile side of a score: features and vector, from the stored profile or a what-if variant of it. */
export interface ProfileSide {
  features: ProfileFeatures;
  vector: Float32Array;
  /** The profile text the lexical (BM25F) component reads as its query. */
  text: string;
  /**
   * That text as a query: LexicalIndex.query(text) without spelling correction reads no index state, so it is
   * analysed once per side, not once per score or bounded count (a tenth of an explanation's time at 20k).
   */
  lexical: LexicalQuery;
}

const similarityOf = (): SkillSimilarity => taxonomySimilarity(getTaxonomy());

export async function profileSide(
  deps: MatchingDeps,
  key: string,
  graduate: Graduate,
  suppressed: ReadonlySet<string>,
): Promise<ProfileSide> {
  const taxonomy = getTaxonomy();
  const text = profileText(graduate, suppressed, taxonomy);
  return {
    features: profileFeatures(graduate, taxonomy, suppressed),
    vector: await deps.engine.profileVector(key, graduate, suppressed),
    text,
    lexical: plainQuery(text),
  };
}

/** The graduate with one more declared skill, written by its display name as a graduate would add it. */
function withDeclaredSkill(graduate: Graduate, skillId: string): Graduate {
  return {
    ...graduate,
    skills: [
      ...graduate.skills,
      { name: skillRef(skillId).name, source: 'declared', skillId: skillId.startsWith('tag:') ? null : skillId },
    ],
  };
}

/**
 * The what-if profile sides, one a skill added. Their vectors come from the engine's cache of hypothetical
 * profiles, keyed by the profile text the embedder reads (the vector a fresh embedding of that text gives), so the
 * cached vector of the real profile is never replaced by a hypothetical one, and asking again embeds nothing; the
 * ones not cached are embedded together, in one await rather than one a skill.
 */
export async function whatIfSides(
  deps: MatchingDeps,
  state: RecommendationState,
  skillIds: readonly string[],
): Promise<Map<string, ProfileSide>> {
  const taxonomy = getTaxonomy();
  const graduates = skillIds.map((skillId) => withDeclaredSkill(state.graduate, skillId));
  const vectors = await deps.engine.hypotheticalVectors(graduates, state.suppressed);
  const sides = new Map<string, ProfileSide>();
  skillIds.forEach((skillId, i) => {
    const graduate = graduates[i] as Graduate;
    const text = profileText(graduate, state.suppressed, taxonomy);
    sides.set(skillId, {
      features: profileFeatures(graduate, taxonomy, state.suppressed),
      vector: vectors[i] as Float32Array,
      text,
      lexical: plainQuery(text),
    });
  });
  return sides;
}

/**
 * The rows the personalized list ranks: request filters, applied/dismissed, and degree eligibility.
 * Build it right before ranking, with no await in between: a concurrent sync may add or move rows.
 */
function listMask(state: RecommendationState, profile: ProfileFeatures): Uint8Array {
  return state.index.mask({ ...requestFilter(state.query, state.now, state.exclude), eligibleDegree: profile.degree });
}

const countOf = (mask: Uint8Array): number => mask.reduce((n, x) => n + x, 0);

/**
 * Allowed postings ranked by the list's own code path (PostingIndex.rank), best first: the top `limit`,
 * or all of them. `maskProfile` decides degree eligibility (the real profile's; a new skill leaves the
 * degree unchanged), `except` leaves one posting out.
 */
export function rankList(
  state: RecommendationState,
  deps: MatchingDeps,
  side: ProfileSide,
  options: { limit?: number; maskProfile?: ProfileFeatures; except?: string } = {},
) {
  const mask = listMask(state, options.maskProfile ?? side.features);
  const row = options.except === undefined ? undefined : state.index.vectors.rowOf(options.except);
  if (row !== undefined) mask[row] = 0;
  const k = options.limit ?? countOf(mask);
  // The list's own ordering: preference tiers, near-identical postings folded (rankListEntries).
  const preferred = preferenceTier(state.index, mask, state.graduate, state.now).mask;
  return rankListEntries(state.index, {
    profile: side.features,
    vector: side.vector,
    weights: deps.weights,
    similarity: similarityOf(),
    mask,
    preferred,
    k,
    lexical: side.lexical,
  });
}

/**
 * The rows a personalized list ranks and those of them meeting the stated preferences (the list's first tier),
 * built once per explanation and shared by its bounded counts. Build it right before ranking, with no await
 * in between, as listMask says.
 */
export interface ListScope {
  mask: Uint8Array;
  preferred: Uint8Array;
}

export function listScope(state: RecommendationState, profile: ProfileFeatures): ListScope {
  const mask = listMask(state, profile);
  return { mask, preferred: preferenceTier(state.index, mask, state.graduate, state.now).mask };
}

/** Whether a posting is in the scope's first tier (meets the stated preferences). */
export function inPreferredTier(state: RecommendationState, scope: ListScope, postingId: string): boolean {
  const row = state.index.vectors.rowOf(postingId);
  return row !== undefined && scope.preferred[row] === 1;
}

/**
 * The list's entries that can matter to a rank at `threshold` (listAbove: one bounded pass over the target's
 * tier, exact scores for only the rows that may reach it; the preferred tier counted whole, unscored, above a
 * target outside it). An entry the full list would put above a posting scoring `threshold` is in it, in the
 * same order, so a rank or a count of the postings above is the full list's without scoring every posting.
 * `include` keeps the target itself; `except` leaves one posting out.
 */
export function rankReaching(
  state: RecommendationState,
  deps: MatchingDeps,
  side: ProfileSide,
  threshold: number,
  options: { scope: ListScope; targetPreferred: boolean; except?: string; include?: string },
): ReachedEntry[] {
  let mask = options.scope.mask;
  const except = options.except === undefined ? undefined : state.index.vectors.rowOf(options.except);
  if (except !== undefined) {
    mask = mask.slice();
    mask[except] = 0;
  }
  return listAbove(state.index, {
    profile: side.features,
    vector: side.vector,
    weights: deps.weights,
    similarity: similarityOf(),
    mask,
    preferred: options.scope.preferred,
    lexical: side.lexical,
    threshold,
    targetPreferred: options.targetPreferred,
    include: options.include === undefined ? undefined : state.index.vectors.rowOf(options.include),
  });
}

/**
 * rankReaching for a profile (the target included) and for each of its what-if variants at the target's score with
 * the variant (the target left out), in one pass over the tier (listsAbove): `current` is rankReaching's entries;
 * each variant's hold rankReaching's entries above its threshold, in order, and maybe more below it, so a strict
 * count of the entries above its score (rankAmong) is rankReaching's.
 */
export function rankReachingWhatIfs(
  state: RecommendationState,
  deps: MatchingDeps,
  side: ProfileSide,
  threshold: number,
  options: {
    scope: ListScope;
    targetPreferred: boolean;
    target: string;
    variants: ReadonlyArray<{ side: ProfileSide; threshold: number }>;
  },
): { current: ReachedEntry[]; variants: ReachedEntry[][] } {
  return listsAbove(state.index, {
    profile: side.features,
    vector: side.vector,
    weights: deps.weights,
    similarity: similarityOf(),
    mask: options.scope.mask,
    preferred: options.scope.preferred,
    lexical: side.lexical,
    threshold,
    targetPreferred: options.targetPreferred,
    target: state.index.vectors.rowOf(options.target),
    variants: options.variants.map((v) => ({
      profile: v.side.features,
      vector: v.side.vector,
      lexical: v.side.lexical,
      threshold: v.threshold,
    })),
  });
}

/**
 * One posting as a scoring target: its row in the tenant index when it is there (vector as stored), else
 * a one-posting index built from the row (vector embedded now). Either way the score comes from
 * PostingIndex.rank, the function that scores the lists.
 */
export interface Target {
  postingId: string;
  /** Null: the posting is in the tenant index (open and not held back), looked up at scoring time. */
  own: PostingIndex | null;
}

export async function targetOf(deps: MatchingDeps, state: RecommendationState, posting: Posting): Promise<Target> {
  if (state.index.has(posting.id)) return { postingId: posting.id, own: null };
  const own = new PostingIndex(deps.engine.embedder.dimensions);
  const [vector] = await deps.engine.embedPostings([posting]);
  own.upsert(toIndexed(posting), vector ?? new Float32Array(deps.engine.embedder.dimensions));
  return { postingId: posting.id, own };
}

export function scoreTarget(
  deps: MatchingDeps,
  state: RecommendationState,
  target: Target,
  side: ProfileSide,
): MatchScore {
  const lexical = side.lexical;
  if (!target.own) {
    // In the tenant index: the row's own score as rank() computes it, without a pass over the index.
    const row = state.index.vectors.rowOf(target.postingId);
    if (row === undefined) throw new Error(`posting ${target.postingId} could not be scored`);
    return state.index.scoreRow(side.features, side.vector, deps.weights, similarityOf(), row, lexical);
  }
  const index = target.own;
  const row = index.vectors.rowOf(target.postingId);
  const mask = new Uint8Array(index.size);
  if (row !== undefined) mask[row] = 1;
  const [hit] = index.rank(side.features, side.vector, deps.weights, similarityOf(), mask, 1, EMPTY_QUERY);
  const posting = index.get(target.postingId);
  if (!hit || !posting) throw new Error(`posting ${target.postingId} could not be scored`);
  // Outside the tenant index, keywords are still scored with the tenant's statistics, as a list would.
  const keywords = state.index.lexical.matchDocument(
    posting.text ?? { title: '', skills: '', description: '' },
    lexical,
  );
  return scoreMatch(side.features, posting.features, hit.cosine, deps.weights, similarityOf(), keywords);
}

/** Scores of the given postings of the tenant index with this profile side (the list's code path). */
export function scoreRows(
  state: RecommendationState,
  deps: MatchingDeps,
  side: ProfileSide,
  postingIds: readonly string[],
): Map<string, number> {
  const mask = new Uint8Array(state.index.size);
  for (const id of postingIds) {
    const row = state.index.vectors.rowOf(id);
    if (row !== undefined) mask[row] = 1;
  }
  const ranked = state.index.rank(
    side.features,
    side.vector,
    deps.weights,
    similarityOf(),
    mask,
    countOf(mask),
    side.lexical,
  );
  return new Map(ranked.map((r) => [r.id, r.match.score]));
}

/** Looks up the one precomputed what-if skill a domain rescore callback asks for. */
export function precomputed<T>(table: ReadonlyMap<string, T>, extra: readonly string[]): T {
  const [skillId] = extra;
  const value = extra.length === 1 && skillId !== undefined ? table.get(skillId) : undefined;
  if (value === undefined) throw new Error(`no precomputed what-if for [${extra.join(', ')}]`);
  return value;
}
