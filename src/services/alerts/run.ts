import { DomainError } from '../../domain/errors.ts';
import {
  alertExplanation,
  FREQUENCY_DAYS,
  MAX_ALERTS_PER_RUN,
  savedSearchQuery,
} from '../../domain/model/saved-search.ts';
import * as repo from '../../storage/alerts.repo.ts';
import type { SavedSearchRow } from '../../storage/alerts.schema.ts';
import { insertOutbox } from '../../storage/audits.repo.ts';
import { insertImpressions } from '../../storage/impressions.repo.ts';
import { appliedOrDismissedPostingIds } from '../../storage/interactions.repo.ts';
import { withTransaction, type Principal, type ServiceContext, type SystemContext } from '../context.ts';
import type { MatchingDeps } from '../matching/deps.ts';
import { rankSearch } from '../matching/search.ts';
import { profileFitHits, type FitHit } from './profile-fit.ts';
import { loadTenantSettings } from '../tenant-settings.ts';

/**
 * Each pass looks again at postings changed this long before a search's watermark: a posting written in a
 * transaction that committed after a pass began (its updated_at before the pass's time) is still seen. An
 * alert already raised is not raised again (one per search and posting).
 */
export const LOOKBACK_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

export interface AlertPassResult {
  searches: number;
  /** Alerts raised (new feed items). */
  alerts: number;
  /** Digests made and handed to the outbox for delivery. */
  digests: number;
}

/** The graduate as the search sees them: the alert runs their own search, with their switches. */
const asGraduate = (ctx: SystemContext, tenantId: string, graduateId: string, passId: string): ServiceContext => {
  const principal: Principal = {
    keyId: 'system:saved-search-alerts',
    tenantId,
    role: 'graduate',
    graduateId,
    employerId: null,
  };
  return { ...ctx, principal, requestId: passId };
};

/**
 * Which of the tenant's saved searches a run takes, given the postings opened or changed since the oldest
 * watermark; a search left out keeps its watermark, so a later pass still sees those postings.
 */
export type SearchSelection = (
  searches: readonly SavedSearchRow[],
  changed: readonly repo.ChangedPosting[],
) => Promise<ReadonlySet<string>>;

/**
 * One alert pass over a tenant: every saved search (or those `select` takes) runs through the production search
 * ranking (the graduate's personalization switch and the tenant's kill switch apply as in GET /v1/jobs/search),
 * restricted to postings opened or changed since its last pass and not applied to or dismissed; hits that
 * contain at least one query term become feed items, each with its impression, and the watermark moves, in
 * one transaction per search. Then digests are made for graduates whose period has passed.
 */
export async function runAlertPass(
  ctx: SystemContext,
  deps: MatchingDeps,
  tenantId: string,
  passId: string,
  select?: SearchSelection,
): Promise<AlertPassResult> {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const all = await repo.savedSearchesOfTenant(db, tenantId);
  let alerts = 0;
  let searches: readonly SavedSearchRow[] = all;
  if (all.length > 0) {
    const earliest = Math.min(...all.map((s) => new Date(s.checked_through).getTime()));
    const changed = await repo.changedPostings(db, tenantId, new Date(earliest - LOOKBACK_MS), now);
    if (select) {
      const taken = await select(all, changed);
      searches = all.filter((s) => taken.has(s.id));
    }
    const langs = await repo.graduateLangs(db, tenantId, [...new Set(searches.map((s) => s.graduate_id))]);
    for (const search of searches) {
      const lang = langs.get(search.graduate_id);
      if (lang === undefined) continue; // erased during the pass: its searches are gone with it
      alerts += await runSearch(ctx, deps, { search, changed, now, passId, lang: lang === 'en' ? 'en' : 'zh' });
    }
  }
  const digests = await makeDigests(ctx, tenantId, now);
  return { searches: searches.length, alerts, digests };
}

async function runSearch(
  ctx: SystemContext,
  deps: MatchingDeps,
  p: { search: SavedSearchRow; changed: repo.ChangedPosting[]; now: Date; passId: string; lang: 'zh' | 'en' },
): Promise<number> {
  const { search, now } = p;
  const { db } = ctx.database;
  const tenantId = search.tenant_id;
  const from = new Date(search.checked_through);
  const since = Math.max(from.getTime() - LOOKBACK_MS, new Date(search.alerts_from).getTime());
  const excluded = await appliedOrDismissedPostingIds(db, tenantId, search.graduate_id);
  const only = new Set(p.changed.filter((c) => c.changedAt.getTime() > since && !excluded.has(c.id)).map((c) => c.id));
  if (only.size === 0) {
    await repo.advanceSavedSearch(db, search.id, from, now);
    return 0;
  }
  const gctx = asGraduate(ctx, tenantId, search.graduate_id, p.passId);
  let hits: FitHit[];
  try {
    hits = await hitsOf(gctx, deps, search, only, p.lang);
  } catch (error) {
    // The graduate was erased between reading the searches and ranking: nothing to alert.
    if (error instanceof DomainError && error.code === 'not_found') return 0;
    throw error;
  }
  return withTransaction(ctx, async ({ database: { db: trx } }) => {
    const rows = hits.map((hit) => ({
      id: ctx.ids.newId(),
      tenantId,
      graduateId: search.graduate_id,
      savedSearchId: search.id,
      postingId: hit.postingId,
      impressionId: hit.impressionId,
      score: hit.score,
      explanation: hit.explanation,
      now,
    }));
    const inserted = await repo.insertAlerts(trx, rows);
    const raised = rows.filter((r) => inserted.has(r.id));
    // Only what is shown is an impression: the alerts raised now, ranked in the order the feed shows them.
    const impressionOf = new Map(hits.map((h) => [h.impressionId, h.impression]));
    const impressions = raised.flatMap((r, i) => {
      const impression = impressionOf.get(r.impressionId);
      return impression ? [{ ...impression, rank: i + 1, createdAt: now }] : [];
    });
    await insertImpressions(trx, impressions);
    // A pass that lost the race to another one leaves the watermark to it.
    await repo.advanceSavedSearch(trx, search.id, from, now);
    return raised.length;
  });
}

/**
 * What a saved search finds among `only`: a query search ranks them as GET /v1/jobs/search does and keeps
 * hits containing a query term; a profile-fit search keeps those whose match reaches its threshold.
 */
async function hitsOf(
  ctx: ServiceContext,
  deps: MatchingDeps,
  search: SavedSearchRow,
  only: ReadonlySet<string>,
  lang: 'zh' | 'en',
): Promise<FitHit[]> {
  if (search.kind === 'profile') {
    const minScore = search.min_score ?? 1;
    const listId = ctx.ids.newId();
    return profileFitHits(ctx, deps, {
      graduateId: search.graduate_id,
      only,
      minScore,
      lang,
      limit: MAX_ALERTS_PER_RUN,
      listId,
    });
  }
  const query = savedSearchQuery.safeParse(typeof search.query === 'string' ? JSON.parse(search.query) : search.query);
  if (!query.success) {
    ctx.logger.warn('saved_search_unreadable', { savedSearchId: search.id });
    return [];
  }
  const result = await rankSearch(ctx, deps, { ...query.data, limit: MAX_ALERTS_PER_RUN }, { only, listKind: 'alert' });
  const impressionOf = new Map(result.impressions.map((i) => [i.id, i]));
  return result.items.flatMap((item) => {
    const impression = impressionOf.get(item.impressionId);
    if (item.matchedTerms.length === 0 || !impression) return [];
    return [
      {
        postingId: item.posting.id,
        impressionId: item.impressionId,
        score: item.score,
        explanation: alertExplanation(lang, search.name, item.matchedTerms, item.score),
        impression,
      },
    ];
  });
}

/**
 * Where the tenant set a graduate-alert webhook: for each graduate with alerts waiting (raised since the
 * webhook was set, from searches that want digests) whose last digest is older than the period (a day when
 * any of those searches is daily, else a week), one digest takes them all, and its delivery goes to the
 * outbox in the same transaction, so it is neither lost while Redis is away nor made twice.
 */
async function makeDigests(ctx: SystemContext, tenantId: string, now: Date): Promise<number> {
  const { graduateAlertWebhook: hook } = await loadTenantSettings(ctx.database.db, tenantId);
  if (!hook) return 0;
  const since = new Date(hook.since);
  let made = 0;
  for (const candidate of await repo.digestCandidates(ctx.database.db, tenantId, since)) {
    const periodMs = (candidate.daily ? FREQUENCY_DAYS.daily : FREQUENCY_DAYS.weekly) * DAY_MS;
    made += await withTransaction(ctx, async ({ database: { db: trx } }) => {
      const last = await repo.lastDigestAt(trx, tenantId, candidate.graduateId);
      if (last !== null && now.getTime() - last.getTime() < periodMs) return 0;
      const digestId = ctx.ids.newId();
      await repo.insertDigest(trx, { id: digestId, tenantId, graduateId: candidate.graduateId, itemCount: 0, now });
      const count = await repo.claimForDigest(trx, tenantId, candidate.graduateId, digestId, since);
      if (count === 0) {
        await repo.deleteDigest(trx, digestId); // another pass took them first
        return 0;
      }
      await repo.setDigestCount(trx, digestId, count);
      await insertOutbox(trx, {
        id: ctx.ids.newId(),
        tenantId,
        jobName: 'alert-digest-delivery',
        jobId: digestId,
        payload: { digestId, tenantId },
        now,
        requestId: ctx.requestId,
      });
      return 1;
    });
  }
  return made;
}
