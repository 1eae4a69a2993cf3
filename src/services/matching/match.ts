import { postingFeatures, profileFeatures, profileText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import { scoreMatch } from '../../domain/matching/score.ts';
import { invalid } from '../../domain/errors.ts';
import type { GraduateCreate } from '../../domain/model/graduate.ts';
import type { Posting, PostingCreate } from '../../domain/model/posting.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { dot } from '../../domain/text/embedder.ts';
import { toPosting } from '../../storage/mappers.ts';
import { findPostingsByIds } from '../../storage/postings.repo.ts';
import { requireRole } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { normalizePostingSkills, normalizeProfileSkills } from '../skills.ts';
import type { MatchingDeps } from './deps.ts';
import { lexicalFor } from './engine.ts';
import { matchView } from './present.ts';

export interface MatchInput {
  profile: GraduateCreate;
  postings?: PostingCreate[] | undefined;
  postingIds?: string[] | undefined;
}

/**
 * Scores one given profile against given postings (inline, or open postings of the tenant by id) and
 * returns them sorted. Nothing is stored and no impression is recorded: a what-would-it-say tool.
 */
export async function matchProfile({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  input: MatchInput;
}) {
  requireRole(ctx.principal, ['graduate', 'career_office', 'admin', 'employer'], 'score profiles');
  const inline = (input.postings ?? []).map((p, i): Posting => ({
    ...p,
    id: `inline-${i}`,
    tenantId: ctx.principal.tenantId,
    employerId: p.employerId ?? '',
    createdAt: '',
    updatedAt: '',
    requiredSkills: normalizePostingSkills(p.requiredSkills),
    preferredSkills: normalizePostingSkills(p.preferredSkills),
  }));
  let stored: Posting[] = [];
  if (input.postingIds && input.postingIds.length > 0) {
    const only =
      ctx.principal.role === 'graduate'
        ? { open: true }
        : ctx.principal.role === 'employer'
          ? { employerId: ctx.principal.employerId ?? '' }
          : {};
    stored = (await findPostingsByIds(ctx.database.db, ctx.principal.tenantId, input.postingIds, only)).map(toPosting);
    const found = new Set(stored.map((p) => p.id));
    const missing = input.postingIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw invalid(`body.postingIds.${missing}`, 'no such posting visible to this key.');
  }
  const postings = [...inline, ...stored];
  if (postings.length === 0) throw invalid('body.postings', 'give at least one posting (postings or postingIds).');
  const profile = { ...input.profile, skills: normalizeProfileSkills(input.profile.skills) };
  const taxonomy = getTaxonomy();
  const features = profileFeatures(profile, taxonomy);
  const pv = await deps.engine.profileVector(`adhoc:${ctx.requestId}`, profile);
  deps.engine.forget(`adhoc:${ctx.requestId}`);
  const vectors = await deps.engine.embedPostings(postings);
  const similarity = taxonomySimilarity(taxonomy);
  const index = await deps.engine.postings(ctx.database, ctx.principal.tenantId);
  const text = profileText(profile, new Set(), taxonomy);
  const results = postings
    .map((p, i) => {
      const v = vectors[i];
      const lexical = lexicalFor(index, p, text);
      return {
        postingId: p.id.startsWith('inline-') ? null : p.id,
        index: p.id.startsWith('inline-') ? Number(p.id.slice(7)) : null,
        title: p.title,
        ...matchView(
          scoreMatch(features, postingFeatures(p, taxonomy), v ? dot(pv, v) : 0, deps.weights, similarity, lexical),
        ),
      };
    })
    .sort((a, b) => b.score - a.score);
  return { modelVersion: deps.weights.version, embedder: deps.engine.embedder.id, stored: false as const, results };
}
