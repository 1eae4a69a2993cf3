import { z } from 'zod';
import { categoriesOf, PROTECTED_ATTRIBUTES } from '../audit-report/attributes.ts';

/**
 * Fairness-aware re-ranking of candidate lists, kept in tenants.settings.reranking.
 * It reorders a list the scorer already scored; it never changes a score and never feeds the scorer.
 */
export const RERANK_METHODS = ['det_const_sort', 'fa_ir', 'floors', 'det_greedy', 'det_cons', 'det_relaxed'] as const;
/** The interval-constrained methods of Geyik, Ambler & Kenthapadi (2019) that target a share for every group. */
export const GEYIK_METHODS = ['det_greedy', 'det_cons', 'det_relaxed'] as const;
export const isGeyikMethod = (m: RerankMethod): m is (typeof GEYIK_METHODS)[number] =>
  (GEYIK_METHODS as readonly string[]).includes(m);
export type RerankMethod = (typeof RERANK_METHODS)[number];
export type RerankAttribute = (typeof PROTECTED_ATTRIBUTES)[number];

const fields = {
  enabled: z.boolean().meta({
    description: 'When true, every candidate list of the tenant is re-ranked after scoring (and logged).',
    example: true,
  }),
  method: z.enum(RERANK_METHODS).meta({
    description:
      "det_const_sort: minimum shares for the attribute's groups (Geyik, Ambler & Kenthapadi " +
      "2019's ⌊i·p⌋ counts) as FLOORS only, never quotas: every group keeps at least its share " +
      'among the candidates; fa_ir: FA*IR (Zehlike et al. 2017) with its multiple-testing ' +
      'adjusted m-table; floors: every group of several attributes and of their pairs keeps at ' +
      'least its share among the candidates in every prefix (feasibility-aware greedy), ' +
      "targetShares raise the attribute's groups further; det_greedy, det_cons, det_relaxed: Geyik et al. " +
      "2019's DetGreedy, DetCons and DetRelaxed as published (AIF360's Greedy, Conservative, Relaxed) with " +
      'each group of the attribute at its share of the first k candidates (targetShares raise it): ' +
      'every prefix i holds at least ⌊i·share⌋ and, while another group is short, at most ⌈i·share⌉.',
    example: 'det_const_sort',
  }),
  attribute: z
    .enum(PROTECTED_ATTRIBUTES)
    .meta({ description: 'The consented protected attribute the constraint is about.', example: 'gender' }),
  targetShares: z
    .record(z.string(), z.number().min(0).max(1))
    .default({})
    .meta({
      description:
        'det_const_sort and det_greedy/det_cons/det_relaxed: minimum share per group of the attribute ' +
        '(every prefix of length i holds ' +
        'at least ⌊i·share⌋). The remaining share goes to everyone else, including people without ' +
        'consented demographics; the shares must sum to less than 1.',
      example: { female: 0.4 },
    }),
  attributes: z
    .array(z.enum(PROTECTED_ATTRIBUTES))
    .max(PROTECTED_ATTRIBUTES.length)
    .default([])
    .meta({
      description:
        'floors: the protected attributes whose groups get floors at their share among the ' +
        'candidates (the attribute above is always one of them).',
      example: ['gender', 'hukouType', 'regionOfOrigin'],
    }),
  intersections: z.boolean().default(true).meta({
    description: 'floors: also keep a floor for every cell of every pair of those attributes (e.g. female × rural).',
    example: true,
  }),
  protectedGroups: z
    .array(z.string())
    .max(5)
    .default([])
    .meta({
      description: 'fa_ir: the groups that count as protected (people without consented demographics never do).',
      example: ['rural'],
    }),
  k: z
    .number()
    .int()
    .min(1)
    .max(200)
    .default(20)
    .meta({ description: 'Length of the re-ranked prefix; the rest of the list follows in score order.', example: 20 }),
  p: z
    .number()
    .gt(0)
    .lt(1)
    .default(0.5)
    .meta({ description: 'fa_ir: target minimum proportion of protected candidates.', example: 0.4 }),
  alpha: z.number().gt(0).lt(1).default(0.1).meta({
    description: 'fa_ir: family-wise significance of the ranked group fairness test (adjusted per prefix).',
    example: 0.1,
  }),
  crossList: z
    .object({
      enabled: z
        .boolean()
        .default(false)
        .meta({
          description:
            "floors: also track every group's selection across the tenant's lists (memberships of served lists and " +
            'how many reached the top `selectedTop`, per day, persisted) and raise the floor at `selectedTop` of a ' +
            "group whose selection rate over the last `windowDays` lags `ratio` × the best group's, so the impact " +
            'ratios an audit of that window computes rise towards `ratio`.',
          example: true,
        }),
      windowDays: z.number().int().min(1).max(366).default(28).meta({
        description: "Days the tally looks back: the audit window to balance (the schedule's windowDays).",
        example: 28,
      }),
      selectedTop: z.number().int().min(1).max(200).default(10).meta({
        description: "The top k the audit counts as selected (the audit's k, default 10); at most k.",
        example: 10,
      }),
      ratio: z
        .number()
        .min(0.5)
        .max(1)
        .default(0.9)
        .meta({
          description:
            "Impact ratio each group's tallied rate is lifted towards (the audit's 0.9 goal by default; a higher " +
            'value leaves a margin for consent changes at a higher nDCG cost: npm run bench:rerank -- --ratio=).',
          example: 0.9,
        }),
    })
    .default({ enabled: false, windowDays: 28, selectedTop: 10, ratio: 0.9 })
    .meta({ description: 'floors only: cross-list catch-up of groups whose cumulative selection lags.' }),
};

/** As stored (no cross-field checks, so a stored value written by an older version still loads). */
export const storedReranking = z.object(fields);
export type RerankingSettings = z.infer<typeof storedReranking>;

export const RERANKING_DEFAULT: RerankingSettings = {
  enabled: false,
  method: 'det_const_sort',
  attribute: 'gender',
  targetShares: {},
  attributes: [],
  intersections: true,
  protectedGroups: [],
  k: 20,
  p: 0.5,
  alpha: 0.1,
  crossList: { enabled: false, windowDays: 28, selectedTop: 10, ratio: 0.9 },
};

/** The PUT body: every group must be a category of the attribute; the method's own fields are required. */
export const rerankingInput = z
  .object(fields)
  .strict()
  .superRefine((v, ctx) => {
    const allowed = categoriesOf(v.attribute);
    const known = (g: string) => allowed.includes(g);
    const groupsOf = `${v.attribute} has the groups ${allowed.join(', ')}`;
    if (v.crossList.enabled && v.method !== 'floors')
      ctx.addIssue({
        code: 'custom',
        path: ['crossList', 'enabled'],
        message: `cross-list tracking raises the floors of method floors; ${v.method} has none to raise`,
      });
    if (v.crossList.enabled && v.crossList.selectedTop > v.k)
      ctx.addIssue({
        code: 'custom',
        path: ['crossList', 'selectedTop'],
        message: `selectedTop (${v.crossList.selectedTop}) must be at most k (${v.k}), the re-ranked prefix`,
      });
    if (v.method === 'det_const_sort' || v.method === 'floors' || isGeyikMethod(v.method)) {
      const entries = Object.entries(v.targetShares);
      if (entries.length === 0 && v.method === 'det_const_sort')
        ctx.addIssue({
          code: 'custom',
          path: ['targetShares'],
          message: `det_const_sort needs at least one target share (${groupsOf})`,
        });
      for (const [g] of entries)
        if (!known(g))
          ctx.addIssue({
            code: 'custom',
            path: ['targetShares', g],
            message: `'${g}' is not a group of ${v.attribute}; ${groupsOf}`,
          });
      const sum = entries.reduce((s, [, x]) => s + x, 0);
      if (sum >= 1)
        ctx.addIssue({
          code: 'custom',
          path: ['targetShares'],
          message:
            `target shares sum to ${Math.round(sum * 1e6) / 1e6}; they must sum to less than 1, ` +
            `leaving room for other groups and for people without consented demographics`,
        });
    } else {
      if (v.protectedGroups.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['protectedGroups'],
          message: `fa_ir needs at least one protected group (${groupsOf})`,
        });
      v.protectedGroups.forEach((g, i) => {
        if (!known(g))
          ctx.addIssue({
            code: 'custom',
            path: ['protectedGroups', i],
            message: `'${g}' is not a group of ${v.attribute}; ${groupsOf}`,
          });
      });
      if (v.protectedGroups.length > 0 && v.protectedGroups.length === allowed.length)
        ctx.addIssue({
          code: 'custom',
          path: ['protectedGroups'],
          message: 'naming every group as protected leaves no one to compare with',
        });
    }
  })
  .meta({ id: 'RerankingSettingsInput' });
export type RerankingInput = z.infer<typeof rerankingInput>;

export const rerankingView = storedReranking.meta({ id: 'RerankingSettings' });
