import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AlertTables } from './alerts.schema.ts';
import type { ApplicationTables } from './applications.schema.ts';
import type { ResumeTables } from './resume.schema.ts';
import type { AuditPhase } from '../domain/audit-report/phases.ts';
import type { ImportTables } from './imports.schema.ts';
import type { JobFairTables } from './job-fairs.schema.ts';

/** Kysely's view of the tables in sql/ (the migrations are the truth; keep this in step). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string | null | undefined, string | null>;
/** A column the database fills with its default when an insert leaves it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type JsonDefaulted<T> = ColumnType<T, string | undefined, string>;

interface TenantsTable {
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
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  suppressed_tags: JsonDefaulted<unknown[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface GraduateDemographicsTable {
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

interface ConsentsTable {
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
  status: Defaulted<string>;
  credit_code: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  decision_reason: string | null;
  decided_at: Timestamp | null;
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  occupation: ColumnType<string | null, string | null | undefined, string | null>;
  compliance_findings: JsonDefaulted<unknown[]>;
  review_status: Defaulted<string>;
  requested_status: string | null;
  compliance_reviewed_by: string | null;
  compliance_reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  compliance_review_note: string | null;
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

interface ProfileEventsTable {
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

interface OperatorActionsTable {
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

interface AccessLogTable {
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

interface ApiKeysTable {
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
  expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

interface EmbedderModelsTable {
  id: string;
  kind: string;
  dimensions: number;
  state: ColumnType<unknown, string | null, string | null>;
  created_at: Defaulted<Date>;
}

interface ServiceSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Defaulted<Date>;
}

interface IndexDerivationsTable {
  entity_type: string;
  entity_id: string;
  tenant_id: string;
  analyzer: string;
  content_hash: string;
  derived: string;
  updated_at: Timestamp;
}

interface EmbeddingsTable {
  entity_type: string;
  entity_id: string;
  tenant_id: string;
  model_id: string;
  dims: number;
  vector: Uint8Array;
  content_hash: string;
  updated_at: Timestamp;
  /** Present only where pgvector exists (see sql/20261128_2200_matching.sql). */
  embedding: ColumnType<string | null, string | undefined, string>;
}

export interface ImpressionsTable {
  id: string;
  tenant_id: string;
  request_id: string;
  list_id: string;
  list_kind: string;
  viewer_role: string;
  viewer_id: string | null;
  // Null only for list_kind 'search' by a non-graduate key; every reader of graduate rows filters by
  // graduate or by another list kind, so selects keep the non-null type.
  graduate_id: ColumnType<string, string | null, string | null>;
  posting_id: string;
  rank: number;
  score: number;
  components: ColumnType<unknown, string, string>;
  /** Skills, evidence, criteria and terms of the match as served (null: not stored, or not personalized). */
  match_detail: ColumnType<unknown, string | null | undefined, string | null>;
  model_version: string;
  embedder_id: string;
  personalized: boolean;
  reranked: Defaulted<boolean>;
  created_at: Timestamp;
}

export interface GraduateOutcomesTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  as_of: DateCol;
  status: string;
  employer_name: string | null;
  employer_id: string | null;
  occupation: string | null;
  city: string | null;
  industry: string | null;
  salary_band: string | null;
  job_type: string | null;
  source: string;
  actor_key_id: string | null;
  actor_role: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InteractionsTable {
  id: string;
  tenant_id: string;
  graduate_id: string;
  posting_id: string;
  impression_id: string | null;
  type: string;
  reason: string | null;
  actor_role: string;
  occurred_at: Timestamp;
  created_at: Timestamp;
}

interface TenantPostingsVersionTable {
  tenant_id: string;
  version: ColumnType<string, number | string, number | string>;
}

interface TenantEmployersVersionTable {
  tenant_id: string;
  version: ColumnType<string, number | string, number | string>;
}

interface TenantGraduatesVersionTable {
  tenant_id: string;
  version: ColumnType<string, number | string, number | string>;
}

/** Graduates whose indexed fields (profile, visibility, tags, employer consent) changed, by time. */
interface GraduateIndexChangesTable {
  graduate_id: string;
  tenant_id: string;
  changed_at: Timestamp;
  deleted: Generated<boolean>;
}

interface PostingTombstonesTable {
  posting_id: string;
  tenant_id: string;
  deleted_at: Timestamp;
}

interface ShortlistReviewsTable {
  list_id: string;
  tenant_id: string;
  posting_id: string;
  reviewer_key_id: string;
  reviewer_role: string;
  note: string;
  reviewed_at: Timestamp;
}

/** One re-ranked candidate list (sql/20261128_2355_mitigation.sql): ids and scores only, no demographics. */
interface RerankLogTable {
  id: string;
  tenant_id: string;
  list_id: string;
  posting_id: string;
  request_id: string;
  method: string;
  attribute: string;
  params: ColumnType<unknown, string, string>;
  before_ids: ColumnType<unknown, string, string>;
  before_scores: ColumnType<unknown, string, string>;
  after_ids: ColumnType<unknown, string, string>;
  after_scores: ColumnType<unknown, string, string>;
  considered: number;
  prefix_ok: boolean;
  violations: ColumnType<unknown, string, string>;
  moves: ColumnType<unknown, string | undefined, string>;
  created_at: Timestamp;
}

interface RerankTallyTable {
  tenant_id: string;
  day: ColumnType<unknown, string, string>;
  grouping: string;
  cell: string;
  selected_top: number;
  memberships: number;
  selected: number;
}

interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

interface AuditRunsTable {
  id: string;
  tenant_id: string;
  source: 'impressions' | 'upload';
  status: 'queued' | 'running' | 'completed' | 'failed';
  params: JsonDefaulted<Record<string, unknown>>;
  progress: Defaulted<number>;
  /** The step a started run is in (AUDIT_PHASES); null before a worker starts it and for uploads. */
  phase: ColumnType<AuditPhase | null, AuditPhase | null | undefined, AuditPhase | null>;
  failure_reason: string | null;
  requested_by: string;
  attempts: Defaulted<number>;
  created_at: Timestamp;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

interface AuditOutboxTable {
  id: string;
  tenant_id: string;
  job_name: string;
  job_id: string;
  payload: JsonDefaulted<Record<string, unknown>>;
  created_at: Timestamp;
  relayed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  relay_attempts: Defaulted<number>;
  last_error: string | null;
  sweeps: Defaulted<number>;
  settled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  request_id: ColumnType<string | null, string | null | undefined, string | null>;
  not_before: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DeploymentTable {
  singleton: Defaulted<boolean>;
  id: string;
  created_at: Timestamp;
}

interface AuditReportsTable {
  id: string;
  tenant_id: string;
  run_id: string;
  seq: number;
  body: string;
  sha256: string;
  prev_sha256: string | null;
  created_at: Timestamp;
}

/** A publication: a link of the audit chain (seq shared with audit_reports) naming the report it publishes. */
export interface AuditPublicationsTable {
  id: string;
  tenant_id: string;
  run_id: string;
  report_id: string;
  seq: number;
  body: string;
  sha256: string;
  prev_sha256: string | null;
  published_by: string;
  published_role: string;
  created_at: Timestamp;
}

export interface AuditChainCheckpointsTable {
  tenant_id: string;
  seq: number;
  sha256: string;
  verified_at: Timestamp;
  sweep_seq: Defaulted<number>;
  full_pass_at: Timestamp | null;
}

export interface AuditScheduleRunsTable {
  tenant_id: string;
  tick_at: Timestamp;
  run_id: string;
  origin: 'scheduler' | 'catch-up';
  created_at: Defaulted<Date>;
}

interface AuditAlertsTable {
  id: string;
  tenant_id: string;
  run_id: string;
  kind: 'adverse_impact' | 'exposure_disparity';
  grouping: string;
  group_label: string;
  metric: string;
  figures: JsonDefaulted<Record<string, unknown>>;
  status: Defaulted<'open' | 'acknowledged' | 'resolved'>;
  note: string | null;
  status_by: string | null;
  status_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

interface AlertDeliveriesTable {
  id: string;
  tenant_id: string;
  alert_id: string;
  attempt: number;
  url: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  created_at: Timestamp;
}

interface DisclosuresTable {
  scope: string;
  version_key: string;
  input: ColumnType<unknown, string, string>;
  content: ColumnType<unknown, string, string>;
  created_at: Defaulted<Date>;
}

interface AppsTable {
  id: string;
  tenant_id: string;
  name: string;
  client_id: string;
  secret_hash: string;
  scopes: ColumnType<string[], string, string>;
  created_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

interface SigningKeysTable {
  kid: string;
  public_jwk: ColumnType<Record<string, unknown>, string, string>;
  private_jwk: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
}

interface IdentityProvidersTable {
  id: string;
  tenant_id: string;
  issuer: string;
  audience: string;
  jwks_url: string;
  claim: string;
  scopes: ColumnType<string[], string, string>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  tenant_id: string;
  email: string;
  display_name: string;
  role: string;
  reviewer: Defaulted<boolean>;
  password_hash: string;
  created_at: Timestamp;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface UserSessionsTable {
  token_hash: string;
  user_id: string;
  tenant_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ConsoleOidcProvidersTable {
  id: string;
  tenant_id: string;
  label: string;
  issuer: string;
  client_id: string;
  created_at: Timestamp;
}

export interface ConsoleOidcLoginsTable {
  state_hash: string;
  provider_id: string;
  tenant_id: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  next_path: string;
  expires_at: Timestamp;
}

export interface DB extends JobFairTables, ImportTables, ApplicationTables, AlertTables, ResumeTables {
  users: UsersTable;
  user_sessions: UserSessionsTable;
  console_oidc_providers: ConsoleOidcProvidersTable;
  console_oidc_logins: ConsoleOidcLoginsTable;
  apps: AppsTable;
  signing_keys: SigningKeysTable;
  identity_providers: IdentityProvidersTable;
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
  shortlist_reviews: ShortlistReviewsTable;
  embedder_models: EmbedderModelsTable;
  service_settings: ServiceSettingsTable;
  embeddings: EmbeddingsTable;
  index_derivations: IndexDerivationsTable;
  impressions: ImpressionsTable;
  interactions: InteractionsTable;
  graduate_outcomes: GraduateOutcomesTable;
  tenant_postings_version: TenantPostingsVersionTable;
  tenant_employers_version: TenantEmployersVersionTable;
  posting_tombstones: PostingTombstonesTable;
  tenant_graduates_version: TenantGraduatesVersionTable;
  graduate_index_changes: GraduateIndexChangesTable;
  audit_runs: AuditRunsTable;
  audit_outbox: AuditOutboxTable;
  deployment: DeploymentTable;
  audit_reports: AuditReportsTable;
  audit_publications: AuditPublicationsTable;
  audit_chain_checkpoints: AuditChainCheckpointsTable;
  disclosures: DisclosuresTable;
  audit_schedule_runs: AuditScheduleRunsTable;
  audit_alerts: AuditAlertsTable;
  alert_deliveries: AlertDeliveriesTable;
  rerank_log: RerankLogTable;
  rerank_tally: RerankTallyTable;
}

export type GraduateRow = Selectable<GraduatesTable>;
export type EmployerRow = Selectable<EmployersTable>;
export type PostingRow = Selectable<JobPostingsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AppRow = Selectable<AppsTable>;
export type UserRow = Selectable<UsersTable>;
export type UserSessionRow = Selectable<UserSessionsTable>;
export type ConsoleOidcProviderRow = Selectable<ConsoleOidcProvidersTable>;
export type ConsoleOidcLoginRow = Selectable<ConsoleOidcLoginsTable>;
export type SigningKeyRow = Selectable<SigningKeysTable>;
export type IdentityProviderRow = Selectable<IdentityProvidersTable>;
export type ConsentRow = Selectable<ConsentsTable>;
export type DemographicsRow = Selectable<GraduateDemographicsTable>;
export type ProfileEventRow = Selectable<ProfileEventsTable>;
export type ReviewRow = Selectable<ReviewsTable>;
export type OperatorActionRow = Selectable<OperatorActionsTable>;
export type AccessLogRow = Selectable<AccessLogTable>;
export type NewPosting = Insertable<JobPostingsTable>;
export type PostingPatch = Updateable<JobPostingsTable>;
export type OutcomeRow = Selectable<GraduateOutcomesTable>;
export type AuditRunRow = Selectable<AuditRunsTable>;
export type AuditReportRow = Selectable<AuditReportsTable>;
export type AuditPublicationRow = Selectable<AuditPublicationsTable>;
export type AuditAlertRow = Selectable<AuditAlertsTable>;
export type AlertDeliveryRow = Selectable<AlertDeliveriesTable>;
