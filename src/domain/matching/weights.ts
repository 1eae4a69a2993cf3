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
 * hybrid-2026.12.2 (from .12.1, for the supervised embedder, now the default): semantic 0.28 → 0.30,
 * lexical 0.16 → 0.34, requiredSkills 0.24 → 0.10, preferredSkills 0.08 → 0.04, majorFit 0.04 → 0.02.
 * Chosen by bench/quality/tune-weights.ts on DEV queries only: the held-out job titles of bench:quality (a)
 * scored through this scorer (dev MRR 0.436, 1.29× BM25's 0.338, against 0.334 for .12.1) and the dev
 * profiles of (c) (dev nDCG@10 0.926 against 0.924), maximising the mean of the two ratios to BM25.
 * Location, salary and job type keep their 0.16: neither benchmark can see them (their queries state no
 * preference); stated job-type and location preferences act as tiers of the list instead (services).
 *
 * hybrid-2026.12.1 added the lexical component (0.16) for the LSA embedder, on (c)'s dev profiles only.
 */
export const DEFAULT_WEIGHTS: WeightSet = weightSetSchema.parse({
  version: 'hybrid-2026.12.2',
  weights: {
    semantic: 0.3,
    requiredSkills: 0.1,
    preferredSkills: 0.04,
    majorFit: 0.02,
    degreeFit: 0.04,
    locationFit: 0.06,
    salaryFit: 0.05,
    jobTypeFit: 0.05,
    lexical: 0.34,
  },
});

/**
 * Contributions are rounded to 6 decimals (micro-units); the score is their sum in micro-units, so they add up exactly.
 */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * The most an exact score (round6 of each value and contribution, summed in micro-units) differs from the unrounded
 * hybrid Σ w_c·value_c the indexes rank by: nine components, each off by at most 0.5e-6 in its value (times a
 * weight ≤ 1) and 0.5e-6 in its contribution, so 5e-6 at most; twice that for the floating-point sums.
 */
export const ROUNDING_MARGIN = 1e-5;

/** A 6-decimal number as an integer count of millionths. */
const toMicro = (x: number): number => Math.round(x * 1e6);

/**
 * The sum of 6-decimal contributions, itself a 6-decimal number: summed as integers, so no float noise
 * (0.6915030000000002) reaches a score, and the decimal sum of the contributions is the score exactly.
 */
export const sumMicro = (parts: readonly number[]): number => parts.reduce((s, x) => s + toMicro(x), 0) / 1e6;
