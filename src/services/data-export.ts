import { identityPattern } from '../domain/privacy/identity-pattern.ts';
import { listAccessLog } from '../storage/access-log.repo.ts';
import { findTextNaming, listNotesAbout } from '../storage/erasure.repo.ts';
import { findDemographics, listConsentEvents } from '../storage/consents.repo.ts';
import { listEmbeddingsOf, listImpressionsOf, listInteractionsOf } from '../storage/graduate-data.repo.ts';
import { getGraduateOr404 } from '../storage/graduates.repo.ts';
import { suppressedTagsOf, toGraduate } from '../storage/mappers.ts';
import { listProfileEvents } from '../storage/profile-events.repo.ts';
import { listReviews } from '../storage/reviews.repo.ts';
import { listOutcomesOf } from '../storage/outcomes.repo.ts';
import { toOutcome } from './outcomes.ts';
import { applicationsOfGraduate } from './applications.ts';
import { alertsOfGraduate } from './alerts/feed.ts';
import { savedSearchesOfGraduate } from './alerts/saved-searches.ts';
import { bytesToBase64 } from '../domain/text/base64.ts';
import { findResumeFile, listResumeDrafts } from '../storage/resume.repo.ts';
import { toDraftView } from './resume/index.ts';
import { assertCanSeeGraduate } from './access.ts';
import { toAccessLogEntry, logGraduateReads } from './access-log.ts';
import { toOverview } from './consents.ts';
import type { ServiceContext } from './context.ts';
import { toDemographics } from './demographics.ts';
import { listTags } from './matching/tags.ts';
import { skillRef } from './matching/present.ts';
import { isSelf } from './self-access.ts';
import { toReview } from './reviews.ts';
import { isoTime } from '../domain/iso.ts';

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
/** Far more than any one person's log; an export is never silently cut. */
const ALL = 1_000_000;

/**
 * Everything held about one graduate (PIPL art. 45: access and copy), read in one transaction so the
 * parts agree. Demographics go only to the graduate themself; a staff export says they are withheld.
 * A staff export is itself logged as an access. The free text erasure clears is all here: interaction
 * reasons, appeals, reviewers' notes on lists the graduate was on, and any other text naming them.
 */
export async function exportGraduate({ ctx, graduateId }: { ctx: ServiceContext; graduateId: string }) {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const tenantId = ctx.principal.tenantId;
  const self = isSelf(ctx.principal, graduateId);
  return ctx.database.db.transaction().execute(async (trx) => {
    const row = await getGraduateOr404(trx, tenantId, graduateId);
    const profile = toGraduate(row);
    const demographicsRow = self ? await findDemographics(trx, tenantId, graduateId) : undefined;
    const events = await listProfileEvents(trx, tenantId, graduateId);
    const suppressed = suppressedTagsOf(row.suppressed_tags);
    const out = {
      exportedAt: ctx.clock.now().toISOString(),
      graduateId,
      profile,
      tags: listTags(profile, suppressed).map((t) => ({
        tagId: t.tagId,
        kind: t.kind,
        label: t.label,
        source: t.source,
        evidence: t.evidence,
      })),
      deletedTags: [...suppressed].map((tagId) => ({ tagId, label: skillRef(tagId) })),
      personalizationEnabled: row.personalization_enabled,
      consents: toOverview(graduateId, await listConsentEvents(trx, tenantId, graduateId)),
      demographics: demographicsRow ? toDemographics(demographicsRow) : null,
      withheld: self ? [] : ['demographics'],
      profileEvents: events.map((e) => ({
        kind: e.kind,
        detail: parsed(e.detail),
        actorKeyId: e.actor_key_id,
        actorRole: e.actor_role,
        at: isoTime(e.created_at),
      })),
      embeddings: (await listEmbeddingsOf(trx, tenantId, graduateId)).map((e) => ({
        modelId: e.model_id,
        dims: e.dims,
        contentHash: e.content_hash,
        updatedAt: isoTime(e.updated_at),
      })),
      impressions: (await listImpressionsOf(trx, tenantId, graduateId)).map((i) => ({
        id: i.id,
        listId: i.list_id,
        listKind: i.list_kind,
        viewerRole: i.viewer_role,
        postingId: i.posting_id,
        rank: i.rank,
        score: i.score,
        components: parsed(i.components),
        // The served match's skills, evidence, criteria and terms (null on lists served before they were stored).
        matchDetail: parsed(i.match_detail) ?? null,
        modelVersion: i.model_version,
        embedderId: i.embedder_id,
        personalized: i.personalized,
        reranked: i.reranked,
        at: isoTime(i.created_at),
      })),
      interactions: (await listInteractionsOf(trx, tenantId, graduateId)).map((i) => ({
        id: i.id,
        postingId: i.posting_id,
        impressionId: i.impression_id,
        type: i.type,
        reason: i.reason,
        actorRole: i.actor_role,
        occurredAt: isoTime(i.occurred_at),
        recordedAt: isoTime(i.created_at),
      })),
      outcomes: (await listOutcomesOf(trx, tenantId, graduateId)).map(toOutcome),
      applications: await applicationsOfGraduate(trx, tenantId, graduateId),
      savedSearches: await savedSearchesOfGraduate(trx, tenantId, graduateId),
      ...(await alertsOfGraduate(trx, tenantId, graduateId)),
      resume: await resumeOfGraduate(trx, tenantId, graduateId),
      reviews: (await listReviews(trx, tenantId, { graduateId }, { limit: ALL })).map(toReview),
      listReviewNotes: (await listNotesAbout(trx, tenantId, graduateId)).map((n) => ({
        ...n,
        reviewedAt: isoTime(n.reviewedAt),
      })),
      textNamingGraduate: await findTextNaming(trx, tenantId, identityPattern(row)),
      accessLog: (await listAccessLog(trx, tenantId, { graduateId }, { limit: ALL })).map(toAccessLogEntry),
    };
    await logGraduateReads(trx, ctx, 'export', [graduateId]);
    return out;
  });
}

/** The graduate's résumé drafts and the kept file itself (base64), when they asked for it to be kept. */
async function resumeOfGraduate(db: Parameters<typeof listResumeDrafts>[0], tenantId: string, graduateId: string) {
  const file = await findResumeFile(db, tenantId, graduateId);
  return {
    drafts: (await listResumeDrafts(db, tenantId, graduateId)).map(toDraftView),
    file: file
      ? {
          fileName: file.file_name,
          mediaType: file.media_type,
          sizeBytes: file.size_bytes,
          keptAt: isoTime(file.created_at),
          contentBase64: bytesToBase64(new Uint8Array(file.content)),
        }
      : null,
  };
}
