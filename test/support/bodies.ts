/**
 * Response bodies as HTTP tests read them: the API's own schemas and domain types where the app
 * answers with them, small shapes where a route's schema is not exported. Name one in each call:
 * `api.call<Graduate>('GET', …)`.
 */
import type { z } from 'zod';
import type { AuditReport } from '../../src/domain/audit-report/report-types.ts';
import type { DisclosureDocument } from '../../src/domain/explain/disclosure.ts';
import type { alertList, deliveries, publicSummary, scheduleView } from '../../src/http/routes/audit-ops/schemas.ts';
import type { auditRun, chainVerdict, publication } from '../../src/http/routes/audits/schemas.ts';
import type { providerView, registered } from '../../src/http/routes/identity/index.ts';
import type {
  boothView,
  cancellationResult,
  fairView,
  registrationView,
  runView,
  scheduleView as fairScheduleView,
} from '../../src/http/routes/job-fairs/schemas.ts';
import type { employerRegistrationAnswer } from '../../src/domain/model/employer-registration.ts';
import type { candidateListSchema, recommendationListSchema } from '../../src/http/routes/matching/schemas.ts';
import type { searchResult } from '../../src/http/routes/search/index.ts';
import type { Problem } from '../../src/http/problem.ts';

export type { Problem } from '../../src/http/problem.ts';
export type { AccessLogEntry } from '../../src/domain/model/access-log.ts';
export type { EmployerRegistration } from '../../src/domain/model/employer-registration.ts';
export type { Graduate } from '../../src/domain/model/graduate.ts';
export type { Posting } from '../../src/domain/model/posting.ts';
export type { Review } from '../../src/domain/model/review.ts';
export type { Outcome } from '../../src/domain/model/outcome.ts';
export type { Application } from '../../src/domain/model/application.ts';
import type { Application } from '../../src/domain/model/application.ts';

type FieldError = NonNullable<Problem['errors']>[number];
/** A 400 or 422 names at least one field. */
export type ValidationProblem = Problem & { errors: [FieldError, ...FieldError[]] };
/** A 401 from a token check names the check that failed (expiry, audience, issuer, kid, signature, subject). */
export type TokenProblem = Problem & { check: string };
/** POST /v1/tenants/{tenantId}/employer-registrations: the pending registration and its key, shown once. */
export type RegisteredEmployer = z.infer<typeof employerRegistrationAnswer>;
export type RegisteredApp = z.infer<typeof registered>;
export type IdentityProvider = z.infer<typeof providerView>;
export type SearchResult = z.infer<typeof searchResult>;
export type JobFair = z.infer<typeof fairView>;
export type Booth = z.infer<typeof boothView>;
export type FairRegistration = z.infer<typeof registrationView>;
export type FairRun = z.infer<typeof runView>;
export type FairSchedule = z.infer<typeof fairScheduleView>;
export type FairCancellation = z.infer<typeof cancellationResult>;
/** GET/PATCH /v1/tenant/settings, as far as the tests read it. */
export interface TenantSettings {
  readonly minGroupSize: number;
}

export type RecommendationList = z.infer<typeof recommendationListSchema>;
export type AuditRun = z.infer<typeof auditRun>;
export type AuditPublication = z.infer<typeof publication>;
export type ChainVerdict = z.infer<typeof chainVerdict>;
export type AlertList = z.infer<typeof alertList>;
export type Alert = AlertList['items'][number];
export type Deliveries = z.infer<typeof deliveries>;
export type ScheduleView = z.infer<typeof scheduleView>;
export type PublicSummary = z.infer<typeof publicSummary>;
export type CandidateList = z.infer<typeof candidateListSchema>;

/** GET /v1/audits/{id}/report: the report with its place in the tenant's hash chain. */
export type ServedReport = AuditReport & { chain: { seq: number; prevSha256: string | null } };

export interface Disclosure {
  document: DisclosureDocument;
  versionCreatedAt: string;
  scope: string;
  qualityStatus: string;
}

/** GET /v1/graduates/{id}/export, as far as the tests read it (the route's schema is not exported). */
export interface GraduateExport {
  profile: unknown;
  tags: { tagId: string; kind: string }[];
  deletedTags: unknown[];
  demographics: unknown;
  withheld: string[];
  consents: { history: unknown[] };
  impressions: unknown[];
  interactions: { reason: string | null }[];
  embeddings: unknown[];
  reviews: unknown[];
  outcomes: { status: string; asOf: string; employerName: string | null }[];
  applications: Application[];
  listReviewNotes: { note: string }[];
  textNamingGraduate: { table: string; column: string; text: string }[];
  accessLog: unknown[];
  personalizationEnabled: boolean;
}

/** The body of a 201 that created something. */
export interface Created {
  readonly id: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** `value`, or a failed test naming what was missing: narrows an optional part of a body before reading it. */
export function present<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} in the response body`);
  return value;
}
