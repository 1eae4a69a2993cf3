import type { Kysely, Transaction } from 'kysely';
import { jsonb } from './jsonb.ts';
import type { DB } from './schema.ts';
import type { ResumeDraftRow, ResumeFileRow } from './resume.schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NewResumeDraft {
  id: string;
  tenantId: string;
  graduateId: string;
  fileName: string | null;
  mediaType: string;
  sizeBytes: number;
  contentSha256: string;
  draft: unknown;
  uploadedByRole: string;
  now: Date;
}

export async function insertResumeDraft(db: Db, d: NewResumeDraft): Promise<ResumeDraftRow> {
  return db
    .insertInto('resume_drafts')
    .values({
      id: d.id,
      tenant_id: d.tenantId,
      graduate_id: d.graduateId,
      status: 'pending',
      file_name: d.fileName,
      media_type: d.mediaType,
      size_bytes: d.sizeBytes,
      content_sha256: d.contentSha256,
      draft: jsonb(d.draft),
      uploaded_by_role: d.uploadedByRole,
      created_at: d.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findResumeDraft(
  db: Db,
  tenantId: string,
  graduateId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ResumeDraftRow | undefined> {
  const q = db
    .selectFrom('resume_drafts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('id', '=', id);
  return (options.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function listResumeDrafts(db: Db, tenantId: string, graduateId: string): Promise<ResumeDraftRow[]> {
  return db
    .selectFrom('resume_drafts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function markResumeDraftConfirmed(
  db: Db,
  tenantId: string,
  id: string,
  appliedFields: string[],
  now: Date,
): Promise<ResumeDraftRow> {
  return db
    .updateTable('resume_drafts')
    .set({ status: 'confirmed', applied_fields: appliedFields, confirmed_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteResumeDraft(db: Db, tenantId: string, graduateId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('resume_drafts')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Keeps the graduate's résumé file, replacing the one kept before (one per graduate). */
export async function putResumeFile(
  db: Db,
  f: {
    tenantId: string;
    graduateId: string;
    draftId: string;
    fileName: string | null;
    mediaType: string;
    content: Uint8Array;
    now: Date;
  },
): Promise<void> {
  const values = {
    graduate_id: f.graduateId,
    tenant_id: f.tenantId,
    draft_id: f.draftId,
    file_name: f.fileName,
    media_type: f.mediaType,
    size_bytes: f.content.length,
    content: f.content,
    created_at: f.now,
  };
  await db
    .insertInto('resume_files')
    .values(values)
    .onConflict((oc) => oc.column('graduate_id').doUpdateSet(values))
    .execute();
}

export async function findResumeFile(db: Db, tenantId: string, graduateId: string): Promise<ResumeFileRow | undefined> {
  return db
    .selectFrom('resume_files')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .executeTakeFirst();
}

export async function deleteResumeFile(db: Db, tenantId: string, graduateId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('resume_files')
    .where('tenant_id', '=', tenantId)
    .where('graduate_id', '=', graduateId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}
