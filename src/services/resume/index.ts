import { DomainError, invalid, notFound } from '../../domain/errors.ts';
import { isoTime } from '../../domain/iso.ts';
import type { Graduate, GraduateUpdate } from '../../domain/model/graduate.ts';
import { extractResumeDraft, type ResumeDraftContent } from '../../domain/resume/index.ts';
import { getTaxonomy, normalizeSkillList } from '../../domain/skills/index.ts';
import { tagId } from '../../domain/matching/extract.ts';
import { getGraduateOr404 } from '../../storage/graduates.repo.ts';
import { suppressedTagsOf } from '../../storage/mappers.ts';
import { insertProfileEvent } from '../../storage/profile-events.repo.ts';
import * as repo from '../../storage/resume.repo.ts';
import type { ResumeDraftRow } from '../../storage/resume.schema.ts';
import { assertCanSeeGraduate, requireRole } from '../access.ts';
import { newId, type ServiceContext, withTransaction } from '../context.ts';
import { updateGraduate } from '../graduates.ts';
import { isSelf } from '../self-access.ts';
import { MAX_RESUME_BYTES, resumeMediaType, resumeText } from './file-text.ts';

export { MAX_RESUME_BYTES, RESUME_MEDIA_TYPES } from './file-text.ts';

export interface ResumeDraftView {
  id: string;
  graduateId: string;
  status: 'pending' | 'confirmed';
  fileName: string | null;
  mediaType: string;
  sizeBytes: number;
  uploadedByRole: string;
  createdAt: string;
  confirmedAt: string | null;
  appliedFields: string[];
  draft: ResumeDraftContent;
}

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export const toDraftView = (r: ResumeDraftRow): ResumeDraftView => ({
  id: r.id,
  graduateId: r.graduate_id,
  status: r.status === 'confirmed' ? 'confirmed' : 'pending',
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: r.size_bytes,
  uploadedByRole: r.uploaded_by_role,
  createdAt: isoTime(r.created_at),
  confirmedAt: r.confirmed_at ? isoTime(r.confirmed_at) : null,
  appliedFields: r.applied_fields ?? [],
  draft: parsed(r.draft) as ResumeDraftContent,
});

async function bytesSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads an uploaded résumé into a pending draft; the profile is not touched. The graduate uploads their own;
 * the career office may upload on a graduate's behalf (the graduate still confirms). The file is kept only
 * when the graduate themself asks (`keepFile`), replacing any kept before.
 */
export async function uploadResume({
  ctx,
  graduateId,
  bytes,
  contentType,
  fileName,
  keepFile,
}: {
  ctx: ServiceContext;
  graduateId: string;
  bytes: Uint8Array;
  contentType: string | undefined;
  fileName: string | undefined;
  keepFile: boolean;
}): Promise<ResumeDraftView & { fileKept: boolean }> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  requireRole(ctx.principal, ['graduate', 'career_office', 'admin'], 'upload résumés');
  if (keepFile && !isSelf(ctx.principal, graduateId)) {
    throw invalid('query.keepFile', 'only the graduate themself may ask for their résumé file to be kept.');
  }
  if (bytes.length === 0) throw invalid('body', 'the file is empty.');
  if (bytes.length > MAX_RESUME_BYTES) {
    throw new DomainError('payload_too_large', `body: the file is larger than ${MAX_RESUME_BYTES} bytes.`, {
      errors: [{ path: 'body', message: `larger than ${MAX_RESUME_BYTES} bytes` }],
    });
  }
  const mediaType = resumeMediaType(bytes, contentType);
  const graduate = await getGraduateOr404(ctx.database.db, ctx.principal.tenantId, graduateId);
  const text = await resumeText(bytes, mediaType);
  const draft = extractResumeDraft(text, { suppressed: suppressedTagsOf(graduate.suppressed_tags) });
  const contentSha256 = await bytesSha256(bytes);
  return withTransaction(ctx, async (tx) => {
    const row = await repo.insertResumeDraft(tx.database.db, {
      id: newId(),
      tenantId: ctx.principal.tenantId,
      graduateId,
      fileName: fileName ?? null,
      mediaType,
      sizeBytes: bytes.length,
      contentSha256,
      draft,
      uploadedByRole: ctx.principal.role,
      now: ctx.clock.now(),
    });
    if (keepFile) {
      await repo.putResumeFile(tx.database.db, {
        tenantId: ctx.principal.tenantId,
        graduateId,
        draftId: row.id,
        fileName: fileName ?? null,
        mediaType,
        content: bytes,
        now: ctx.clock.now(),
      });
    }
    return { ...toDraftView(row), fileKept: keepFile };
  });
}

export async function listDrafts({ ctx, graduateId }: { ctx: ServiceContext; graduateId: string }) {
  assertCanSeeGraduate(ctx.principal, graduateId);
  await getGraduateOr404(ctx.database.db, ctx.principal.tenantId, graduateId);
  const rows = await repo.listResumeDrafts(ctx.database.db, ctx.principal.tenantId, graduateId);
  return { items: rows.map(toDraftView) };
}

export async function getDraft({
  ctx,
  graduateId,
  draftId,
}: {
  ctx: ServiceContext;
  graduateId: string;
  draftId: string;
}): Promise<ResumeDraftView> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const row = await repo.findResumeDraft(ctx.database.db, ctx.principal.tenantId, graduateId, draftId);
  if (!row) throw notFound('Résumé draft');
  return toDraftView(row);
}

export type ResumeConfirmation = Pick<
  GraduateUpdate,
  'name' | 'email' | 'phone' | 'education' | 'experiences' | 'skills' | 'languages' | 'certificates' | 'summary'
>;

/**
 * The graduate accepts a draft: the fields they send (as they reviewed and edited them) replace the
 * profile's, fields not sent are kept. Only the graduate may confirm. An inferred skill the graduate had
 * deleted as a tag is refused (they may declare it again). One transaction: the profile, the draft's
 * status and a profile event change together or not at all.
 */
export async function confirmDraft({
  ctx,
  graduateId,
  draftId,
  input,
}: {
  ctx: ServiceContext;
  graduateId: string;
  draftId: string;
  input: ResumeConfirmation;
}): Promise<{ draft: ResumeDraftView; profile: Graduate }> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  if (!isSelf(ctx.principal, graduateId)) {
    throw invalid('path.id', 'only the graduate themself may confirm a draft of their profile.');
  }
  const fields = (Object.keys(input) as (keyof ResumeConfirmation)[]).filter((k) => input[k] !== undefined);
  if (fields.length === 0) {
    throw invalid('body', 'send at least one accepted field, or discard the draft with DELETE.');
  }
  return withTransaction(ctx, async (tx) => {
    const db = tx.database.db;
    const row = await repo.findResumeDraft(db, ctx.principal.tenantId, graduateId, draftId, { forUpdate: true });
    if (!row) throw notFound('Résumé draft');
    if (row.status !== 'pending') throw invalid('path.draftId', 'this draft was already confirmed.');
    const graduate = await getGraduateOr404(db, ctx.principal.tenantId, graduateId);
    const suppressed = suppressedTagsOf(graduate.suppressed_tags);
    if (input.skills) {
      const ids = normalizeSkillList(
        input.skills.map((s) => s.name),
        getTaxonomy(),
      ).map((i) => i.id ?? tagId(i.label));
      input.skills.forEach((s, i) => {
        if (s.source === 'inferred' && suppressed.has(ids[i] ?? '')) {
          throw invalid(`body.skills.${i}`, 'the graduate deleted this tag; declare it to use it again.');
        }
      });
    }
    const profile = await updateGraduate({ ctx: tx, id: graduateId, input });
    const confirmed = await repo.markResumeDraftConfirmed(db, ctx.principal.tenantId, draftId, fields, ctx.clock.now());
    await insertProfileEvent(db, {
      id: newId(),
      tenantId: ctx.principal.tenantId,
      graduateId,
      kind: 'resume_confirmed',
      detail: { draftId, fields },
      actorKeyId: ctx.principal.keyId,
      actorRole: ctx.principal.role,
      now: ctx.clock.now(),
    });
    return { draft: toDraftView(confirmed), profile };
  });
}

export async function discardDraft({
  ctx,
  graduateId,
  draftId,
}: {
  ctx: ServiceContext;
  graduateId: string;
  draftId: string;
}): Promise<void> {
  assertCanSeeGraduate(ctx.principal, graduateId);
  if (!(await repo.deleteResumeDraft(ctx.database.db, ctx.principal.tenantId, graduateId, draftId))) {
    throw notFound('Résumé draft');
  }
}

/** The kept file, for the graduate and the career office only (employers never reach a graduate's record). */
export async function getResumeFile({ ctx, graduateId }: { ctx: ServiceContext; graduateId: string }) {
  assertCanSeeGraduate(ctx.principal, graduateId);
  const row = await repo.findResumeFile(ctx.database.db, ctx.principal.tenantId, graduateId);
  if (!row) throw notFound('Résumé file');
  return { mediaType: row.media_type, fileName: row.file_name, content: new Uint8Array(row.content) };
}

export async function deleteResumeFile({ ctx, graduateId }: { ctx: ServiceContext; graduateId: string }) {
  assertCanSeeGraduate(ctx.principal, graduateId);
  if (!(await repo.deleteResumeFile(ctx.database.db, ctx.principal.tenantId, graduateId))) {
    throw notFound('Résumé file');
  }
}
