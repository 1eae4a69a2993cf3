import { findCity, normalizePlace } from '../../domain/geo/cities.ts';
import { profileFeatures, taxonomySimilarity } from '../../domain/matching/extract.ts';
import type { PostingFilter } from '../../domain/search/posting-index.ts';
import { notFound } from '../../domain/errors.ts';
import type { JobType } from '../../domain/model/common.ts';
import type { Graduate } from '../../domain/model/graduate.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { toGraduate, toPosting } from '../../storage/mappers.ts';
import { assertCanSeeGraduate } from '../access.ts';
import { isAiRankingSuspended } from '../ai-ranking.ts';
import { newId, type ServiceContext } from '../context.ts';
import { aiNotice, type MatchingDeps } from './deps.ts';
import type { ImpressionRow } from './impression-log.ts';
import { matchView, type MatchView } from './present.ts';
import { PGVECTOR_INDEXED_DIMENSIONS, pgvectorShortlist } from './pgvector.ts';
import { scoreMatch } from '../../domain/matching/score.ts';
import { suppressedTagsOf } from './tags.ts';

export interface RecommendationQuery {
  limit: number;
  location?: string | undefined;
  jobType?: JobType | undefined;
  salaryMin?: number | undefined;
  remote?: boolean | undefined;
}

export interface PostingSummary {
  id: string;
  title: string;
  employerId: string;
  locations: string[];
  remote: boolean;
  jobType: string;
  minDegree: string;
  salaryMin: number | undefined;
  salaryMax: number | undefined;
  closesAt: string | undefined;
  createdAt: string;
}

export interface RecommendationItem {
  rank: number;
  impressionId: string;
  posting: PostingSummary;
  /** Absent on a non-personalized list, which is ordered by recency, not scored. */
  match: MatchView | null;
}

export type ListMode = 'personalized' | 'non_personalized';

export interface RecommendationList {
  listId: string;
  graduateId: string;
  mode: ListMode;
  /** Why the list is not personalized, when it is not. */
  reason: 'personalization_off' | 'ai_ranking_suspended' | null;
  filters: RecommendationQuery;
  items: RecommendationItem[];
  ai: ReturnType<typeof aiNotice>;
}

/** Applied and dismissed postings leave the graduate's list. */
export async function excludedPostings(ctx: ServiceContext, graduateId: string): Promise<Set<string>> {
  const rows = await ctx.database.db.selectFrom('interactions').select('posting_id')
    .where('tenant_id', '=', ctx.principal.tenantId).where('graduate_id', '=', graduateId).where('type', 'in', ['apply', 'dismiss']).execute();
  return new Set(rows.map((r) => r.posting_id));
}

export async function loadGraduate(ctx: ServiceContext, graduateId: string): Promise<{ graduate: Graduate; personalization: boolean; suppressed: Set<string> }> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const row = await ctx.database.db.selectFrom('graduates').selectAll().where('tenant_id', '=', ctx.principal.tenantId).where('id', '=', graduateId).executeTakeFirst();
  if (!row) throw notFound('Graduate');
  return { graduate: toGraduate(row), personalization: row.personalization_enabled, suppressed: suppressedTagsOf(row.suppressed_tags) };
}

/** The hard filters the graduate set on this request (the only ones a non-personalized list uses). */
export function requestFilter(query: RecommendationQuery, now: Date, exclude: ReadonlySet<string>): PostingFilter {
  const city = query.location === undefined ? undefined : (findCity(query.location)?.id ?? normalizePlace(query.location));
  return {
    now: now.getTime(),
    exclude,
    ...(city ? { cities: [city] } : {}),
    ...(query.jobType ? { jobTypes: [query.jobType] } : {}),
    ...(query.salaryMin !== undefined ? { salaryAtLeast: query.salaryMin } : {}),
    ...(query.remote ? { remoteOnly: true } : {}),
  };
}

/**
 * Jobs for a graduate: the exact hybrid top k among open postings that pass the hard filters (request
 * filters, degree eligibility, applied or dismissed). With personalization off, or AI ranking suspended
 * for the tenant, the list is the most recent postings under the graduate's own filters, labelled so.
 * Every list is recorded as impressions.
 */
export async function recommendJobs({ ctx, deps, graduateId, query }: { ctx: ServiceContext; deps: MatchingDeps; graduateId: string; query: RecommendationQuery }): Promise<RecommendationList> {
  const { graduate, personalization, suppressed } = await loadGraduate(ctx, graduateId);
  const suspended = await isAiRankingSuspended(ctx.database.db, ctx.principal.tenantId);
  const index = await deps.engine.postings(ctx.database, ctx.principal.tenantId);
  const exclude = await excludedPostings(ctx, graduateId);
  const now = ctx.clock.now();
  const filter = requestFilter(query, now, exclude);
  const reason = suspended ? 'ai_ranking_suspended' as const : personalization ? null : 'personalization_off' as const;

  let ranked: Array<{ id: string; match: ReturnType<typeof matchView> | null; score: number; components: unknown }>;
  if (reason !== null) {
    ranked = index.recent(index.mask(filter), query.limit).map((p) => ({ id: p.id, match: null, score: 0, components: [] }));
  } else {
    const taxonomy = getTaxonomy();
    const features = profileFeatures(graduate, taxonomy, suppressed);
    const vector = await deps.engine.profileVector(graduateId, graduate, suppressed);
    const similarity = taxonomySimilarity(taxonomy);
    if (deps.vectorSearch === 'pgvector' && ctx.database.hasVector && vector.length === PGVECTOR_INDEXED_DIMENSIONS) {
      const city = query.location === undefined ? undefined : findCity(query.location);
      const cityNames = query.location === undefined ? [] : city ? [city.zh, city.en, `${city.zh}市`] : [query.location];
      const shortlist = await pgvectorShortlist(ctx.database, {
        tenantId: ctx.principal.tenantId, embedderId: deps.engine.embedder.id, vector, cityNames,
        filter: { ...filter, eligibleDegree: features.degree }, n: Math.max(200, 10 * query.limit),
      });
      ranked = shortlist.flatMap((hit) => {
        const posting = index.get(hit.id);
        if (!posting) return [];
        const match = scoreMatch(features, posting.features, hit.cosine, deps.weights, similarity);
        return [{ id: hit.id, match: matchView(match), score: match.score, components: match.components }];
      }).sort((a, b) => b.score - a.score).slice(0, query.limit);
    } else {
      const mask = index.mask({ ...filter, eligibleDegree: features.degree });
      ranked = index.rank(features, vector, deps.weights, similarity, mask, query.limit)
        .map((r) => ({ id: r.id, match: matchView(r.match), score: r.match.score, components: r.match.components }));
    }
  }

  const postings = ranked.length === 0 ? [] : await ctx.database.db.selectFrom('job_postings').selectAll()
    .where('tenant_id', '=', ctx.principal.tenantId).where('id', 'in', ranked.map((r) => r.id)).execute();
  const byId = new Map(postings.map((p) => [p.id, toPosting(p)]));
  const listId = newId();
  const items: RecommendationItem[] = [];
  const impressions: ImpressionRow[] = [];
  for (const r of ranked) {
    const p = byId.get(r.id);
    if (!p) continue;
    const impressionId = newId();
    items.push({
      rank: items.length + 1, impressionId, match: r.match,
      posting: { id: p.id, title: p.title, employerId: p.employerId, locations: p.locations, remote: p.remote, jobType: p.jobType, minDegree: p.minDegree, salaryMin: p.salaryMin, salaryMax: p.salaryMax, closesAt: p.closesAt, createdAt: p.createdAt },
    });
    impressions.push({
      id: impressionId, tenant_id: ctx.principal.tenantId, request_id: ctx.requestId, list_id: listId, list_kind: 'recommendations',
      viewer_role: ctx.principal.role, viewer_id: ctx.principal.graduateId ?? ctx.principal.employerId ?? null, graduate_id: graduateId, posting_id: p.id,
      rank: items.length, score: r.score, components: JSON.stringify(r.components), model_version: deps.weights.version,
      embedder_id: deps.engine.embedder.id, personalized: reason === null, created_at: now,
    });
  }
  await deps.impressions.record(ctx.database, impressions);
  return { listId, graduateId, mode: reason === null ? 'personalized' : 'non_personalized', reason, filters: query, items, ai: aiNotice(deps, reason === null, reason) };
}

