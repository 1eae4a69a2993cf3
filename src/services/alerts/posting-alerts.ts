import { taxonomySimilarity } from '../../domain/matching/extract.ts';
import { savedSearchQuery } from '../../domain/model/saved-search.ts';
import type { CandidateQuery } from '../../domain/search/graduate-index.ts';
import { profileFitCandidates, SavedSearchTermIndex } from '../../domain/search/saved-search-index.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import type { ChangedPosting } from '../../storage/alerts.repo.ts';
import type { SavedSearchRow } from '../../storage/alerts.schema.ts';
import type { SystemContext } from '../context.ts';
import type { MatchingDeps } from '../matching/deps.ts';
import { runAlertPass, type AlertPassResult } from './run.ts';

/**
 * How far below a graduate's threshold the candidate index's score may be and the graduate still be checked
 * exactly: the index's unrounded hybrid is within 1e-5 of the exact score (ROUNDING_MARGIN); ten times that.
 */
const PROFILE_MARGIN = 1e-4;

export interface PostingAlertsResult extends AlertPassResult {
  /** Saved searches of the tenant, and those the indexes picked for the run. */
  saved: number;
}

/**
 * The posting-alerts run of a tenant (enqueued when postings open or change, see ask.ts): the postings opened
 * or changed since the oldest watermark find the saved searches they may fit through the indexes, and only
 * those searches run, exactly as in the periodic pass (the same ranking, switches, impressions, one alert per
 * search and posting, the digests and their daily limit). The periodic pass stays as the safety net: a search
 * not picked keeps its watermark, so that pass still looks at the same postings for it.
 */
export async function runPostingAlerts(
  ctx: SystemContext,
  deps: MatchingDeps,
  tenantId: string,
  passId: string,
): Promise<PostingAlertsResult> {
  let saved = 0;
  const result = await runAlertPass(ctx, deps, tenantId, passId, async (searches, changed) => {
    saved = searches.length;
    return selectSearches(ctx, deps, tenantId, searches, changed);
  });
  return { ...result, saved };
}

const queryOf = (s: SavedSearchRow) =>
  savedSearchQuery.safeParse(typeof s.query === 'string' ? JSON.parse(s.query) : s.query);

/**
 * Query searches: each search's analysed terms go into a term index, and each changed posting's own terms
 * (from the posting index) look up the searches holding any of them. Profile-fit searches: for each changed
 * posting, the candidate index (GraduateIndex, the candidate lists' exact hybrid top) scores the graduates with
 * such a search at once, and those within PROFILE_MARGIN of their threshold are checked exactly.
 */
async function selectSearches(
  ctx: SystemContext,
  deps: MatchingDeps,
  tenantId: string,
  searches: readonly SavedSearchRow[],
  changed: readonly ChangedPosting[],
): Promise<Set<string>> {
  const postings = await deps.engine.postings(ctx.database, tenantId);
  const open = [...new Set(changed.map((c) => c.id))].filter((id) => postings.has(id));
  const taken = new Set<string>();
  if (open.length === 0) return taken;

  const terms = new SavedSearchTermIndex();
  for (const s of searches) {
    if (s.kind === 'profile') continue;
    const q = queryOf(s);
    if (q.success) terms.add(s.id, postings.lexical.query(q.data.q, { correct: true }).terms);
  }
  for (const id of open) {
    const side = postings.lexical.documentSide(id);
    if (side) for (const s of terms.searchesFor(side.parts.keys())) taken.add(s);
  }

  const profile = searches.filter((s) => s.kind === 'profile');
  if (profile.length === 0) return taken;
  const graduates = await deps.engine.graduates(ctx.database, tenantId);
  const threshold = new Map<string, number>();
  for (const s of profile) {
    const min = s.min_score ?? 1;
    threshold.set(s.graduate_id, Math.min(min, threshold.get(s.graduate_id) ?? Infinity));
  }
  const similarity = taxonomySimilarity(getTaxonomy());
  const reached = new Set<string>();
  // No await from here on: the indexes' rows stay where the mask says they are.
  const mask = new Uint8Array(graduates.size);
  for (const id of threshold.keys()) {
    const row = graduates.vectors.rowOf(id);
    if (row !== undefined) mask[row] = 1;
  }
  for (const id of open) {
    const posting = postings.get(id);
    const vector = postings.vectors.vectorOf(id);
    if (!posting || !vector) continue;
    const query: CandidateQuery = {
      posting: posting.features,
      vector,
      weights: deps.weights,
      similarity,
      lexical: postings.lexical.documentSide(id),
    };
    const { hits } = graduates.shortlist(query, mask, threshold.size);
    const hit = hits.map((h) => ({ graduateId: h.id, approx: h.approx }));
    for (const g of profileFitCandidates(hit, threshold, PROFILE_MARGIN)) reached.add(g);
  }
  for (const s of profile) if (reached.has(s.graduate_id)) taken.add(s.id);
  return taken;
}
