import { findCity } from '../../domain/geo/cities.ts';
import { profileFeatures, profileText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import { summaryLine } from '../../domain/explain/summary-line.ts';
import { scoreMatch, type MatchScore } from '../../domain/matching/score.ts';
import type { Lang } from '../../domain/model/common.ts';
import { rankListEntries } from '../../domain/search/list-ranking.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { matchDetailOf } from '../../domain/matching/served.ts';
import type { NewImpression } from '../../storage/impressions.repo.ts';
import { PGVECTOR_INDEXED_DIMENSIONS, pgvectorShortlist } from '../../storage/pgvector.repo.ts';
import { newId, type ServiceContext } from '../context.ts';
import { aiNotice, type MatchingDeps } from './deps.ts';
import { listedFromIndex } from './listed-postings.ts';
import {
  preferenceTier,
  prepareRecommendations,
  requestFilter,
  type NotPersonalizedReason,
  type PreferenceTier,
  type RecommendationQuery,
} from './prepare.ts';
import { matchView, type MatchView } from './present.ts';

interface PostingSummary {
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
  createdAt: string;
}

interface RecommendationItem {
  rank: number;
  impressionId: string;
  posting: PostingSummary;
  /** Absent on a non-personalized list, which is ordered by recency, not scored. */
  match: MatchView | null;
  /** One line in the requested language, from the match's numbers and names (null when not scored). */
  summary: string | null;
  /** True when the posting meets the graduate's stated preferences (the list's first tier). */
  meetsPreferences: boolean | null;
  /** Near-identical postings (same employer, title and text) folded into this item. */
  variants: Array<{ id: string; locations: string[] }>;
}

type ListMode = 'personalized' | 'non_personalized';

export interface RecommendationList {
  listId: string;
  graduateId: string;
  mode: ListMode;
  /** Why the list is not personalized, when it is not. */
  reason: NotPersonalizedReason | null;
  filters: RecommendationQuery;
  lang: Lang;
  /** How stated preferences ordered the list (null when not personalized). */
  preferences: { applied: PreferenceTier['applied']; meeting: number; onlyMeeting: boolean } | null;
  items: RecommendationItem[];
  ai: ReturnType<typeof aiNotice>;
}

/**
 * Jobs for a graduate: the exact hybrid top k among open postings that pass the hard filters (request
 * filters, degree eligibility, applied or dismissed). With personalization off, or AI ranking suspended
 * for the tenant, the list is the most recent postings under the graduate's own filters, labelled so.
 * Every list is recorded as impressions.
 */
export async function recommendJobs({
  ctx,
  deps,
  graduateId,
  query,
  lang = 'zh',
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  graduateId: string;
  query: RecommendationQuery;
  lang?: Lang;
}): Promise<RecommendationList> {
  const { graduate, suppressed, reason, index, employersVersion, exclude, now } = await prepareRecommendations(
    ctx,
    deps,
    graduateId,
    query,
  );
  const filter = requestFilter(query, now, exclude);

  let ranked: Array<{
    id: string;
    match: MatchScore | null;
    score: number;
    components: readonly unknown[];
    preferred: boolean | null;
    variants: string[];
  }>;
  let tier: PreferenceTier | null = null;
  if (reason !== null) {
    ranked = index
      .recent(index.mask(filter), query.limit)
      .map((p) => ({ id: p.id, match: null, score: 0, components: [], preferred: null, variants: [] }));
  } else {
    const taxonomy = getTaxonomy();
    const features = profileFeatures(graduate, taxonomy, suppressed);
    const vector = await deps.engine.profileVector(graduateId, graduate, suppressed);
    const similarity = taxonomySimilarity(taxonomy);
    const lexical = index.lexical.query(profileText(graduate, suppressed, taxonomy));
    if (deps.vectorSearch === 'pgvector' && ctx.database.hasVector && vector.length === PGVECTOR_INDEXED_DIMENSIONS) {
      const city = query.location === undefined ? undefined : findCity(query.location);
      const cityNames =
        query.location === undefined ? [] : city ? [city.zh, city.en, `${city.zh}市`] : [query.location];
      const shortlist = await pgvectorShortlist(ctx.database, {
        tenantId: ctx.principal.tenantId,
        embedderId: deps.engine.embedder.id,
        vector,
        cityNames,
        filter: { ...filter, eligibleDegree: features.degree },
        n: Math.max(200, 10 * query.limit),
      });
      ranked = shortlist
        .flatMap((hit) => {
          const posting = index.get(hit.id);
          if (!posting) return [];
          const match = scoreMatch(
            features,
            posting.features,
            hit.cosine,
            deps.weights,
            similarity,
            index.lexical.match(hit.id, lexical),
          );
          return [
            { id: hit.id, match, score: match.score, components: match.components, preferred: null, variants: [] },
          ];
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, query.limit);
    } else {
      const mask = index.mask({ ...filter, eligibleDegree: features.degree });
      tier = preferenceTier(index, mask, graduate, now);
      ranked = rankListEntries(index, {
        profile: features,
        vector,
        weights: deps.weights,
        similarity,
        mask,
        preferred: tier.mask,
        k: query.limit,
        lexical,
      }).map((r) => ({
        id: r.id,
        match: r.match,
        score: r.match.score,
        components: r.match.components,
        preferred: r.preferred,
        variants: r.variants,
      }));
    }
  }

  const listed = await listedFromIndex(
    ctx,
    index,
    await deps.engine.employerNames.at(ctx.database, ctx.principal.tenantId, employersVersion),
    ranked.flatMap((r) => [r.id, ...r.variants]),
  );
  const listId = newId();
  const items: RecommendationItem[] = [];
  const impressions: NewImpression[] = [];
  for (const r of ranked) {
    const entry = listed.get(r.id);
    if (!entry) continue;
    const p = entry.posting;
    const impressionId = newId();
    items.push({
      rank: items.length + 1,
      impressionId,
      match: r.match ? matchView(r.match) : null,
      summary: r.match ? summaryLine(r.match, lang) : null,
      meetsPreferences: r.preferred,
      variants: r.variants.flatMap((id) => {
        const v = listed.get(id);
        return v ? [{ id, locations: v.posting.locations }] : [];
      }),
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
        createdAt: p.createdAt,
      },
    });
    impressions.push({
      id: impressionId,
      tenantId: ctx.principal.tenantId,
      requestId: ctx.requestId,
      listId,
      listKind: 'recommendations',
      viewerRole: ctx.principal.role,
      viewerId: ctx.principal.graduateId ?? ctx.principal.employerId ?? null,
      graduateId,
      postingId: p.id,
      rank: items.length,
      score: r.score,
      components: r.components,
      matchDetail: r.match && matchDetailOf(r.match),
      modelVersion: deps.weights.version,
      embedderId: deps.engine.embedder.id,
      personalized: reason === null,
      createdAt: now,
    });
  }
  await deps.impressions.record(ctx.database, impressions);
  return {
    listId,
    graduateId,
    mode: reason === null ? 'personalized' : 'non_personalized',
    reason,
    filters: query,
    lang,
    preferences: tier && { applied: tier.applied, meeting: tier.meeting, onlyMeeting: tier.meeting >= query.limit },
    items,
    ai: aiNotice(deps, reason === null, reason),
  };
}
