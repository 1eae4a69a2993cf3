import type { Component, MatchScore } from '../../domain/matching/score.ts';
import type { SkillEvidence } from '../../domain/matching/features.ts';
import { getTaxonomy } from '../../domain/skills/index.ts';

export interface SkillRef {
  skillId: string;
  name: string;
  nameZh: string;
}

/** Display names of a canonical skill id, or of a free tag (`tag:<label>`). */
export function skillRef(id: string): SkillRef {
  if (id.startsWith('tag:')) {
    const label = id.slice(4);
    return { skillId: id, name: label, nameZh: label };
  }
  const skill = getTaxonomy().get(id);
  return { skillId: id, name: skill?.name ?? id, nameZh: skill?.nameZh ?? skill?.name ?? id };
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
