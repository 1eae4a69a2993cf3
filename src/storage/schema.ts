import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables in sql/ (the migrations are the truth; keep this in step). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string | null | undefined, string | null>;
/** A column the database fills with its default when an insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type JsonDefaulted<T> = ColumnType<T, string | undefined, string>;

export interface TenantsTable {
  id: string;
  name: string;
  kind: 'university' | 'platform';
  settings: JsonDefaulted<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface GraduatesTable {
  id: string;
  tenant_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  education: JsonDefaulted<unknown[]>;
  skills: JsonDefaulted<unknown[]>;
  languages: JsonDefaulted<unknown[]>;
  certificates: JsonDefaulted<unknown[]>;
  experiences: JsonDefaulted<unknown[]>;
  summary: Defaulted<string>;
  preferences: JsonDefaulted<Record<string, unknown>>;
  visibility: Defaulted<string>;
  lang: Defaulted<string>;
  personalization_enabled: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GraduateDemographicsTable {
  graduate_id: string;
  tenant_id: string;
  gender: string | null;
  ethnicity: string | null;
  hukou_type: string | null;
  region_of_origin: string | null;
  disability: string | null;
  birth_year: number | null;
  school_tier: string | null;
  updated_at: Timestamp;
}

export interface ConsentsTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  purpose: string;
  granted: boolean;
  text_version: string;
  /** The acting key id. */
  actor: string;
  actor_role: Defaulted<string>;
  seq: Generated<string>;
  created_at: Timestamp;
}

export interface EmployersTable {
  id: string;
  tenant_id: string;
  name: string;
  industry: string | null;
  city: string | null;
  size: string | null;
  website: string | null;
  description: Defaulted<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JobPostingsTable {
  id: string;
  tenant_id: string;
  employer_id: string;
  title: string;
  description: string;
  required_skills: JsonDefaulted<unknown[]>;
  preferred_skills: JsonDefaulted<unknown[]>;
  min_degree: string;
  accepted_majors: JsonDefaulted<string[]>;
  locations: Defaulted<string[]>;
  remote: Defaulted<boolean>;
  job_type: string;
  salary_min: number | null;
  salary_max: number | null;
  headcount: Defaulted<number>;
  opens_at: DateCol | null;
  closes_at: DateCol | null;
  status: string;
  lang: Defaulted<string>;
  compliance_findings: JsonDefaulted<unknown[]>;
  review_status: Defaulted<string>;
  requested_status: string | null;
  compliance_reviewed_by: string | null;
  compliance_reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  compliance_review_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProfileEventsTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  kind: string;
  detail: JsonDefaulted<Record<string, unknown>>;
  actor_key_id: string;
  actor_role: string;
  seq: Generated<string>;
  created_at: Timestamp;
}

export interface ReviewsTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  kind: string;
  impression_id: string | null;
  posting_id: string | null;
  list_id: string | null;
  reason: string | null;
  text: Defaulted<string>;
  status: Defaulted<string>;
  assignee: string | null;
  decision: string | null;
  reply: string | null;
  due_at: Timestamp;
  decided_by: string | null;
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OperatorActionsTable {
  id: string;
  tenant_id: string;
  action: string;
  reason: string | null;
  detail: JsonDefaulted<Record<string, unknown>>;
  actor_key_id: string;
  actor_role: string;
  request_id: string;
  created_at: Timestamp;
}

export interface AccessLogTable {
  id: string;
  tenant_id: string;
  actor_key_id: string;
  actor_role: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  graduate_id: string | null;
  request_id: string;
  created_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  role: string;
  graduate_id: string | null;
  employer_id: string | null;
  key_hash: string;
  prefix: string;
  label: Defaulted<string>;
  created_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface DB {
  tenants: TenantsTable;
  graduates: GraduatesTable;
  graduate_demographics: GraduateDemographicsTable;
  consents: ConsentsTable;
  employers: EmployersTable;
  job_postings: JobPostingsTable;
  api_keys: ApiKeysTable;
  profile_events: ProfileEventsTable;
  reviews: ReviewsTable;
  operator_actions: OperatorActionsTable;
  access_log: AccessLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export type GraduateRow = Selectable<GraduatesTable>;
export type EmployerRow = Selectable<EmployersTable>;
export type PostingRow = Selectable<JobPostingsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type ConsentRow = Selectable<ConsentsTable>;
export type DemographicsRow = Selectable<GraduateDemographicsTable>;
export type ProfileEventRow = Selectable<ProfileEventsTable>;
export type ReviewRow = Selectable<ReviewsTable>;
export type OperatorActionRow = Selectable<OperatorActionsTable>;
export type AccessLogRow = Selectable<AccessLogTable>;
export type NewPosting = Insertable<JobPostingsTable>;
export type PostingPatch = Updateable<JobPostingsTable>;
