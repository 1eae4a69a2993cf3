import { z } from 'zod';

// New components go last: stored impressions and the audit's proxies read components by position.
export const COMPONENTS = [
  'semantic',
  'requiredSkills',
  'preferredSkills',
  'majorFit',
  'degreeFit',
  'locationFit',
  'salaryFit',
  'jobTypeFit',
  'lexical',
] as const;
export type ComponentName = (typeof COMPONENTS)[number];

export const weightSetSchema = z
  .object({
    version: z.string().min(1),
    weights: z.object(
      Object.fromEntries(COMPONENTS.map((c) => [c, z.number().min(0).max(1)])) as Record<ComponentName, z.ZodNumber>,
    ),
  })
  .refine((w) => Math.abs(Object.values(w.weights).reduce((a, b) => a + b, 0) - 1) < 1e-9, {
    message: 'weights must sum to 1',
    path: ['weights'],
  });
export type WeightSet = z.infer<typeof weightSetSchema>;

/**
 * The scoring model in force. Weights sum to 1, so a score is a weighted mean of component values in
 * [0, 1]. Any change here must change `version`: explanations, impressions and the disclosure cite it.
 *
 * hybrid-2026.12.1 (from .11.2: adds lexical 0.16, the BM25F keyword match of the profile text against
 * the posting's title, skills and description; semantic 0.40 → 0.28, majorFit 0.06 → 0.04, degreeFit
 * 0.06 → 0.04): the grid optimum (dev nDCG@10 0.9494 vs 0.9440 for .11.2) on the dev profiles of
 * bench:quality (c) only, with the embedder fitted as SERVICE_LSA_FIT (bench/quality/tune-production.ts).
 * Location, salary and job type keep their 0.16: the benchmark cannot see them (its profiles state no
 * preference); stated job-type and location preferences act as tiers of the list instead (services).
 * Degree drops to 0.04 because lists already leave out postings whose minimum degree is not met.
 */
export const DEFAULT_WEIGHTS: WeightSet = weightSetSchema.parse({
  version: 'hybrid-2026.12.1',
  weights: {
    semantic: 0.28,
    requiredSkills: 0.24,
    preferredSkills: 0.08,
    majorFit: 0.04,
    degreeFit: 0.04,
    locationFit: 0.06,
    salaryFit: 0.05,
    jobTypeFit: 0.05,
    lexical: 0.16,
  },
});

/** Contributions are rounded to 6 decimals (micro-units); the score is their sum in micro-units, so they add up exactly. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A 6-decimal number as an integer count of millionths. */
const toMicro = (x: number): number => Math.round(x * 1e6);

/**
 * The sum of 6-decimal contributions, itself a 6-decimal number: summed as integers, so no float noise
 * (0.6915030000000002) reaches a score, and the decimal sum of the contributions is the score exactly.
 */
export const sumMicro = (parts: readonly number[]): number => parts.reduce((s, x) => s + toMicro(x), 0) / 1e6;
