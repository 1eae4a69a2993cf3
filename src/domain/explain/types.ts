import type { SkillEvidence } from '../matching/features.ts';
import type { Criterion, CriterionName, MatchScore } from '../matching/score.ts';
import type { ComponentName } from '../matching/weights.ts';
import type { Degree, JobType, Lang } from '../model/common.ts';
import type { Label, MajorRef, Place, SignalNotUsed, SkillLookup } from './labels.ts';

/** The posting as the caller has it (names as written, not ids). */
export interface PostingContext {
  title: string;
  locations: readonly string[];
  remote: boolean;
  acceptedMajors: readonly string[];
  minDegree: Degree;
  jobType: JobType;
  salaryMin: number | null;
  salaryMax: number | null;
}

/** What the graduate told us that the criteria compare against (preferences, degree, majors). */
export interface GraduateContext {
  locations: readonly string[];
  remote: 'any' | 'prefer' | 'only' | 'no';
  jobTypes: readonly JobType[];
  salaryFloor: number | null;
  degree: Degree | null;
  majors: readonly string[];
}

export interface ExplanationInput {
  match: MatchScore;
  posting: PostingContext;
  graduate: GraduateContext;
  modelVersion: string;
  embedderId: string;
  personalized: boolean;
  lang: Lang;
  /** Skill names by id; defaults to the bundled taxonomy. */
  skills?: SkillLookup;
}

export interface ExplainedComponent {
  name: ComponentName;
  label: Label;
  value: number;
  weight: number;
  contribution: number;
  /** weight − contribution: what a perfect value would have added. */
  shortfall: number;
}

export interface Factor {
  name: ComponentName;
  label: Label;
  amount: number;
}

interface SkillRef {
  skillId: string;
  name: Label;
  /** Languages in which the skill has no name of its own; texts in them show it marked as untranslated. */
  untranslated: Lang[];
}

interface ExplainedMatch extends SkillRef {
  wanted: 'required' | 'preferred';
  evidence: SkillEvidence;
}

interface ExplainedNearMatch extends ExplainedMatch {
  /** The held skill that earned partial credit; `evidence` is that skill's evidence. */
  via: SkillRef;
  credit: number;
}

interface CriterionBase<N extends CriterionName> {
  criterion: N;
  status: Criterion['status'];
  label: Label;
  /** The comparison in words, built only from the values in this object. */
  text: Label;
}

export interface LocationCriterion extends CriterionBase<'location'> {
  posting: Place[];
  postingRemote: boolean;
  preferred: Place[];
  remotePreference: GraduateContext['remote'];
  sameCity: Place[];
  /** Regions shared by a posting city and a preferred city. */
  sameRegion: Label[];
}

interface DegreeCriterion extends CriterionBase<'degree'> {
  required: Degree;
  held: Degree | null;
}

interface MajorCriterion extends CriterionBase<'major'> {
  accepted: MajorRef[];
  held: MajorRef[];
  sameMajor: MajorRef[];
  sameDiscipline: Label[];
}

interface SalaryCriterion extends CriterionBase<'salary'> {
  postingMin: number | null;
  postingMax: number | null;
  floor: number | null;
}

interface JobTypeCriterion extends CriterionBase<'jobType'> {
  posting: JobType;
  wanted: JobType[];
}

export type ExplainedCriterion =
  LocationCriterion | DegreeCriterion | MajorCriterion | SalaryCriterion | JobTypeCriterion;

export interface Explanation {
  lang: Lang;
  score: number;
  modelVersion: string;
  embedderId: string;
  personalized: boolean;
  posting: { title: string };
  components: ExplainedComponent[];
  topFactors: { strongest: Factor[]; shortfalls: Factor[] };
  /** The keyword match's evidence: the profile's words found in the posting (analyzed terms, strongest first). */
  matchedTerms: string[];
  matchedSkills: ExplainedMatch[];
  nearMatches: ExplainedNearMatch[];
  missingSkills: { required: SkillRef[]; preferred: SkillRef[] };
  criteria: ExplainedCriterion[];
  signalsNotUsed: readonly SignalNotUsed[];
  aiRole: Label;
  /** renderSummary(this, lang). */
  summary: string;
}
