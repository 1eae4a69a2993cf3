import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ImportRunStatus = 'queued' | 'running' | 'completed' | 'rejected' | 'failed';

export interface ImportRunsTable {
  id: string;
  tenant_id: string;
  kind: string;
  status: Defaulted<ImportRunStatus>;
  dry_run: Defaulted<boolean>;
  options: ColumnType<Record<string, unknown>, string | undefined, string>;
  file: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  file_bytes: Defaulted<number>;
  progress: Defaulted<number>;
  report: ColumnType<unknown, string | null | undefined, string | null>;
  failure_reason: string | null;
  requested_by: string;
  requested_role: string;
  created_at: Timestamp;
  started_at: NullableTime;
  finished_at: NullableTime;
}

export interface ImportTables {
  import_runs: ImportRunsTable;
}

export type ImportRunRow = Selectable<ImportRunsTable>;
