import { notFound } from '../../domain/errors.ts';
import {
  assertGraduateFilters,
  resolveGraduateFilters,
  type GraduateFilters,
} from '../../domain/matching/graduate-filter.ts';
import type { RerankAttribute } from '../../domain/model/reranking-settings.ts';
import type { GraduateIndex, RankedGraduate } from '../../domain/search/graduate-index.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { assertApprovedEmployer } from '../employer-signup.ts';
import { candidateCardsByIds } from '../../storage/graduate-index.repo.ts';
import { matchDetailOf, type MatchDetail } from '../../domain/matching/served.ts';
import type { MatchScore } from '../../domain/matching/score.ts';
import type { NewImpression } from '../../storage/impressions.repo.ts';
import { toCandidateCard, toPosting } from '../../storage/mappers.ts';
import { postingListInputs } from '../../storage/list-inputs.repo.ts';
import { requireRole } from '../access.ts';
import { newId, type ServiceContext } from '../context.ts';
import { consentedGroups, UNKNOWN_GROUP } from '../mitigation/consented-groups.ts';
import { fairnessRerank } from '../mitigation/rerank.ts';
import { parseTenantSettings } from '../tenant-settings.ts';
import { candidateSide } from './candidate-side.ts';
import { aiNotice, type MatchingDeps } from './deps.ts';
import { matchView, type MatchView } from './present.ts';

interface CandidateItem {
  rank: number;
  impressionId: string;
  graduate: { id: string; name: string; degree: string | null; majors: string[]; graduationDate: string | null };
  match: MatchView;
}

/** What an item shows and records of a match, built once per match: a kept ranking gives the same ones each list. */
interface Shown {
  view: MatchView;
  detail: MatchDetail;
  stored: { components: string; matchDetail: string };
}
const shown = new WeakMap<MatchScore, Shown>();

/** The match's view, detail and their stored JSON, from a kept ranking's match (CandidateSide.rank) made once. */
function shownOf(match: MatchScore): Shown {
  let held = shown.get(match);
  if (held === undefined) {
    const detail = matchDetailOf(match);
    const stored = { components: JSON.stringify(match.components), matchDetail: JSON.stringify(detail) };
    held = { view: matchView(match), detail, stored };
    shown.set(match, held);
  }
  return held;
}

const inOrder = <T>(list: readonly T[], order: readonly number[]): T[] =>
  order.flatMap((i) => (list[i] === undefined ? [] : [list[i]]));

/**
 * Graduates for a posting, for its employer or the tenant's career office. Employers see only graduates
 * whose profile is visible to employers and who consented to that; the career office also sees those
 * visible to it. Every list is recorded as impressions (the audit's selection data).
 */
export async function candidatesForPosting({
  ctx,
  deps,
  postingId,
  limit,
  filters = {},
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  postingId: string;
  limit: number;
  filters?: GraduateFilters;
}) {
  requireRole(ctx.principal, ['employer', 'career_office', 'admin'], 'list candidates');
  assertGraduateFilters(filters);
  const { db } = ctx.database;
  // One round trip for the posting, the tenant's settings and both indexes' versions.
  const inputs = await postingListInputs(db, ctx.principal.tenantId, postingId);
  const row = inputs.posting;
  if (ctx.principal.role === 'employer' && row.employer_id !== ctx.principal.employerId) throw notFound('Job posting');
  await assertApprovedEmployer(ctx);
  const posting = toPosting(row);
  const audience = ctx.principal.role === 'employer' ? 'employer' : 'career_office';
  const side = await candidateSide(ctx, deps, posting, inputs);
  const { graduates: index } = side;
  const filter = {
    audience,
    ...resolveGraduateFilters(filters, getTaxonomy()),
    qTerms: filters.q === undefined ? undefined : index.queryTerms(filters.q),
  } as const;
  const settings = parseTenantSettings(inputs.tenantSettings).reranking;
  const groups = settings.enabled ? await groupsOf(ctx, settings.attribute, index, index.mask(filter)) : null;
  // No await from the mask to the last rank: a concurrent sync may move rows.
  const { mask, count: considered, shared } = index.allowed(filter);
  // Re-ranking reorders the top settings.k by group, taking each group's best in score order: every
  // group's exact top k, with the list's own top, holds all it can place (the rest follow by score).
  const pool = groups ? [mask, ...groupMasks(index, mask, groups)] : [mask];
  const depth = settings.enabled ? Math.max(limit, settings.k) : limit;
  const byId = new Map<string, RankedGraduate>();
  for (const m of pool) for (const r of side.rank(m, depth, shared && m === mask)) byId.set(r.id, r);
  const ranked = [...byId.values()].sort(
    (a, b) => b.match.score - a.match.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // Fairness re-ranking (when the tenant switched it on) only reorders the scored list; scoring above never sees
  // demographics.
  const rerank = await fairnessRerank(
    ctx.database,
    ctx.principal.tenantId,
    ranked.map((s) => ({ id: s.id, score: s.match.score })),
    { served: limit, now: ctx.clock.now() },
    settings,
  );
  const ordered = (rerank ? inOrder(ranked, rerank.order) : ranked).slice(0, limit);
  const rows = new Map(
    (
      await candidateCardsByIds(
        ctx.database.db,
        ctx.principal.tenantId,
        ordered.map((s) => s.id),
      )
    ).map((r) => [r.id, r]),
  );
  const now = ctx.clock.now();
  const listId = newId();
  const items: CandidateItem[] = [];
  const impressions: NewImpression[] = [];
  for (const s of ordered) {
    const found = rows.get(s.id);
    // Erased between the scan and this read: nothing left to show.
    if (!found) continue;
    const graduate = toCandidateCard(found);
    const impressionId = newId();
    const highest = [...graduate.education].sort((a, b) => (a.graduationDate < b.graduationDate ? 1 : -1))[0];
    const { view, detail, stored } = shownOf(s.match);
    items.push({
      rank: items.length + 1,
      impressionId,
      match: view,
      graduate: {
        id: graduate.id,
        name: graduate.name,
        degree: index.degreeOf(s.id) ?? null,
        majors: graduate.education.map((e) => e.major),
        graduationDate: highest?.graduationDate ?? null,
      },
    });
    impressions.push({
      id: impressionId,
      tenantId: ctx.principal.tenantId,
      requestId: ctx.requestId,
      listId,
      listKind: 'candidates',
      viewerRole: ctx.principal.role,
      viewerId: ctx.principal.employerId ?? null,
      graduateId: s.id,
      postingId: posting.id,
      rank: items.length,
      score: s.match.score,
      components: s.match.components,
      matchDetail: detail,
      stored,
      modelVersion: deps.weights.version,
      embedderId: deps.engine.embedder.id,
      personalized: true,
      reranked: rerank !== null,
      createdAt: now,
    });
  }
  await deps.impressions.record(ctx.database, impressions);
  if (rerank) {
    const view = (list: readonly RankedGraduate[]) =>
      list.slice(0, limit).map((s) => ({ id: s.id, score: s.match.score }));
    await rerank.record({
      listId,
      postingId: posting.id,
      requestId: ctx.requestId,
      now,
      served: view(ordered),
      before: view(ranked),
    });
  }
  return {
    listId,
    postingId,
    items,
    considered,
    // A shortlist an employer takes away is an automated product until a person has reviewed it (PIPL art. 24).
    automated: true as const,
    ai: aiNotice(deps, true, null),
    fairnessReranking: rerank ? { reranked: true as const, ...rerank.notice } : { reranked: false as const },
  };
}

/** The consented group of each allowed graduate that has one (re-ranking's input; the scorer never sees it). */
async function groupsOf(
  ctx: ServiceContext,
  attribute: RerankAttribute,
  index: GraduateIndex,
  mask: Uint8Array,
): Promise<Map<string, string>> {
  const ids: string[] = [];
  mask.forEach((m, row) => {
    if (m === 1) ids.push(index.vectors.idAt(row) ?? '');
  });
  const groups = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const chunk = await consentedGroups(ctx.database, ctx.principal.tenantId, attribute, ids.slice(i, i + 10_000));
    for (const [id, g] of chunk) groups.set(id, g);
  }
  return groups;
}

/** One mask per group (unknown included) within `mask`. */
function groupMasks(index: GraduateIndex, mask: Uint8Array, groups: ReadonlyMap<string, string>): Uint8Array[] {
  const masks = new Map<string, Uint8Array>();
  mask.forEach((m, row) => {
    if (m !== 1) return;
    const group = groups.get(index.vectors.idAt(row) ?? '') ?? UNKNOWN_GROUP;
    let g = masks.get(group);
    if (!g) masks.set(group, (g = new Uint8Array(mask.length)));
    g[row] = 1;
  });
  return [...masks.values()];
}
