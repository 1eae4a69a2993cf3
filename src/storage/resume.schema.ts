import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export interface ResumeDraftsTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  status: string;
  file_name: string | null;
  media_type: string;
  size_bytes: number;
  content_sha256: string;
  draft: Json;
  applied_fields: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  uploaded_by_role: string;
  created_at: Timestamp;
  confirmed_at: NullableTime;
}

export interface ResumeFilesTable {
  graduate_id: string;
  tenant_id: string;
  draft_id: string | null;
  file_name: string | null;
  media_type: string;
  size_bytes: number;
  content: Uint8Array;
  created_at: Timestamp;
}

export interface ResumeTables {
  resume_drafts: ResumeDraftsTable;
  resume_files: ResumeFilesTable;
}

export type ResumeDraftRow = Selectable<ResumeDraftsTable>;
export type ResumeFileRow = Selectable<ResumeFilesTable>;
