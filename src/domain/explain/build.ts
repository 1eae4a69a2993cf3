import { getTaxonomy } from '../skills/index.ts';
import { round6, sumMicro } from '../matching/weights.ts';
import type { MatchScore } from '../matching/score.ts';
import { DomainError } from '../errors.ts';
import { explainCriteria } from './criteria.ts';
import { AI_ROLE, COMPONENT_LABELS, SIGNALS_NOT_USED, skillLabel, untranslatedIn, type SkillLookup } from './labels.ts';
import { renderSummary } from './summary.ts';
import type { ExplainedComponent, Explanation, ExplanationInput, Factor } from './types.ts';

const defaultLookup: SkillLookup = (id) => getTaxonomy().get(id);

/** How many factors `topFactors` lists on each side. */
const TOP_FACTORS = 3;

/**
 * Refuses a score its components do not add up to. Contributions and score are 6-decimal numbers and
 * the scorer sums them as integer millionths (sumMicro), so the same sum must give the score bit for
 * bit; anything else means the match was altered.
 */
function assertFaithful(match: MatchScore): void {
  const sum = sumMicro(match.components.map((c) => c.contribution));
  const bad = match.components.find((c) => c.contribution !== round6(c.value * c.weight));
  if (sum !== match.score || bad) {
    throw new DomainError('unprocessable', 'The score is not the sum of its component contributions.', {
      extra: { score: match.score, sum, component: bad?.name ?? null },
    });
  }
}

/** Largest first; ties keep the scorer's component order (Array.prototype.sort is stable). */
function top(components: readonly ExplainedComponent[], amount: (c: ExplainedComponent) => number): Factor[] {
  return components
    .map((c) => ({ name: c.name, label: c.label, amount: amount(c) }))
    .filter((f) => f.amount > 0)
    .sort((a, b) => b.amount - a.amount)
    .slice(0, TOP_FACTORS);
}

/**
 * The structured explanation of one match: every component (value, weight, contribution, shortfall),
 * the skills with their evidence, the criteria with the values compared, the signals never used and
 * the AI's role. Everything is copied or looked up from the inputs; nothing is estimated.
 */
export function buildExplanation(input: ExplanationInput): Explanation {
  const { match } = input;
  assertFaithful(match);
  const lookup = input.skills ?? defaultLookup;
  const ref = (skillId: string) => {
    const label = skillLabel(skillId, lookup);
    return { skillId, name: { zh: label.zh, en: label.en }, untranslated: untranslatedIn(label) };
  };
  const components: ExplainedComponent[] = match.components.map((c) => ({
    name: c.name,
    label: COMPONENT_LABELS[c.name],
    value: c.value,
    weight: c.weight,
    contribution: c.contribution,
    shortfall: round6(c.weight - c.contribution),
  }));
  const core: Omit<Explanation, 'summary'> = {
    lang: input.lang,
    score: match.score,
    modelVersion: input.modelVersion,
    embedderId: input.embedderId,
    personalized: input.personalized,
    posting: { title: input.posting.title },
    components,
    topFactors: { strongest: top(components, (c) => c.contribution), shortfalls: top(components, (c) => c.shortfall) },
    matchedTerms: [...match.matchedTerms],
    matchedSkills: match.matchedSkills.map((m) => ({
      ...ref(m.skillId),
      wanted: m.wanted,
      evidence: { ...m.evidence },
    })),
    nearMatches: match.nearMatches.map((n) => ({
      ...ref(n.skillId),
      wanted: n.wanted,
      via: ref(n.via),
      credit: n.credit,
      evidence: { ...n.evidence },
    })),
    missingSkills: {
      required: match.missingSkills.required.map(ref),
      preferred: match.missingSkills.preferred.map(ref),
    },
    criteria: explainCriteria(match.criteria, input.posting, input.graduate),
    signalsNotUsed: SIGNALS_NOT_USED,
    aiRole: AI_ROLE,
  };
  return { ...core, summary: renderSummary(core, input.lang) };
}
