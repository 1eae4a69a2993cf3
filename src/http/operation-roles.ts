import type { Role } from '../domain/model/common.ts';

/**
 * Who may call each keyed operation at all, checked before any input is read (403 before 400): a role the
 * service refuses whatever the input gets 403 without its body being validated. `hidden` roles get 404
 * instead, where the service answers them 404 so they learn nothing about the record (a graduate's own data
 * seen with an employer's key). The service keeps its own, finer checks (own record, own posting, reviewer
 * rights); this only refuses whole roles. The document lists the roles as `x-roles`.
 */
export interface OperationRoles {
  readonly allow: readonly Role[];
  readonly hidden?: readonly Role[];
}

const ALL: readonly Role[] = ['graduate', 'employer', 'career_office', 'admin', 'auditor'];
const STAFF: readonly Role[] = ['career_office', 'admin'];
const NOT_AUDITOR: readonly Role[] = ['graduate', 'employer', 'career_office', 'admin'];
const AUDIT: readonly Role[] = ['career_office', 'admin', 'auditor'];
/** A graduate's own record: the graduate and staff; employers and auditors get 404. */
const GRADUATE_RECORD: OperationRoles = { allow: ['graduate', ...STAFF], hidden: ['employer', 'auditor'] };
/** Only the graduate themself: staff get 403 (they know the graduate exists), others 404. */
const GRADUATE_SELF: OperationRoles = { allow: ['graduate'], hidden: ['employer', 'auditor'] };
const POSTING_SIDE: readonly Role[] = ['employer', ...STAFF];

const allow = (roles: readonly Role[]): OperationRoles => ({ allow: roles });

export const operationRoles: Readonly<Record<string, OperationRoles>> = {
  getAlgorithmDisclosure: allow(ALL),
  listAlgorithmDisclosureVersions: allow(ALL),
  getAlgorithmDisclosureVersion: allow(ALL),
  getMetrics: allow(['admin']),
  getMe: allow(ALL),
  createGraduate: allow(STAFF),
  listGraduates: allow(STAFF),
  getGraduate: GRADUATE_RECORD,
  updateGraduate: GRADUATE_RECORD,
  deleteGraduate: GRADUATE_RECORD,
  importFile: allow(STAFF),
  getImport: allow(STAFF),
  exportRecords: allow(STAFF),
  createEmployer: allow(STAFF),
  listEmployers: allow(['graduate', ...STAFF]),
  getEmployer: allow(NOT_AUDITOR),
  updateEmployer: { allow: POSTING_SIDE, hidden: ['graduate', 'auditor'] },
  deleteEmployer: allow(STAFF),
  getEmployerRegistration: allow(POSTING_SIDE),
  decideEmployerRegistration: allow(STAFF),
  searchJobs: allow(NOT_AUDITOR),
  createJob: allow(POSTING_SIDE),
  listJobs: allow(NOT_AUDITOR),
  getJob: { allow: NOT_AUDITOR, hidden: ['auditor'] },
  updateJob: { allow: POSTING_SIDE, hidden: ['graduate', 'auditor'] },
  deleteJob: { allow: POSTING_SIDE, hidden: ['graduate', 'auditor'] },
  requestAudit: allow(AUDIT),
  verifyAuditChain: allow(AUDIT),
  listAudits: allow(AUDIT),
  runExternalAudit: allow(AUDIT),
  getAudit: allow(AUDIT),
  getAuditReport: allow(AUDIT),
  getAuditReportHtml: allow(AUDIT),
  getAuditReportPdf: allow(AUDIT),
  publishAudit: allow(['career_office', 'auditor']),
  getAuditSchedule: allow(AUDIT),
  setAuditSchedule: allow(AUDIT),
  deleteAuditSchedule: allow(AUDIT),
  getAlertWebhook: allow(STAFF),
  setAlertWebhook: allow(STAFF),
  deleteAlertWebhook: allow(STAFF),
  listAlerts: allow(AUDIT),
  getAlert: allow(AUDIT),
  updateAlert: allow(STAFF),
  listAlertDeliveries: allow(AUDIT),
  listRecommendations: GRADUATE_RECORD,
  listCandidates: allow(POSTING_SIDE),
  matchProfile: allow(NOT_AUDITOR),
  createInteraction: allow(NOT_AUDITOR),
  createEmbeddings: allow(NOT_AUDITOR),
  listModels: allow(ALL),
  getModel: allow(ALL),
  listGraduateTags: GRADUATE_RECORD,
  deleteGraduateTag: GRADUATE_RECORD,
  getCandidateList: allow(POSTING_SIDE),
  reviewCandidateList: allow(POSTING_SIDE),
  getEmbedderStatus: allow(STAFF),
  explainRecommendation: GRADUATE_RECORD,
  explainCandidate: { allow: POSTING_SIDE, hidden: ['graduate', 'auditor'] },
  getSkillAdvice: GRADUATE_RECORD,
  explainWhyNot: GRADUATE_RECORD,
  reviewJobCompliance: allow(STAFF),
  listConsentTexts: allow(ALL),
  listConsents: GRADUATE_RECORD,
  grantConsent: GRADUATE_SELF,
  withdrawConsent: GRADUATE_SELF,
  getDemographics: GRADUATE_SELF,
  setDemographics: GRADUATE_SELF,
  getPersonalization: GRADUATE_RECORD,
  setPersonalization: GRADUATE_SELF,
  exportGraduateData: GRADUATE_RECORD,
  listGraduateAccessLog: GRADUATE_RECORD,
  listAccessLog: allow(['admin']),
  requestReview: GRADUATE_SELF,
  listGraduateReviews: GRADUATE_RECORD,
  listReviews: allow(STAFF),
  getReview: allow(STAFF),
  updateReview: allow(STAFF),
  getTenantSettings: allow(STAFF),
  updateTenantSettings: allow(STAFF),
  getAiRanking: allow(STAFF),
  suspendAiRanking: allow(STAFF),
  resumeAiRanking: allow(STAFF),
  listKeys: allow(STAFF),
  mintKey: allow(STAFF),
  revokeKey: allow(STAFF),
  listApps: allow(STAFF),
  registerApp: allow(STAFF),
  revokeApp: allow(STAFF),
  listIdentityProviders: allow(STAFF),
  addIdentityProvider: allow(STAFF),
  removeIdentityProvider: allow(STAFF),
  getReranking: allow(STAFF),
  setReranking: allow(STAFF),
  createJobFair: allow(STAFF),
  listJobFairs: allow(ALL),
  getJobFair: allow(ALL),
  addJobFairBooth: allow(POSTING_SIDE),
  listJobFairBooths: allow(NOT_AUDITOR),
  registerForJobFair: allow(['graduate', ...STAFF]),
  requestJobFairAssignment: allow(STAFF),
  getJobFairAssignment: allow(STAFF),
  publishJobFairAssignment: allow(STAFF),
  getJobFairSchedule: allow(ALL),
  cancelAtJobFair: allow(ALL),
  recordOutcome: GRADUATE_RECORD,
  listGraduateOutcomes: GRADUATE_RECORD,
  deleteOutcome: GRADUATE_RECORD,
  listOutcomes: allow(STAFF),
  applyToPosting: GRADUATE_SELF,
  listGraduateApplications: GRADUATE_RECORD,
  getApplication: allow(ALL),
  updateApplicationStatus: allow(ALL),
  listPostingApplications: { allow: POSTING_SIDE, hidden: ['graduate', 'auditor'] },
  createSavedSearch: GRADUATE_SELF,
  listSavedSearches: GRADUATE_RECORD,
  getSavedSearch: GRADUATE_RECORD,
  updateSavedSearch: GRADUATE_SELF,
  deleteSavedSearch: GRADUATE_SELF,
  listGraduateAlerts: GRADUATE_RECORD,
  updateGraduateAlert: GRADUATE_SELF,
  getGraduateAlertWebhook: allow(STAFF),
  setGraduateAlertWebhook: allow(STAFF),
  deleteGraduateAlertWebhook: allow(STAFF),
  uploadResume: GRADUATE_RECORD,
  listResumeDrafts: GRADUATE_RECORD,
  getResumeDraft: GRADUATE_RECORD,
  confirmResumeDraft: GRADUATE_SELF,
  discardResumeDraft: GRADUATE_RECORD,
  getResumeFile: GRADUATE_RECORD,
  deleteResumeFile: GRADUATE_RECORD,
  getCohortAnalytics: allow(STAFF),
  getSkillAnalytics: allow(STAFF),
  getSupplyDemandAnalytics: allow(STAFF),
  getDemandForecast: allow(STAFF),
  getOutcomeAnalytics: allow(STAFF),
};

interface RouteDefinition {
  type: string;
  route?: { operationId?: string; security?: unknown[]; [key: string]: unknown };
}

/**
 * Writes each keyed operation's roles into the document as `x-roles`. A keyed operation with no entry above is
 * left to its service's own checks; test/http/openapi-fuzz.test.ts fails until it has one.
 */
export function declareOperationRoles(definitions: readonly RouteDefinition[]): void {
  for (const d of definitions) {
    if (d.type !== 'route' || !d.route || (d.route.security ?? []).length === 0) continue;
    const roles = operationRoles[d.route.operationId ?? ''];
    if (roles) d.route['x-roles'] = roles.allow;
  }
}
