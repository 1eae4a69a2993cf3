import { findCity, normalizePlace } from '../../domain/geo/cities.ts';
import type { PostingFilter, PostingIndex } from '../../domain/search/posting-index.ts';
import { countRows } from '../../domain/search/row-masks.ts';
import type { JobType } from '../../domain/model/common.ts';
import type { Graduate } from '../../domain/model/graduate.ts';
import { graduateListInputs } from '../../storage/list-inputs.repo.ts';
import { toMatchableGraduate } from '../../storage/mappers.ts';
import { assertCanSeeGraduate } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { parseTenantSettings } from '../tenant-settings.ts';
import type { MatchingDeps } from './deps.ts';

export interface RecommendationQuery {
  limit: number;
  location?: string | undefined;
  jobType?: JobType | undefined;
  salaryMin?: number | undefined;
  remote?: boolean | undefined;
}

/** Why a list is not personalized, when it is not. */
export type NotPersonalizedReason = 'personalization_off' | 'ai_ranking_suspended';

/**
 * Everything a graduate's list is derived from before ranking. The list and every explanation of it
 * (why, why not, skill advice) start from this one preparation, so a re-score is the list's score.
 */
export interface RecommendationState {
  graduate: Graduate;
  suppressed: Set<string>;
  personalization: boolean;
  suspended: boolean;
  reason: NotPersonalizedReason | null;
  index: PostingIndex;
  /** The tenant's tenant_employers_version, read with the rest (EmployerNames.at). */
  employersVersion: string;
  /** Postings the graduate applied to or dismissed: they leave the list. */
  exclude: Set<string>;
  now: Date;
  query: RecommendationQuery;
}

/** The graduate (themself or staff only; else 404), the tenant's kill switch, its synced index and the exclusions. */
export async function prepareRecommendations(
  ctx: ServiceContext,
  deps: MatchingDeps,
  graduateId: string,
  query: RecommendationQuery,
): Promise<RecommendationState> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const { tenantId } = ctx.principal;
  // One round trip for the graduate, the kill switch, the postings and employers versions and the exclusions.
  const inputs = await graduateListInputs(ctx.database.db, tenantId, graduateId);
  const { graduate, personalization, suppressed } = toMatchableGraduate(inputs.graduate);
  const suspended = parseTenantSettings(inputs.tenantSettings).aiRanking.suspended;
  const index = await deps.engine.postingsAt(ctx.database, tenantId, inputs.postingsVersion);
  const exclude = inputs.leftList;
  const reason = suspended
    ? ('ai_ranking_suspended' as const)
    : personalization
      ? null
      : ('personalization_off' as const);
  const { employersVersion } = inputs;
  const now = ctx.clock.now();
  return { graduate, suppressed, personalization, suspended, reason, index, employersVersion, exclude, now, query };
}

/** The hard filters the graduate set on this request (the only ones a non-personalized list uses). */
export function requestFilter(query: RecommendationQuery, now: Date, exclude: ReadonlySet<string>): PostingFilter {
  const city =
    query.location === undefined ? undefined : (findCity(query.location)?.id ?? normalizePlace(query.location));
  return {
    now: now.getTime(),
    exclude,
    ...(city ? { cities: [city] } : {}),
    ...(query.jobType ? { jobTypes: [query.jobType] } : {}),
    ...(query.salaryMin !== undefined ? { salaryAtLeast: query.salaryMin } : {}),
    ...(query.remote ? { remoteOnly: true } : {}),
  };
}

/** The stated preferences that order a list (PostingIndex.rankTiered), and how many allowed postings meet them. */
export interface PreferenceTier {
  applied: Array<'jobType' | 'location' | 'remote' | 'salary'>;
  /** Allowed postings meeting every applied preference. */
  meeting: number;
  /** Rows of the list's mask meeting them. */
  mask: Uint8Array;
}

/**
 * Stated job types, cities, remote-only and salary floor make the first tier of the list: when at
 * least as many allowed postings meet them as the list holds, the list shows only those; otherwise
 * they come first and the best of the rest follow. A weighted component alone could not promise that.
 */
export function preferenceTier(index: PostingIndex, mask: Uint8Array, graduate: Graduate, now: Date): PreferenceTier {
  const p = graduate.preferences;
  const cities = p.locations.map((l) => findCity(l)?.id ?? normalizePlace(l));
  const applied: PreferenceTier['applied'] = [];
  if (p.jobTypes.length > 0) applied.push('jobType');
  if (cities.length > 0 && p.remote !== 'only') applied.push('location');
  if (p.remote === 'only') applied.push('remote');
  if (p.salaryFloor !== undefined && p.salaryFloor !== null && p.salaryFloor > 0) applied.push('salary');
  const filter: PostingFilter = {
    now: now.getTime(),
    ...(applied.includes('jobType') ? { jobTypes: p.jobTypes } : {}),
    ...(applied.includes('location') ? { cities } : {}),
    ...(applied.includes('remote') ? { remoteOnly: true } : {}),
    ...(applied.includes('salary') && p.salaryFloor ? { salaryAtLeast: p.salaryFloor } : {}),
  };
  // Only the list's own rows are kept.
  const tier = index.mask({ ...filter, within: mask });
  return { applied, meeting: countRows(tier), mask: tier };
}
