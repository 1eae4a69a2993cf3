import type { Component, MatchScore } from '../../domain/matching/score.ts';
import type { SkillEvidence } from '../../domain/matching/features.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';
import { skillLabel, untranslatedIn } from '../../domain/explain/labels.ts';
import type { Lang } from '../../domain/model/common.ts';

export interface SkillRef {
  skillId: string;
  name: string;
  nameZh: string;
  /** Languages with no name of their own for the skill (shown as is and marked untranslated in text). */
  untranslated: Lang[];
}

/** Display names of a canonical skill id, or of a free tag (`tag:<label>`). */
export function skillRef(id: string): SkillRef {
  const label = skillLabel(id, (skillId) => getTaxonomy().get(skillId));
  return { skillId: id, name: label.en, nameZh: label.zh, untranslated: untranslatedIn(label) };
}

export interface MatchView {
  score: number;
  components: Component[];
  matchedTerms: string[];
  matchedSkills: Array<SkillRef & { wanted: 'required' | 'preferred'; evidence: SkillEvidence }>;
  nearMatches: Array<
    SkillRef & { wanted: 'required' | 'preferred'; via: SkillRef; credit: number; evidence: SkillEvidence }
  >;
  missingSkills: { required: SkillRef[]; preferred: SkillRef[] };
  criteria: MatchScore['criteria'];
}

/** The match as every list item shows it: the numbers, and the skills by name in both languages. */
export function matchView(match: MatchScore): MatchView {
  return {
    score: match.score,
    components: match.components,
    matchedTerms: match.matchedTerms,
    matchedSkills: match.matchedSkills.map((m) => ({ ...skillRef(m.skillId), wanted: m.wanted, evidence: m.evidence })),
    nearMatches: match.nearMatches.map((n) => ({
      ...skillRef(n.skillId),
      wanted: n.wanted,
      via: skillRef(n.via),
      credit: n.credit,
      evidence: n.evidence,
    })),
    missingSkills: {
      required: match.missingSkills.required.map(skillRef),
      preferred: match.missingSkills.preferred.map(skillRef),
    },
    criteria: match.criteria,
  };
}
