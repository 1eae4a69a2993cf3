import { invalid } from '../../domain/errors.ts';
import type { MatchScore } from '../../domain/matching/score.ts';
import { recordAccess } from '../../storage/access-log.repo.ts';
import { findServedImpression } from '../../storage/impressions.repo.ts';
import type { ServiceContext } from '../context.ts';
import type { MatchingDeps } from '../matching/deps.ts';
import { isSelf } from '../self-access.ts';

/** The impression this explanation is about, and whether the score has moved since it was served. */
export interface ServedImpression {
  impressionId: string;
  listId: string;
  rank: number;
  servedScore: number;
  servedAt: string;
  modelVersion: string;
  embedderId: string;
  personalized: boolean;
  /** The list was reordered by fairness re-ranking after scoring (scores unchanged), so rank may not follow score. */
  reranked: boolean;
  /** The score now differs from the score served (the profile, the posting or the model changed). */
  scoreChanged: boolean;
  /** The model version or embedder now differs from the one that served it. */
  modelChanged: boolean;
  /** Components whose contribution differs from the one served. */
  changedComponents: string[];
}

interface Lookup {
  graduateId: string;
  postingId: string;
  listKind: 'recommendations' | 'candidates';
  /** Only lists served to this viewer (an employer sees its own candidate lists only). */
  viewerId?: string;
  impressionId?: string | undefined;
}

const parseComponents = (raw: unknown): Array<{ name: string; contribution: number }> => {
  const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  if (!Array.isArray(value)) return [];
  return value.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return [];
    const { name, contribution } = c as { name?: unknown; contribution?: unknown };
    return typeof name === 'string' && typeof contribution === 'number' ? [{ name, contribution }] : [];
  });
};

/**
 * The given impression of this pair, or the latest one; null when none was served. An impression id
 * that does not belong to this pair (or viewer) is a 400 on the query, so ids of other people's lists
 * reveal nothing beyond "not this pair".
 */
export async function servedImpression(
  ctx: ServiceContext,
  deps: MatchingDeps,
  lookup: Lookup,
  current: MatchScore,
): Promise<ServedImpression | null> {
  await deps.impressions.flush();
  const row = await findServedImpression(ctx.database.db, ctx.principal.tenantId, lookup);
  if (!row) {
    if (lookup.impressionId !== undefined)
      throw invalid('query.impressionId', 'no impression with this id was served for this graduate and posting.');
    return null;
  }
  const served = new Map(parseComponents(row.components).map((c) => [c.name, c.contribution]));
  const score = row.score;
  return {
    impressionId: row.id,
    listId: row.listId,
    rank: row.rank,
    servedScore: score,
    servedAt: row.createdAt.toISOString(),
    modelVersion: row.modelVersion,
    embedderId: row.embedderId,
    personalized: row.personalized,
    reranked: row.reranked,
    scoreChanged: score !== current.score,
    modelChanged: row.modelVersion !== deps.weights.version || row.embedderId !== deps.engine.embedder.id,
    // A non-personalized impression has no components: nothing to compare.
    changedComponents:
      served.size === 0
        ? []
        : current.components.filter((c) => served.get(c.name) !== c.contribution).map((c) => c.name),
  };
}

/** Explanations are personal data about the graduate: every read by someone else is logged. */
export async function logExplanationRead(
  ctx: ServiceContext,
  graduateId: string,
  postingId: string | null,
): Promise<void> {
  if (isSelf(ctx.principal, graduateId)) return;
  await recordAccess(ctx.database.db, {
    tenantId: ctx.principal.tenantId,
    actorKeyId: ctx.principal.keyId,
    actorRole: ctx.principal.role,
    action: 'read_explanation',
    subjectType: 'explanation',
    subjectId: postingId,
    graduateId,
    requestId: ctx.requestId,
    at: ctx.clock.now(),
  });
}
