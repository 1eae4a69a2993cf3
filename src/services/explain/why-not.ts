import { whyNot, type FilterResult, type FilterValue, type Label, type WhyNot } from '../../domain/explain/index.ts';
import { findCity, normalizePlace } from '../../domain/geo/cities.ts';
import { PostingIndex, type PostingFilter } from '../../domain/search/posting-index.ts';
import { notFound } from '../../domain/errors.ts';
import type { Posting } from '../../domain/model/posting.ts';
import { appliedOrDismissedActions } from '../../storage/interactions.repo.ts';
import { getPostingOr404 } from '../../storage/postings.repo.ts';
import type { PostingRow } from '../../storage/schema.ts';
import type { ServiceContext } from '../context.ts';
import { aiNotice, type MatchingDeps } from '../matching/deps.ts';
import { toIndexed } from '../matching/engine.ts';
import {
  prepareRecommendations,
  requestFilter,
  type NotPersonalizedReason,
  type RecommendationQuery,
  type RecommendationState,
} from '../matching/prepare.ts';
import { postingOf } from './contexts.ts';
import { inPreferredTier, listScope, profileSide, rankList, rankReaching, scoreTarget } from './scoring.ts';

/** Reasons for filters the explain core has no text for (it names them generically otherwise). */
const EXTRA_TEXT: Record<string, (d: Readonly<Record<string, FilterValue>>) => Label> = {
  salary: (d) => ({
    zh: `职位最高薪资（${d.postingTop ?? '未标明'}）低于本次请求的最低薪资（${d.salaryAtLeast}）。`,
    en:
      `The job's top salary (${d.postingTop ?? 'not stated'}) is below the minimum salary asked ` +
      `for (${d.salaryAtLeast}).`,
  }),
  personalization: (d) => ({
    zh: `你关闭了个性化推荐，列表只按发布时间显示最新的 ${d.limit} 个职位，该职位不在其中。`,
    en:
      `Personalization is off, so the list shows the ${d.limit} most recent postings under your ` +
      `filters; this one is not among them.`,
  }),
};

type WhyNotResult = WhyNot | { kind: 'listed'; rank: number; reason: Label };

export interface WhyNotAnswer {
  graduateId: string;
  postingId: string;
  personalized: boolean;
  reason: NotPersonalizedReason | null;
  limit: number;
  /** True when the posting is in the list this request would return. */
  recommended: boolean;
  result: WhyNotResult;
  ai: ReturnType<typeof aiNotice>;
}

/** Evaluates one hard filter on one posting with PostingIndex.mask itself, so the semantics cannot drift. */
function passes(single: PostingIndex, filter: Omit<PostingFilter, 'now'>): boolean {
  return single.mask({ now: -Infinity, ...filter })[0] === 1;
}

/** Every hard filter recommendJobs applies, in its order, with the values it compared. */
async function filterResults(
  ctx: ServiceContext,
  state: RecommendationState,
  posting: Posting,
  row: PostingRow,
  degree: Posting['minDegree'] | null,
): Promise<FilterResult[]> {
  const single = new PostingIndex(1);
  const indexed = toIndexed(posting);
  single.upsert(indexed, [0]);
  const q = state.query;
  const held = row.review_status === 'held' || row.review_status === 'rejected';
  const expired = indexed.closesAt !== null && indexed.closesAt <= state.now.getTime();
  const results: FilterResult[] = [
    {
      filter: 'open',
      passed: held || (row.status === 'open' && !expired),
      detail: { status: row.status, closesAt: posting.closesAt ?? null, expired },
    },
    { filter: 'compliance', passed: !held, detail: { reviewStatus: row.review_status } },
  ];
  if (state.exclude.has(posting.id)) {
    const action = await appliedOrDismissedActions(
      ctx.database.db,
      ctx.principal.tenantId,
      state.graduate.id,
      posting.id,
    );
    results.push({ filter: 'excluded', passed: false, detail: { action } });
  } else results.push({ filter: 'excluded', passed: true });
  if (q.remote) results.push({ filter: 'remote', passed: passes(single, { remoteOnly: true }) });
  if (q.location !== undefined) {
    const city = findCity(q.location)?.id ?? normalizePlace(q.location);
    results.push({
      filter: 'location',
      passed: passes(single, { cities: [city] }),
      detail: { posting: posting.locations, preferred: [q.location] },
    });
  }
  if (q.jobType)
    results.push({
      filter: 'jobType',
      passed: passes(single, { jobTypes: [q.jobType] }),
      detail: { posting: posting.jobType, wanted: [q.jobType] },
    });
  if (q.salaryMin !== undefined) {
    results.push({
      filter: 'salary',
      passed: passes(single, { salaryAtLeast: q.salaryMin }),
      detail: { salaryAtLeast: q.salaryMin, postingTop: posting.salaryMax ?? posting.salaryMin ?? null },
    });
  }
  // The non-personalized list does not filter by degree (it reads no profile).
  if (state.reason === null)
    results.push({
      filter: 'degree',
      passed: passes(single, { eligibleDegree: degree }),
      detail: { required: posting.minDegree, held: degree },
    });
  return results;
}

function withTexts(result: WhyNot): WhyNot {
  if (result.kind !== 'filtered') return result;
  return {
    ...result,
    filters: result.filters.map((f) => {
      const text = EXTRA_TEXT[f.filter];
      return text ? { ...f, reason: text(f.detail) } : f;
    }),
  };
}

/**
 * Why a posting is not in the graduate's list (the list this query would return): the hard filters it
 * fails, or its rank and score against the last recommended item, component by component. Uses the
 * same filters, profile, vector and ranking as recommendJobs; nothing is recorded as an impression.
 */
export async function explainWhyNot({
  ctx,
  deps,
  graduateId,
  postingId,
  query,
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  graduateId: string;
  postingId: string;
  query: RecommendationQuery;
}): Promise<WhyNotAnswer> {
  const state = await prepareRecommendations(ctx, deps, graduateId, query);
  const row = await getPostingOr404(ctx.database.db, ctx.principal.tenantId, postingId);
  // A plain draft was never published: a graduate learns nothing about it.
  if (
    ctx.principal.role === 'graduate' &&
    row.status === 'draft' &&
    row.review_status !== 'held' &&
    row.review_status !== 'rejected'
  )
    throw notFound('Job posting');
  const posting = postingOf(row);
  const personalized = state.reason === null;
  const base = {
    graduateId,
    postingId,
    personalized,
    reason: state.reason,
    limit: query.limit,
    ai: aiNotice(deps, personalized, state.reason),
  };
  const side = personalized ? await profileSide(deps, graduateId, state.graduate, state.suppressed) : null;
  const filters = await filterResults(ctx, state, posting, row, side?.features.degree ?? null);
  const failed = filters.some((f) => !f.passed);

  if (!side) {
    const mode: FilterResult =
      state.reason === 'ai_ranking_suspended'
        ? { filter: 'suspended', passed: false }
        : { filter: 'personalization', passed: false, detail: { limit: query.limit } };
    if (failed)
      return { ...base, recommended: false, result: withTexts(whyNot({ filterResults: [mode, ...filters] })) };
    // The same recency list recommendJobs serves when it reads no profile.
    const recent = state.index.recent(
      state.index.mask(requestFilter(state.query, state.now, state.exclude)),
      query.limit,
    );
    const at = recent.findIndex((p) => p.id === postingId);
    if (at >= 0) {
      const rank = at + 1;
      return {
        ...base,
        recommended: true,
        result: {
          kind: 'listed',
          rank,
          reason: {
            zh: `该职位在按发布时间排序的列表中排第 ${rank} 位。`,
            en: `It is number ${rank} in your list, which is ordered by recency.`,
          },
        },
      };
    }
    return { ...base, recommended: false, result: withTexts(whyNot({ filterResults: [mode, ...filters] })) };
  }
  if (failed || !state.index.has(postingId)) {
    const extra: FilterResult[] = failed ? [] : [{ filter: 'indexed', passed: false }];
    return { ...base, recommended: false, result: withTexts(whyNot({ filterResults: [...filters, ...extra] })) };
  }
  // The rank by a bounded count: only postings that can score at or above this one are ranked (rankReaching);
  // the list's last item comes from the list itself.
  const targetMatch = scoreTarget(deps, state, { postingId, own: null }, side);
  const targetScore = targetMatch.score;
  const scope = listScope(state, side.features);
  const ranked = rankReaching(state, deps, side, targetScore, {
    scope,
    targetPreferred: inPreferredTier(state, scope, postingId),
    include: postingId,
  });
  const at = ranked.findIndex((r) => r.id === postingId);
  const self = ranked[at];
  const listed = rankList(state, deps, side, { limit: query.limit });
  const last = listed[listed.length - 1];
  if (!self || !last)
    return {
      ...base,
      recommended: false,
      result: withTexts(whyNot({ filterResults: [...filters, { filter: 'indexed', passed: false }] })),
    };
  const rank = at + 1;
  return {
    ...base,
    recommended: rank <= query.limit,
    result: whyNot({ filterResults: filters, rank, match: self.match ?? targetMatch, lastRecommended: last.match }),
  };
}
