import { findCity, normalizePlace } from '../../domain/geo/cities.ts';
import { invalid } from '../../domain/errors.ts';
import { profileFeatures, profileText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import type { Degree, JobType } from '../../domain/model/common.ts';
import { highlightTerms, type Highlight } from '../../domain/search/highlight.ts';
import {
  searchPostings,
  SEARCH_WEIGHTS,
  type SearchComponent,
  type SearchProfile,
} from '../../domain/search/job-search.ts';
import type { PostingFilter } from '../../domain/search/posting-index.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { EmptyTextError } from '../../domain/text/embedder.ts';
import type { NewImpression } from '../../storage/impressions.repo.ts';
import { tenantListVersions } from '../../storage/list-inputs.repo.ts';
import { requireRole } from '../access.ts';
import { newId, type ServiceContext } from '../context.ts';
import { aiNotice, type MatchingDeps } from './deps.ts';
import { listedFromIndex } from './listed-postings.ts';
import { prepareRecommendations, type NotPersonalizedReason } from './prepare.ts';
import { matchView, type MatchView } from './present.ts';

/** Ranked results are paged by offset; a search reaches at most this many hits. */
const MAX_SEARCH_DEPTH = 500;

export interface JobSearchQuery {
  q: string;
  limit: number;
  cursor?: string | undefined;
  location?: string | undefined;
  jobType?: JobType | undefined;
  minDegree?: Degree | undefined;
  eligibleDegree?: Degree | undefined;
  employerId?: string | undefined;
}

interface SearchItem {
  rank: number;
  impressionId: string;
  posting: {
    id: string;
    title: string;
    employerId: string;
    employerName: string | null;
    locations: string[];
    remote: boolean;
    jobType: string;
    minDegree: string;
    salaryMin: number | undefined;
    salaryMax: number | undefined;
    closesAt: string | undefined;
  };
  score: number;
  components: SearchComponent[];
  matchedTerms: string[];
  /** Where the query's words occur, as UTF-16 offsets [start, end) into the posting's title and description. */
  highlights: { title: Highlight[]; description: Highlight[] };
  profileMatch: MatchView | null;
}

const encodeOffset = (offset: number): string => btoa(`o:${offset}`).replace(/=+$/, '');
function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  let text = '';
  try {
    text = atob(cursor);
  } catch {
    // falls through to the 400 below
  }
  const match = /^o:(\d{1,4})$/.exec(text);
  const offset = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(offset) || offset >= MAX_SEARCH_DEPTH)
    throw invalid('query.cursor', 'is not a cursor returned by this search.');
  return offset;
}

/**
 * Free-text search over the tenant's open postings (the matching index), zh, en or mixed, with one-edit
 * corrections of unknown English words. With a graduate's key and personalization on, the ranking blends
 * the query with the graduate's own match (deleted tags are left out of it); otherwise the query alone
 * ranks, labelled non-personalized. Every page served is recorded as impressions.
 */
export async function searchJobs({
  ctx,
  deps,
  query,
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  query: JobSearchQuery;
}) {
  const { impressions, ...result } = await rankSearch(ctx, deps, query);
  await deps.impressions.record(ctx.database, impressions);
  return result;
}

/** What rankSearch may add to a search: the saved-search alerts rank only the postings that are new. */
export interface SearchScope {
  /** Only these postings may be hits (they must still pass every filter of the query). */
  only?: ReadonlySet<string>;
  /** How the impressions are labelled: 'search' (default) or 'alert'. */
  listKind?: 'search' | 'alert';
}

/**
 * The search as searchJobs serves it, with the impressions it would record left to the caller: the alert
 * job records only those of the alerts it raises, in the transaction that raises them.
 */
export async function rankSearch(
  ctx: ServiceContext,
  deps: MatchingDeps,
  query: JobSearchQuery,
  scope: SearchScope = {},
) {
  requireRole(ctx.principal, ['graduate', 'employer', 'career_office', 'admin'], 'search postings');
  const offset = decodeOffset(query.cursor);
  const graduateId = ctx.principal.role === 'graduate' ? ctx.principal.graduateId : null;
  const state = graduateId ? await prepareRecommendations(ctx, deps, graduateId, { limit: query.limit }) : null;
  const { tenantId } = ctx.principal;
  const { index, employersVersion } = state ?? (await tenantIndex(ctx, deps));
  const employers = await deps.engine.employerNames.at(ctx.database, tenantId, employersVersion);
  const now = ctx.clock.now();
  const lexical = index.lexical.query(query.q, { correct: true });
  const vector = await embedQuery(deps, query.q);
  const reason: NotPersonalizedReason | 'not_a_graduate' | null = state === null ? 'not_a_graduate' : state.reason;

  let profile: SearchProfile | null = null;
  if (state !== null && state.reason === null) {
    const taxonomy = getTaxonomy();
    profile = {
      features: profileFeatures(state.graduate, taxonomy, state.suppressed),
      vector: await deps.engine.profileVector(state.graduate.id, state.graduate, state.suppressed),
      lexical: index.lexical.query(profileText(state.graduate, state.suppressed, taxonomy)),
      weights: deps.weights,
      similarity: taxonomySimilarity(taxonomy),
    };
  }
  // Built right before ranking, with no await in between: a concurrent sync may move rows.
  const base = index.mask(postingFilter(query, now));
  // refine() calls back per allowed row: only when a filter the columns do not hold is given.
  const mask =
    query.minDegree === undefined && query.employerId === undefined && scope.only === undefined
      ? base
      : index.refine(
          base,
          (p) =>
            (query.minDegree === undefined || p.features.minDegree === query.minDegree) &&
            (query.employerId === undefined || p.employerId === query.employerId) &&
            (scope.only === undefined || scope.only.has(p.id)),
        );
  const hits = searchPostings(index, {
    lexical,
    vector,
    mask,
    k: Math.min(offset + query.limit, MAX_SEARCH_DEPTH),
    profile,
  }).slice(offset, offset + query.limit);

  const listed = await listedFromIndex(
    ctx,
    index,
    employers,
    hits.map((h) => h.id),
  );
  const listId = newId();
  const items: SearchItem[] = [];
  const impressions: NewImpression[] = [];
  for (const hit of hits) {
    const entry = listed.get(hit.id);
    if (!entry) continue;
    const p = entry.posting;
    const impressionId = newId();
    const terms = new Set(hit.matchedTerms);
    items.push({
      rank: offset + items.length + 1,
      impressionId,
      score: hit.score,
      components: hit.components,
      matchedTerms: [...hit.matchedTerms],
      posting: {
        id: p.id,
        title: p.title,
        employerId: p.employerId,
        employerName: entry.employerName,
        locations: p.locations,
        remote: p.remote,
        jobType: p.jobType,
        minDegree: p.minDegree,
        salaryMin: p.salaryMin,
        salaryMax: p.salaryMax,
        closesAt: p.closesAt,
      },
      highlights: { title: highlightTerms(p.title, terms), description: highlightTerms(p.description, terms) },
      profileMatch: hit.profileMatch ? matchView(hit.profileMatch) : null,
    });
    impressions.push({
      id: impressionId,
      tenantId,
      requestId: ctx.requestId,
      listId,
      listKind: scope.listKind ?? 'search',
      viewerRole: ctx.principal.role,
      viewerId: ctx.principal.graduateId ?? ctx.principal.employerId ?? null,
      graduateId,
      postingId: p.id,
      rank: offset + items.length,
      score: hit.score,
      components: hit.components,
      modelVersion: profile ? `${SEARCH_WEIGHTS.version}+${deps.weights.version}` : SEARCH_WEIGHTS.version,
      embedderId: deps.engine.embedder.id,
      personalized: profile !== null,
      createdAt: now,
    });
  }
  const more =
    hits.length === query.limit && offset + query.limit < MAX_SEARCH_DEPTH && offset + query.limit < countAllowed(mask);
  return {
    listId,
    query: { q: query.q, terms: [...lexical.terms], corrections: lexical.corrections.map((c) => ({ ...c })) },
    mode: profile ? ('personalized' as const) : ('non_personalized' as const),
    reason: profile ? null : reason,
    weights: { ...SEARCH_WEIGHTS },
    items,
    nextCursor: more ? encodeOffset(offset + query.limit) : null,
    ai: aiNotice(deps, profile !== null, profile ? null : reason),
    impressions,
  };
}

/** The tenant's index and employers version for a search that is not a graduate's: both versions in one statement. */
async function tenantIndex(ctx: ServiceContext, deps: MatchingDeps) {
  const { tenantId } = ctx.principal;
  const { postingsVersion, employersVersion } = await tenantListVersions(ctx.database.db, tenantId);
  return { index: await deps.engine.postingsAt(ctx.database, tenantId, postingsVersion), employersVersion };
}

/** A plain loop: reduce with a callback costs ~2 ms a search at 100k rows (measured). */
function countAllowed(mask: Uint8Array): number {
  let n = 0;
  for (let row = 0; row < mask.length; row++) n += mask[row] as number;
  return n;
}

function postingFilter(query: JobSearchQuery, now: Date): PostingFilter {
  const city =
    query.location === undefined ? undefined : (findCity(query.location)?.id ?? normalizePlace(query.location));
  return {
    now: now.getTime(),
    ...(city ? { cities: [city] } : {}),
    ...(query.jobType ? { jobTypes: [query.jobType] } : {}),
    ...(query.eligibleDegree ? { eligibleDegree: query.eligibleDegree } : {}),
  };
}

/** The query's vector; a query with nothing embeddable (only symbols) has no meaning signal. */
async function embedQuery(deps: MatchingDeps, q: string): Promise<Float32Array> {
  try {
    const [v] = await deps.engine.embedder.embed([q]);
    return v ?? new Float32Array(deps.engine.embedder.dimensions);
  } catch (error) {
    if (error instanceof EmptyTextError) return new Float32Array(deps.engine.embedder.dimensions);
    throw error;
  }
}
