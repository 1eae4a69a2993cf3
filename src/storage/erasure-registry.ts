/**
 * Every column of the schema that can hold text (text, varchar, jsonb, text[]), and what erasing a
 * graduate does to it. The erasure test reads the live schema and fails on any such column missing
 * here, so a new table or column with free text cannot ship until erasure has been told about it.
 *
 * - `deleted`: the graduate's own rows are deleted (other people's rows are theirs and are left alone).
 * - `linked`: cleared on the rows linked to the graduate (kept under the pseudonym for the counts), and
 *   cleared wherever else it names them.
 * - `named`: cleared wherever it names the graduate (name, email, phone or id); jsonb keeps its shape,
 *   only the string values that name them are replaced.
 * - `none`: cannot hold text a person wrote about a graduate (codes checked by constraints, ids, hashes,
 *   numbers, or content the system writes); the reason says which.
 */
export type ErasureRule = 'deleted' | 'linked' | 'named' | 'none';

export interface TextColumn {
  readonly rule: ErasureRule;
  readonly why: string;
  /** The column naming the row's tenant, where it is not `tenant_id`. */
  readonly tenantColumn?: string;
}

const code = (why = 'a code from a closed set (check constraint)'): TextColumn => ({ rule: 'none', why });
const system = (why: string): TextColumn => ({ rule: 'none', why });
const deleted = (why = 'part of the graduate\'s own record'): TextColumn => ({ rule: 'deleted', why });
const named = (why: string): TextColumn => ({ rule: 'named', why });

export const TEXT_COLUMNS: Readonly<Record<string, TextColumn>> = {
  'access_log.action': code(), 'access_log.actor_role': code(), 'access_log.subject_type': code(),
  'access_log.request_id': system('request id'), 'access_log.subject_id': system('an id; the graduate\'s is swapped for the pseudonym'),
  'alert_deliveries.url': system('the tenant\'s webhook URL'),
  'alert_deliveries.error': system('HTTP status or network error of a delivery; the body sent is never stored'),
  'api_keys.key_hash': system('hash'), 'api_keys.prefix': system('random key prefix'), 'api_keys.role': code(),
  'api_keys.label': named('a label staff type for a key; the graduate\'s own keys are deleted'),
  'audit_alerts.figures': system('aggregate figures of a group, never one person'),
  'audit_alerts.group_label': system('a group label from the audit, suppressed when small'),
  'audit_alerts.grouping': code(), 'audit_alerts.kind': code(), 'audit_alerts.metric': code(), 'audit_alerts.status': code(),
  'audit_alerts.note': named('what staff wrote when acknowledging or resolving an alert'),
  'audit_alerts.status_by': system('a key id'),
  'audit_outbox.job_id': system('job id built from ids'), 'audit_outbox.job_name': code(),
  'audit_outbox.payload': system('ids only (run, tenant, alert); checked by the job catalog'),
  'audit_outbox.last_error': system('error from Redis while relaying'),
  'audit_reports.body': system('aggregates only, small groups suppressed; hash-chained, so never rewritten'),
  'audit_reports.prev_sha256': system('hash'), 'audit_reports.sha256': system('hash'),
  'audit_runs.failure_reason': system('error message of the audit job'),
  'audit_runs.params': named('audit parameters; an uploaded audit\'s description is typed by staff'),
  'audit_runs.requested_by': system('a key id'), 'audit_runs.source': code(), 'audit_runs.status': code(),
  'audit_schedule_runs.origin': code(),
  'consents.actor': deleted(), 'consents.actor_role': deleted(), 'consents.purpose': deleted(), 'consents.text_version': deleted(),
  'disclosures.content': system('the algorithm disclosure, computed from weights and settings'),
  'disclosures.input': system('what the disclosure was computed from'),
  'disclosures.scope': code(), 'disclosures.version_key': system('hash'),
  'embedder_models.id': system('model id'), 'embedder_models.kind': code(),
  'embedder_models.state': system('the fitted model (vocabulary, projection) of posting text, not graduates'),
  'embeddings.content_hash': deleted(), 'embeddings.entity_type': deleted(), 'embeddings.model_id': deleted(),
  'employers.city': system('the employer\'s own public details'), 'employers.description': system('the employer\'s own public details'),
  'employers.industry': system('the employer\'s own public details'), 'employers.name': system('the employer\'s own public details'),
  'employers.size': system('the employer\'s own public details'), 'employers.status': code(),
  'employers.credit_code': system('a company\'s registration code, not a person'),
  'employers.contact_name': system('the employer\'s business contact, given by the employer; not a graduate'),
  'employers.contact_email': system('the employer\'s business contact, given by the employer; not a graduate'),
  'employers.contact_phone': system('the employer\'s business contact, given by the employer; not a graduate'),
  'employers.decision_reason': system('the career office\'s reason for approving or rejecting an employer'), 'employers.website': system('the employer\'s own public details'),
  'graduate_demographics.disability': deleted(), 'graduate_demographics.ethnicity': deleted(), 'graduate_demographics.gender': deleted(),
  'graduate_demographics.hukou_type': deleted(), 'graduate_demographics.region_of_origin': deleted(), 'graduate_demographics.school_tier': deleted(),
  'graduates.certificates': deleted(), 'graduates.education': deleted(), 'graduates.email': deleted(), 'graduates.experiences': deleted(),
  'graduates.lang': deleted(), 'graduates.languages': deleted(), 'graduates.name': deleted(), 'graduates.phone': deleted(),
  'graduates.preferences': deleted(), 'graduates.skills': deleted(), 'graduates.summary': deleted(), 'graduates.suppressed_tags': deleted(),
  'graduates.visibility': deleted(), 'graduates.external_id': deleted(),
  'apps.name': system('the name of a tenant\'s app'), 'apps.client_id': system('random id'), 'apps.secret_hash': system('hash'),
  'apps.scopes': code('scopes from a closed set'),
  'signing_keys.kid': system('random key id'), 'signing_keys.public_jwk': system('key material'),
  'signing_keys.private_jwk': system('key material'),
  'identity_providers.issuer': system('the provider\'s issuer URL'), 'identity_providers.audience': system('an audience name'),
  'identity_providers.jwks_url': system('URL'), 'identity_providers.claim': system('a claim name'),
  'identity_providers.scopes': code('scopes from a closed set'),
  'impressions.components': system('numeric score components'), 'impressions.embedder_id': system('model id'),
  'impressions.list_kind': code(), 'impressions.model_version': system('model version'), 'impressions.request_id': system('request id'),
  'impressions.viewer_role': code(),
  'interactions.actor_role': code(), 'interactions.type': code(),
  'interactions.reason': { rule: 'linked', why: 'what the graduate or an employer typed about an application' },
  'job_fairs.name': system('the fair\'s public details'), 'job_fairs.venue': system('the fair\'s public details'),
  'job_fairs.breaks': system('times of day'),
  'job_fair_booths.room': system('where an employer\'s booth stands'), 'job_fair_booths.table_label': system('where an employer\'s booth stands'),
  'job_fair_booths.posting_ids': system('ids of the employer\'s postings'),
  'job_fair_registrations.rankings': deleted('the graduate\'s ranked booths'),
  'job_fair_runs.mode': code(), 'job_fair_runs.status': code(), 'job_fair_runs.requested_by': system('a key id'),
  'job_fair_runs.params': system('assignment settings: mode, floors of closed-set groups, group size'),
  'job_fair_runs.failure_reason': system('error message of the assignment job'),
  'job_fair_runs.result': system('the plan: ids, numbers and labels built from booths; the graduate\'s id is swapped for the pseudonym'),
  'job_fair_changes.cancellation': system('the id cancelled; the graduate\'s is swapped for the pseudonym'),
  'job_fair_changes.changes': system('ids and times; the graduate\'s id is swapped for the pseudonym'),
  'job_postings.accepted_majors': system('the employer\'s posting'), 'job_postings.description': system('the employer\'s posting'),
  'job_postings.title': system('the employer\'s posting'), 'job_postings.locations': system('the employer\'s posting'),
  'job_postings.preferred_skills': system('the employer\'s posting'), 'job_postings.required_skills': system('the employer\'s posting'),
  'job_postings.compliance_findings': system('lint findings quoting the posting'),
  'job_postings.compliance_review_note': named('what the career office wrote when deciding on a held posting'),
  'job_postings.job_type': code(), 'job_postings.lang': code(), 'job_postings.min_degree': code(),
  'job_postings.requested_status': code(), 'job_postings.review_status': code(), 'job_postings.status': code(),
  'operator_actions.action': code(), 'operator_actions.actor_role': code(), 'operator_actions.request_id': system('request id'),
  'operator_actions.reason': named('the reason staff gave for an action'),
  'operator_actions.detail': named('what an action changed; may quote a note'),
  'profile_events.actor_role': deleted(), 'profile_events.detail': deleted(), 'profile_events.kind': deleted(),
  'rerank_log.after_ids': system('ids; the graduate\'s is swapped for the pseudonym'),
  'rerank_log.before_ids': system('ids; the graduate\'s is swapped for the pseudonym'),
  'rerank_log.after_scores': system('numbers'), 'rerank_log.before_scores': system('numbers'),
  'rerank_log.attribute': code(), 'rerank_log.method': code(), 'rerank_log.params': system('re-ranking settings'),
  'rerank_log.request_id': system('request id'), 'rerank_log.violations': system('counts per rank'),
  'reviews.kind': code(), 'reviews.decision': code(), 'reviews.reason': code(), 'reviews.status': code(),
  'reviews.text': named('an appeal\'s text; the graduate\'s own appeals are deleted'),
  'reviews.reply': named('staff\'s reply to an appeal; the graduate\'s own appeals are deleted'),
  'reviews.assignee': named('who handles an appeal'),
  'schema_migrations.checksum': system('hash'), 'schema_migrations.name': system('migration file name'),
  'service_settings.key': system('setting name'), 'service_settings.value': system('service-wide settings (active embedder)'),
  'shortlist_reviews.reviewer_role': code(),
  'shortlist_reviews.note': { rule: 'linked', why: 'what a reviewer wrote about a candidate list the graduate was on' },
  'tenants.kind': code(), 'tenants.name': system('the university or platform'),
  'tenants.settings': { rule: 'named', why: 'tenant configuration; keeps the reason typed when AI ranking is suspended', tenantColumn: 'id' },
};

/** The columns erasure searches for the graduate's name, email, phone and id. */
export function namedColumns(): { table: string; column: string; tenantColumn: string }[] {
  return Object.entries(TEXT_COLUMNS)
    .filter(([, c]) => c.rule === 'named' || c.rule === 'linked')
    .map(([key, c]) => {
      const [table = '', column = ''] = key.split('.');
      return { table, column, tenantColumn: c.tenantColumn ?? 'tenant_id' };
    });
}
