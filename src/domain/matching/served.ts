import { z } from 'zod';
import type { MatchScore } from './score.ts';
import { COMPONENTS } from './weights.ts';

/** What a served match holds besides its score and components: stored with its impression. */
export type MatchDetail = Pick<
  MatchScore,
  'matchedSkills' | 'nearMatches' | 'missingSkills' | 'criteria' | 'matchedTerms'
>;

export const matchDetailOf = (m: MatchScore): MatchDetail => ({
  matchedSkills: m.matchedSkills,
  nearMatches: m.nearMatches,
  missingSkills: m.missingSkills,
  criteria: m.criteria,
  matchedTerms: m.matchedTerms,
});

const evidence = z.object({ source: z.enum(['declared', 'inferred']), field: z.string(), text: z.string() });
const wanted = z.enum(['required', 'preferred']);
const components = z.array(
  z.object({ name: z.enum(COMPONENTS), value: z.number(), weight: z.number(), contribution: z.number() }),
);
const detail = z.object({
  matchedSkills: z.array(z.object({ skillId: z.string(), wanted, evidence })),
  nearMatches: z.array(z.object({ skillId: z.string(), wanted, via: z.string(), credit: z.number(), evidence })),
  missingSkills: z.object({ required: z.array(z.string()), preferred: z.array(z.string()) }),
  criteria: z.array(
    z.object({
      criterion: z.enum(['location', 'degree', 'major', 'salary', 'jobType']),
      status: z.enum(['met', 'partly', 'not_met']),
    }),
  ),
  matchedTerms: z.array(z.string()),
});

const parsed = (raw: unknown): unknown => (typeof raw === 'string' ? JSON.parse(raw) : raw);

/**
 * The match exactly as served, rebuilt from an impression's score, stored components and stored detail; null
 * when the detail was not stored (a list served before it was, or a non-personalized one) or does not parse.
 */
export function servedMatch(score: number, storedComponents: unknown, storedDetail: unknown): MatchScore | null {
  if (storedDetail === null || storedDetail === undefined) return null;
  const c = components.safeParse(parsed(storedComponents));
  const d = detail.safeParse(parsed(storedDetail));
  if (!c.success || !d.success || c.data.length === 0) return null;
  return { score, components: c.data, ...d.data };
}
