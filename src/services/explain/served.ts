import { DomainError, notFound } from '../../domain/errors.ts';
import { servedMatch } from '../../domain/matching/served.ts';
import type { MatchScore } from '../../domain/matching/score.ts';
import {
  explainMove,
  MOVE_CAUSES,
  type CrossListPolicy,
  type FairnessMove,
  type MoveCause,
} from '../../domain/explain/rerank-move.ts';
import { recordAccess } from '../../storage/access-log.repo.ts';
import { findRerankLogForList } from '../../storage/rerank.repo.ts';
import { findServedImpression, type ServedImpressionRow } from '../../storage/impressions.repo.ts';
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
  /** Where fairness re-ranking served it at another rank than its score gave: both ranks and why; else null. */
  fairnessMove: FairnessMove | null;
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
 * The impression named by `lookup.impressionId` (required here): 404 when this tenant served no such
 * impression of this pair in this kind of list (to this viewer, where one is given), so the id of someone
 * else's list reveals nothing.
 */
export async function givenImpression(
  ctx: ServiceContext,
  deps: MatchingDeps,
  lookup: Lookup & { impressionId: string },
): Promise<ServedImpressionRow> {
  await deps.impressions.flush();
  const row = await findServedImpression(ctx.database.db, ctx.principal.tenantId, lookup);
  if (!row) throw notFound('Impression');
  return row;
}

/**
 * The match of a personalized impression exactly as served (its stored score, components and detail), or null
 * for a non-personalized one (nothing was scored). 409 when it was served before matches were stored with
 * their impressions: its numbers are known but not the skills and evidence an explanation shows, and a
 * recomputation would explain today's score, not the one served (ask without impressionId for that).
 */
export function servedMatchOf(row: ServedImpressionRow): MatchScore | null {
  if (!row.personalized) return null;
  const match = servedMatch(row.score, row.components, row.matchDetail);
  if (!match) {
    const message =
      'served before explanations were stored with impressions; ask without impressionId for the score now.';
    throw new DomainError('conflict', `This impression was ${message}`, {
      errors: [{ path: 'query.impressionId', message }],
    });
  }
  return match;
}

/** The latest impression of this pair (and viewer), null when none was served. */
export async function latestImpression(
  ctx: ServiceContext,
  deps: MatchingDeps,
  lookup: Omit<Lookup, 'impressionId'>,
): Promise<ServedImpressionRow | null> {
  await deps.impressions.flush();
  return (await findServedImpression(ctx.database.db, ctx.principal.tenantId, lookup)) ?? null;
}

/**
 * An impression as cited beside an explanation, compared with the score now (`current`; null when no
 * profile-based score exists now, and then nothing is said to have changed).
 */
export function servedImpression(
  deps: MatchingDeps,
  row: ServedImpressionRow,
  current: MatchScore | null,
  fairnessMove: FairnessMove | null = null,
): ServedImpression {
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
    scoreChanged: current !== null && score !== current.score,
    modelChanged: row.modelVersion !== deps.weights.version || row.embedderId !== deps.engine.embedder.id,
    // A non-personalized impression has no components: nothing to compare.
    changedComponents:
      served.size === 0 || current === null
        ? []
        : current.components.filter((c) => served.get(c.name) !== c.contribution).map((c) => c.name),
    fairnessMove,
  };
}

const isCause = (c: unknown): c is MoveCause => (MOVE_CAUSES as readonly unknown[]).includes(c);

/**
 * The fairness move of a re-ranked impression, read from the list's re-ranking log: its rank by score (its
 * place in the logged score order) and as served (the impression's rank, which the log's served order
 * agrees with), and the cause the re-ranker recorded for that position (lists logged before causes were
 * recorded, or by methods that record none: the method's constraint when moved up, making room when down).
 * Null when the list was not re-ranked or the graduate kept the rank the score gave.
 */
export async function fairnessMoveOf(
  ctx: ServiceContext,
  row: ServedImpressionRow,
  graduateId: string,
): Promise<FairnessMove | null> {
  if (!row.reranked) return null;
  const log = await findRerankLogForList(ctx.database.db, ctx.principal.tenantId, row.listId);
  if (!log) return null;
  const before = log.beforeIds.indexOf(graduateId);
  const scoreRank = before === -1 ? null : before + 1;
  if (scoreRank === row.rank) return null;
  const recorded = log.moves.find(
    (m): m is { servedRank: number; cause: unknown } =>
      typeof m === 'object' && m !== null && (m as { servedRank?: unknown }).servedRank === row.rank,
  );
  const up = scoreRank === null || scoreRank > row.rank;
  const cause: MoveCause = isCause(recorded?.cause) ? recorded.cause : up ? 'constraint' : 'made_room';
  const params = typeof log.params === 'object' && log.params !== null ? (log.params as Record<string, unknown>) : {};
  const policy = crossListPolicy(params.crossList);
  return explainMove({ scoreRank, servedRank: row.rank, score: row.score, cause, policy });
}

function crossListPolicy(v: unknown): CrossListPolicy | null {
  if (typeof v !== 'object' || v === null) return null;
  const { windowDays, selectedTop, ratio } = v as Record<string, unknown>;
  return typeof windowDays === 'number' && typeof selectedTop === 'number' && typeof ratio === 'number'
    ? { windowDays, selectedTop, ratio }
    : null;
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
