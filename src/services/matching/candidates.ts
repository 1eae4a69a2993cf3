import { postingFeatures, profileFeatures, profileText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import { scoreMatch } from '../../domain/matching/score.ts';
import { notFound } from '../../domain/errors.ts';
import { assertGraduateFilters, filterGraduates, type GraduateFilters } from '../../domain/matching/graduate-filter.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { assertApprovedEmployer } from '../employer-signup.ts';
import { dot } from '../../domain/text/embedder.ts';
import { listCandidateGraduates } from '../../storage/graduates.repo.ts';
import type { NewImpression } from '../../storage/impressions.repo.ts';
import { toMatchableGraduate, toPosting } from '../../storage/mappers.ts';
import { getPostingOr404 } from '../../storage/postings.repo.ts';
import { requireRole } from '../access.ts';
import { newId, type ServiceContext } from '../context.ts';
import { fairnessRerank } from '../mitigation/rerank.ts';
import { aiNotice, type MatchingDeps } from './deps.ts';
import { lexicalFor } from './engine.ts';
import { matchView, type MatchView } from './present.ts';

interface CandidateItem {
  rank: number;
  impressionId: string;
  graduate: { id: string; name: string; degree: string | null; majors: string[]; graduationDate: string | null };
  match: MatchView;
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
  const row = await getPostingOr404(db, ctx.principal.tenantId, postingId);
  if (ctx.principal.role === 'employer' && row.employer_id !== ctx.principal.employerId) throw notFound('Job posting');
  await assertApprovedEmployer(ctx);
  const posting = toPosting(row);
  const audience = ctx.principal.role === 'employer' ? 'employer' : 'career_office';
  const taxonomy = getTaxonomy();
  const graduates = filterGraduates(
    (await listCandidateGraduates(db, ctx.principal.tenantId, audience)).map(toMatchableGraduate),
    filters,
    taxonomy,
  );
  const similarity = taxonomySimilarity(taxonomy);
  const pf = postingFeatures(posting, taxonomy);
  const [pv] = await deps.engine.embedPostings([posting]);
  const index = await deps.engine.postings(ctx.database, ctx.principal.tenantId);
  const scored = [];
  for (const { graduate, suppressed } of graduates) {
    const features = profileFeatures(graduate, taxonomy, suppressed);
    const gv = await deps.engine.profileVector(graduate.id, graduate, suppressed);
    const lexical = lexicalFor(index, posting, profileText(graduate, suppressed, taxonomy));
    scored.push({
      graduate,
      features,
      match: scoreMatch(features, pf, pv ? dot(pv, gv) : 0, deps.weights, similarity, lexical),
    });
  }
  scored.sort((a, b) => b.match.score - a.match.score || (a.graduate.id < b.graduate.id ? -1 : 1));
  // Fairness re-ranking (when the tenant switched it on) only reorders the scored list; scoring above never sees demographics.
  const rerank = await fairnessRerank(
    ctx.database,
    ctx.principal.tenantId,
    scored.map((s) => ({ id: s.graduate.id, score: s.match.score })),
  );
  const ordered = rerank ? inOrder(scored, rerank.order) : scored;
  const now = ctx.clock.now();
  const listId = newId();
  const items: CandidateItem[] = [];
  const impressions: NewImpression[] = [];
  for (const s of ordered.slice(0, limit)) {
    const impressionId = newId();
    const highest = [...s.graduate.education].sort((a, b) => (a.graduationDate < b.graduationDate ? 1 : -1))[0];
    items.push({
      rank: items.length + 1,
      impressionId,
      match: matchView(s.match),
      graduate: {
        id: s.graduate.id,
        name: s.graduate.name,
        degree: s.features.degree,
        majors: s.graduate.education.map((e) => e.major),
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
      graduateId: s.graduate.id,
      postingId: posting.id,
      rank: items.length,
      score: s.match.score,
      components: s.match.components,
      modelVersion: deps.weights.version,
      embedderId: deps.engine.embedder.id,
      personalized: true,
      reranked: rerank !== null,
      createdAt: now,
    });
  }
  await deps.impressions.record(ctx.database, impressions);
  if (rerank) {
    const view = (list: readonly { graduate: { id: string }; match: { score: number } }[]) =>
      list.slice(0, limit).map((s) => ({ id: s.graduate.id, score: s.match.score }));
    await rerank.record({
      listId,
      postingId: posting.id,
      requestId: ctx.requestId,
      now,
      served: view(ordered),
      before: view(scored),
    });
  }
  return {
    listId,
    postingId,
    items,
    considered: scored.length,
    // A shortlist an employer takes away is an automated product until a person has reviewed it (PIPL art. 24).
    automated: true as const,
    ai: aiNotice(deps, true, null),
    fairnessReranking: rerank ? { reranked: true as const, ...rerank.notice } : { reranked: false as const },
  };
}
