import type { Employer } from '../domain/model/employer.ts';
import type { EmployerRegistration, EmployerStatus } from '../domain/model/employer-registration.ts';
import type { Graduate } from '../domain/model/graduate.ts';
import type { Posting } from '../domain/model/posting.ts';
import type { EmployerRow, GraduateRow, PostingRow } from './schema.ts';
import { isoDay, isoTime } from '../domain/iso.ts';

/** The one place rows become domain objects: snake_case → camelCase, Date → ISO text, null → absent. */
const day = (value: Date | string | null): string | undefined => (value === null ? undefined : isoDay(value));
const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const noPreferences = (): Graduate['preferences'] => ({ locations: [], industries: [], jobTypes: [], remote: 'any' });

export function toGraduate(row: GraduateRow): Graduate {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    email: opt(row.email),
    phone: opt(row.phone),
    externalId: opt(row.external_id),
    ...toProfileFields(row),
    visibility: row.visibility as Graduate['visibility'],
    lang: row.lang as Graduate['lang'],
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

/** A listed candidate's name and education, mapped as toGraduate maps them. */
export function toCandidateCard(
  row: Pick<GraduateRow, 'id' | 'name' | 'education'>,
): Pick<Graduate, 'id' | 'name' | 'education'> {
  return { id: row.id, name: row.name, education: json(row.education) };
}

export function toEmployer(row: EmployerRow): Employer {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    industry: opt(row.industry),
    city: opt(row.city),
    size: opt(row.size) as Employer['size'],
    website: opt(row.website),
    description: row.description,
    externalId: opt(row.external_id),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

export function toPosting(row: PostingRow): Posting {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    employerId: row.employer_id,
    title: row.title,
    description: row.description,
    requiredSkills: json(row.required_skills),
    preferredSkills: json(row.preferred_skills),
    minDegree: row.min_degree as Posting['minDegree'],
    acceptedMajors: json(row.accepted_majors),
    locations: row.locations,
    remote: row.remote,
    jobType: row.job_type as Posting['jobType'],
    salaryMin: opt(row.salary_min),
    salaryMax: opt(row.salary_max),
    headcount: row.headcount,
    opensAt: day(row.opens_at),
    closesAt: day(row.closes_at),
    status: row.status as Posting['status'],
    lang: row.lang as Posting['lang'],
    externalId: opt(row.external_id),
    ...(row.occupation === null ? {} : { occupation: row.occupation }),
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  };
}

/** The suppressed-tags column (a jsonb array of skill ids / tag:<label>) as a set. */
export function suppressedTagsOf(value: unknown): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : []);
}

/** A graduate as matching reads it: the profile, whether they want it personalised, the tags they deleted. */
export interface MatchableGraduate {
  graduate: Graduate;
  personalization: boolean;
  suppressed: Set<string>;
}

export const toMatchableGraduate = (row: GraduateRow): MatchableGraduate => ({
  graduate: toGraduate(row),
  personalization: row.personalization_enabled,
  suppressed: suppressedTagsOf(row.suppressed_tags),
});

/** The fields of a graduate that matching derives from (extract.ts MatchableProfile). */
export type ProfileFields = Pick<
  Graduate,
  'education' | 'skills' | 'languages' | 'certificates' | 'experiences' | 'summary' | 'preferences'
>;

/**
 * Just the profile fields of toGraduate(row), which spreads them in this order: a start-up indexing 100,000
 * graduates needs no more, and writing their timestamps as ISO text (toISOString, twice a row) was a few per cent
 * of its CPU.
 */
export const toProfileFields = (row: GraduateRow): ProfileFields => ({
  education: json(row.education),
  skills: json(row.skills),
  languages: json(row.languages),
  certificates: json(row.certificates),
  experiences: json(row.experiences),
  summary: row.summary,
  // The column's SQL default is {}: a row written without preferences reads as the API's defaults.
  preferences: { ...noPreferences(), ...json<Partial<Graduate['preferences']>>(row.preferences) },
});

export function toEmployerRegistration(row: EmployerRow): EmployerRegistration {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    creditCode: row.credit_code ?? '',
    website: row.website,
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    status: row.status as EmployerStatus,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at === null ? null : isoTime(row.decided_at),
    createdAt: isoTime(row.created_at),
  };
}
