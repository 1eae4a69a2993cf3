import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string | undefined, string>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface FairBreak {
  from: number;
  to: number;
}

interface JobFairsTable {
  id: string;
  tenant_id: string;
  name: string;
  fair_date: ColumnType<Date | string, string, string>;
  venue: string;
  slot_minutes: number;
  starts_minute: number;
  ends_minute: number;
  breaks: Json<FairBreak[]>;
  max_interviews: Defaulted<number>;
  max_rankings: Defaulted<number>;
  preference_weight: Defaulted<number>;
  published_run_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface JobFairBoothsTable {
  id: string;
  tenant_id: string;
  fair_id: string;
  employer_id: string;
  room: string;
  table_label: string;
  interviewers: number;
  capacity: number | null;
  posting_ids: Json<string[]>;
  cancelled_at: NullableTime;
  created_at: Timestamp;
}

interface JobFairRegistrationsTable {
  fair_id: string;
  graduate_id: string;
  tenant_id: string;
  rankings: Json<string[]>;
  cancelled_at: NullableTime;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface JobFairRunsTable {
  id: string;
  tenant_id: string;
  fair_id: string;
  mode: 'optimal' | 'stable';
  params: Json<Record<string, unknown>>;
  status: Defaulted<'queued' | 'running' | 'completed' | 'failed'>;
  progress: Defaulted<number>;
  failure_reason: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  revision: Defaulted<number>;
  published_at: NullableTime;
  requested_by: string | null;
  created_at: Timestamp;
  started_at: NullableTime;
  finished_at: NullableTime;
}

interface JobFairChangesTable {
  id: string;
  tenant_id: string;
  run_id: string;
  revision: number;
  cancellation: Json<Record<string, unknown>>;
  changes: Json<unknown[]>;
  created_at: Timestamp;
}

export interface JobFairTables {
  job_fairs: JobFairsTable;
  job_fair_booths: JobFairBoothsTable;
  job_fair_registrations: JobFairRegistrationsTable;
  job_fair_runs: JobFairRunsTable;
  job_fair_changes: JobFairChangesTable;
}

export type JobFairRow = Selectable<JobFairsTable>;
export type BoothRow = Selectable<JobFairBoothsTable>;
export type RegistrationRow = Selectable<JobFairRegistrationsTable>;
export type FairRunRow = Selectable<JobFairRunsTable>;
export type FairChangeRow = Selectable<JobFairChangesTable>;
