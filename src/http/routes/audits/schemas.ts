import { z } from 'zod';
import { AUDIT_PHASES } from '../../../domain/audit-report/phases.ts';

export const auditRun = z
  .object({
    id: z.uuid(),
    source: z
      .enum(['impressions', 'upload'])
      .meta({ description: 'historical impressions, or an uploaded decision file.' }),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    progress: z.number().int().min(0).max(100).meta({ description: 'Percent done while running.', example: 40 }),
    phase: z
      .enum(AUDIT_PHASES)
      .nullable()
      .meta({
        description:
          'The step a running audit of recorded impressions is in, in this order: planning (chunks of graduates), ' +
          'reading (counts and scores), scoring (decisions against the pooled medians), lists (ranking metrics), ' +
          'counterfactual, reranking, report. Once the run ended, the last step it reached (report when completed, ' +
          'the step that failed when failed). null before a worker starts the run, and for uploaded audits.',
        example: 'scoring',
      }),
    failureReason: z.string().nullable().meta({ description: 'Why the run failed (status failed only).' }),
    params: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Window, k, attributes and suppression floor the run uses.' }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    links: z.object({
      self: z.string(),
      report: z.string().nullable().meta({ description: 'JSON report, once completed.' }),
      reportHtml: z.string().nullable().meta({ description: 'Readable HTML report, once completed.' }),
      publish: z
        .string()
        .nullable()
        .meta({ description: 'POST here to publish (completed audits of own recommendations not yet published).' }),
    }),
    published: z
      .object({ at: z.string(), seq: z.number().int() })
      .nullable()
      .meta({ description: 'When the run was published and its publication link in the chain; null = not public.' }),
  })
  .meta({ id: 'AuditRun' });

export const publication = z
  .object({
    run: auditRun,
    publication: z.object({
      seq: z.number().int().meta({ description: "The publication's position in the tenant's audit chain." }),
      sha256: z.string(),
      prevSha256: z.string().nullable(),
      at: z.string(),
      role: z.string().meta({ description: 'Role of the key that published.' }),
    }),
    links: z.object({
      summary: z.string().meta({ description: 'Public JSON summary (no key).' }),
      summaryHtml: z.string().meta({ description: 'Public HTML page (no key).' }),
    }),
  })
  .meta({ id: 'AuditPublication' });

export const chainVerdict = z
  .object({
    ok: z.boolean(),
    reports: z.number().int().meta({ description: 'Reports in the chain up to verifiedThrough.' }),
    publications: z
      .number()
      .int()
      .meta({ description: 'Publications (links of the same chain) up to verifiedThrough.' }),
    firstBroken: z
      .object({
        seq: z.number().int(),
        kind: z.enum(['report', 'publication']),
        reportId: z.string().meta({ description: 'Id of the link: the report, or the publication.' }),
        runId: z.string(),
        problem: z.string(),
      })
      .nullable()
      .meta({ description: 'The first link found not to hold.' }),
    mode: z.enum(['incremental', 'range']).meta({
      description: 'incremental: the bounded check from the checkpoint; range: a page of a full re-verification.',
    }),
    chainLength: z.number().int().meta({ description: "The chain's last seq when the check began." }),
    verifiedThrough: z.number().int().meta({
      description: 'Every link up to this seq stands verified (for incremental checks, partly by earlier checks).',
    }),
    complete: z.boolean().meta({ description: 'verifiedThrough reached chainLength and nothing is broken.' }),
    checkedLinks: z.number().int().meta({ description: 'Links whose stored bodies this check hashed.' }),
    sweep: z
      .object({ from: z.number().int(), through: z.number().int() })
      .nullable()
      .meta({ description: 'The window of older links this incremental check re-verified.' }),
    fullPassAt: z.string().nullable().meta({
      description: 'When the re-verification of older links last covered the whole chain.',
    }),
    nextFrom: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Range checks: from of the next page; null once the end is reached or a link broke.' }),
  })
  .meta({ id: 'AuditChainVerdict' });

const statOptions = {
  posLabel: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .meta({ description: 'Label value counted as positive for the outcome metrics (default 1).', example: 'hired' }),
  referenceGroup: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .meta({ description: 'Category to compare the outcome metrics against (e.g. male).', example: 'male' }),
  scoreThreshold: z.coerce.number().min(-1e12).max(1e12).optional().meta({
    description: 'Binary scores: scoring rate = share with score ≥ this, instead of above the median.',
    example: 0.5,
  }),
  skewEpsilon: z.coerce.number().gt(0).max(0.01).optional().meta({
    description: 'Skew@k smoothing ε for groups absent from the top k (default: Laplace α = 1).',
    example: 1e-7,
  }),
};

export const externalBody = z
  .object({
    ...statOptions,
    rows: z
      .array(z.unknown())
      .max(200_000)
      .meta({
        description:
          'Decision rows, each an ExternalAuditRow (subjectId, groups, listId, rank, score, ' +
          'selected, outcome, optional label and weight); every row is validated and a 400 names the ' +
          'row index and field.',
      }),
    k: z.number().int().min(1).max(200).default(10),
    minGroupSize: z.number().int().min(1).max(1000).default(10),
    description: z
      .string()
      .max(300)
      .default('uploaded decision file')
      .meta({ description: 'Where the data came from, printed on the report.' }),
  })
  .meta({ id: 'ExternalAuditRequest' });

export const externalQuery = z.object({
  ...statOptions,
  k: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .meta({ description: 'Top-k (CSV uploads; JSON bodies carry their own).' }),
  minGroupSize: z.coerce.number().int().min(1).max(1000).default(10),
  description: z.string().max(300).default('uploaded decision file'),
});
