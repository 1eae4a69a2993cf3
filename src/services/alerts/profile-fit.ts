import { summaryLine } from '../../domain/explain/summary-line.ts';
import { profileFeatures, profileText, taxonomySimilarity } from '../../domain/matching/extract.ts';
import { scoreMatch } from '../../domain/matching/score.ts';
import type { Lang } from '../../domain/model/common.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import type { NewImpression } from '../../storage/impressions.repo.ts';
import { newId, type ServiceContext } from '../context.ts';
import type { MatchingDeps } from '../matching/deps.ts';
import { prepareRecommendations } from '../matching/prepare.ts';

/** A posting that fits, as the alert pass stores it. */
export interface FitHit {
  postingId: string;
  impressionId: string;
  score: number;
  explanation: string;
  impression: NewImpression;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/**
 * "New postings that fit my profile": each candidate (open, the graduate's degree eligible, not applied to or
 * dismissed) is scored with the graduate's own match, the score of their recommendations (scoreMatch: the same
 * features, weights, embedding cosine and keyword match), and kept when it reaches `minScore`, best first, with
 * the recommendation's own one-line summary. Without personalization (switched off, or AI ranking suspended)
 * nothing fits: a profile is not used unless the graduate and the tenant allow it.
 */
export async function profileFitHits(
  ctx: ServiceContext,
  deps: MatchingDeps,
  p: { graduateId: string; only: ReadonlySet<string>; minScore: number; lang: Lang; limit: number; listId: string },
): Promise<FitHit[]> {
  const state = await prepareRecommendations(ctx, deps, p.graduateId, { limit: p.limit });
  if (state.reason !== null) return [];
  const { graduate, suppressed, index, exclude, now } = state;
  const taxonomy = getTaxonomy();
  const features = profileFeatures(graduate, taxonomy, suppressed);
  const vector = await deps.engine.profileVector(graduate.id, graduate, suppressed);
  const similarity = taxonomySimilarity(taxonomy);
  const lexical = index.lexical.query(profileText(graduate, suppressed, taxonomy));
  const mask = index.mask({ now: now.getTime(), exclude, eligibleDegree: features.degree });
  const scored = [...p.only].flatMap((id) => {
    const row = index.vectors.rowOf(id);
    const posting = index.get(id);
    const postingVector = index.vectors.vectorOf(id);
    if (row === undefined || mask[row] !== 1 || !posting || !postingVector) return [];
    const match = scoreMatch(
      features,
      posting.features,
      dot(vector, postingVector),
      deps.weights,
      similarity,
      index.lexical.match(id, lexical),
    );
    return match.score >= p.minScore ? [{ id, match }] : [];
  });
  scored.sort((a, b) => b.match.score - a.match.score || a.id.localeCompare(b.id));
  return scored.slice(0, p.limit).map(({ id, match }, i) => {
    const impressionId = newId();
    return {
      postingId: id,
      impressionId,
      score: match.score,
      explanation: summaryLine(match, p.lang),
      impression: {
        id: impressionId,
        tenantId: ctx.principal.tenantId,
        requestId: ctx.requestId,
        listId: p.listId,
        listKind: 'alert',
        viewerRole: 'graduate',
        viewerId: graduate.id,
        graduateId: graduate.id,
        postingId: id,
        rank: i + 1,
        score: match.score,
        components: match.components,
        modelVersion: deps.weights.version,
        embedderId: deps.engine.embedder.id,
        personalized: true,
        createdAt: now,
      },
    };
  });
}
