import {
  coverage,
  degreeFit,
  jobTypeFit,
  lexicalValue,
  locationFit,
  majorFit,
  salaryFit,
  semanticValue,
  skillCredit,
  type SkillCredit,
} from './components.ts';
import {
  NO_LEXICAL_MATCH,
  type LexicalMatch,
  type PostingFeatures,
  type ProfileFeatures,
  type SkillEvidence,
  type SkillSimilarity,
} from './features.ts';
import { COMPONENTS, round6, sumMicro, type ComponentName, type WeightSet } from './weights.ts';

export interface Component {
  name: ComponentName;
  /** The component's value in [0, 1]. */
  value: number;
  weight: number;
  /** value × weight, rounded to 6 decimals; the score is the exact decimal sum of these (sumMicro). */
  contribution: number;
}

interface MatchedSkill {
  skillId: string;
  wanted: 'required' | 'preferred';
  evidence: SkillEvidence;
}

interface NearMatch {
  skillId: string;
  wanted: 'required' | 'preferred';
  via: string;
  credit: number;
  evidence: SkillEvidence;
}

export type CriterionName = 'location' | 'degree' | 'major' | 'salary' | 'jobType';
export interface Criterion {
  criterion: CriterionName;
  status: 'met' | 'partly' | 'not_met';
}

export interface MatchScore {
  score: number;
  components: Component[];
  matchedSkills: MatchedSkill[];
  nearMatches: NearMatch[];
  missingSkills: { required: string[]; preferred: string[] };
  criteria: Criterion[];
  /** The query's words the posting contains (analyzed terms, strongest first): the lexical component's evidence. */
  matchedTerms: string[];
}

const status = (value: number): Criterion['status'] => (value >= 1 ? 'met' : value > 0 ? 'partly' : 'not_met');

/**
 * The hybrid score: Σ weight_c × value_c over the named components, each value in [0, 1]. Pure and
 * deterministic; the same function scores recommendations, candidates, /match and explanations. The
 * lexical value (BM25F of the profile text against the posting's fields) comes from the posting index,
 * which holds the corpus statistics; without it the component is 0.
 */
export function scoreMatch(
  profile: ProfileFeatures,
  posting: PostingFeatures,
  cosine: number,
  weights: WeightSet,
  similarity: SkillSimilarity,
  lexical: LexicalMatch = NO_LEXICAL_MATCH,
): MatchScore {
  const required = posting.requiredSkills.map((s) => skillCredit(s, profile, similarity));
  const preferred = posting.preferredSkills
    .filter((s) => !posting.requiredSkills.includes(s))
    .map((s) => skillCredit(s, profile, similarity));
  const values: Record<ComponentName, number> = {
    semantic: semanticValue(cosine),
    requiredSkills: coverage(required),
    preferredSkills: coverage(preferred),
    majorFit: majorFit(profile, posting),
    degreeFit: degreeFit(profile, posting),
    locationFit: locationFit(profile, posting),
    salaryFit: salaryFit(profile, posting),
    jobTypeFit: jobTypeFit(profile, posting),
    lexical: lexicalValue(lexical.value),
  };
  const components = COMPONENTS.map((name) => {
    const value = round6(values[name]);
    const weight = weights.weights[name];
    return { name, value, weight, contribution: round6(value * weight) };
  });
  const score = sumMicro(components.map((c) => c.contribution));

  const matchedSkills: MatchedSkill[] = [];
  const nearMatches: NearMatch[] = [];
  const missing = { required: [] as string[], preferred: [] as string[] };
  const sort = (credits: SkillCredit[], wanted: 'required' | 'preferred') => {
    for (const c of credits) {
      const evidence = c.via === null ? undefined : profile.skills.get(c.via);
      if (c.credit >= 1 && evidence) matchedSkills.push({ skillId: c.skillId, wanted, evidence });
      else if (c.credit > 0 && c.via !== null && evidence)
        nearMatches.push({ skillId: c.skillId, wanted, via: c.via, credit: round6(c.credit), evidence });
      if (c.credit < 1) missing[wanted].push(c.skillId);
    }
  };
  sort(required, 'required');
  sort(preferred, 'preferred');

  return {
    score,
    components,
    matchedSkills,
    nearMatches,
    missingSkills: missing,
    criteria: [
      { criterion: 'location', status: status(values.locationFit) },
      { criterion: 'degree', status: status(values.degreeFit) },
      { criterion: 'major', status: status(values.majorFit) },
      { criterion: 'salary', status: status(values.salaryFit) },
      { criterion: 'jobType', status: status(values.jobTypeFit) },
    ],
    matchedTerms: lexical.value > 0 ? [...lexical.terms] : [],
  };
}
