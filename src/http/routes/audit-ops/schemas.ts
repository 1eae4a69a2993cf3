import { z } from 'zod';
import { alertWebhookView, auditSchedule } from '../../../domain/model/tenant-settings.ts';

export const scheduleView = z
  .object({
    schedule: auditSchedule.nullable(),
    nextRunAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: 'Next tick by the setting; the job scheduler follows within about a second of a change.' }),
    recentRuns: z
      .array(z.object({ tick: z.iso.datetime(), runId: z.uuid(), origin: z.enum(['scheduler', 'catch-up']) }))
      .meta({
        description:
          'Latest scheduled runs (tick, run, whether the job scheduler or the catch-up check at worker start made it).',
      }),
  })
  .meta({ id: 'AuditScheduleView' });

export const webhookAnswer = z.object({ webhook: alertWebhookView.nullable() }).meta({ id: 'AlertWebhookAnswer' });

const ALERT_STATUS = ['open', 'acknowledged', 'resolved'] as const;

export const alertView = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    kind: z.enum(['adverse_impact', 'exposure_disparity']).meta({
      description:
        'adverse_impact: impact ratio < 0.8 and Fisher p < 0.05 for a published group; ' +
        'exposure_disparity: exposure/relevance ratio < 0.8 and Hoeffding p < 0.05 on the exposure ' +
        'gap.',
    }),
    grouping: z.string().meta({ example: 'gender × hukouType' }),
    group: z.string().meta({ example: 'female|rural' }),
    metric: z.string().meta({ example: 'selection' }),
    figures: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The figures that raised it (ratio, p-value, counts, reference group).' }),
    status: z.enum(ALERT_STATUS),
    note: z.string().nullable(),
    statusBy: z.string().nullable().meta({ description: 'Key id that last changed the status.' }),
    statusAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    links: z.object({ self: z.string(), deliveries: z.string(), report: z.string() }),
  })
  .meta({ id: 'AuditAlert' });

export const alertList = z.object({ items: z.array(alertView) }).meta({ id: 'AuditAlerts' });

export const alertsQuery = z.object({
  status: z.enum(ALERT_STATUS).optional().meta({ description: 'Only alerts with this status.' }),
  runId: z.uuid().optional().meta({ description: 'Only alerts raised by this audit run.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Newest first, at most this many.' }),
});

export const alertPatch = z
  .object({
    status: z
      .enum(ALERT_STATUS)
      .meta({ description: 'acknowledged (being handled), resolved, or open again.', example: 'acknowledged' }),
    note: z.string().trim().min(1).max(2_000).meta({
      description: 'What was done or decided; kept on the alert and in the operator log.',
      example: '已复核西部生源曝光问题，正在调整权重。',
    }),
  })
  .strict()
  .meta({ id: 'AlertPatch' });

export const deliveries = z
  .object({
    items: z.array(
      z.object({
        attempt: z.number().int(),
        url: z.string(),
        statusCode: z.number().int().nullable(),
        error: z.string().nullable(),
        durationMs: z.number().int(),
        at: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'AlertDeliveries' });

const rateRow = z.object({
  group: z.string(),
  n: z.number().int().meta({ description: 'Decisions.' }),
  people: z.number().int().nullable().meta({ description: 'People behind the decisions (null in format /1).' }),
  selected: z.number().int(),
  rate: z.number().nullable(),
  impactRatio: z.number().nullable(),
});

export const publicSummary = z
  .object({
    tenantId: z.uuid(),
    auditDate: z.string(),
    report: z
      .object({ seq: z.number().int(), sha256: z.string() })
      .meta({ description: "Position and hash of the report in the tenant's chain." }),
    publication: z.object({ seq: z.number().int(), sha256: z.string(), publishedAt: z.string() }).meta({
      description:
        'The chain link that published the report (a career office or auditor publishes a ' +
        'completed audit; unpublished audits are never shown here).',
    }),
    dataWindow: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    dataSource: z.object({ kind: z.literal('impressions'), description: z.string() }),
    k: z.number().int(),
    modelVersions: z.array(z.string()),
    totals: z.object({
      decisions: z.number().int(),
      unknownDecisions: z.number().int(),
      graduates: z.number().int(),
      consented: z.number().int(),
    }),
    rules: z.object({
      minGroupSize: z.number(),
      minShare: z.number(),
      impactRatioThreshold: z.number(),
      significance: z.number(),
    }),
    categories: z.array(
      z.object({
        grouping: z.string(),
        attributes: z.array(z.string()),
        kind: z.enum(['single', 'intersection', 'proxy']),
        selectionRates: z.array(rateRow).nullable(),
        scoringRates: z.array(rateRow).nullable(),
        excluded: z.array(
          z.object({
            group: z.string(),
            n: z.number().int().meta({ description: 'People.' }),
            reason: z.string(),
            decisions: z.number().int().nullable().optional(),
            selected: z.number().int().nullable().optional(),
            rate: z
              .number()
              .nullable()
              .optional()
              .meta({ description: 'Given under the 2 % share (LL144 §5-301(d)); null when suppressed.' }),
          }),
        ),
        unknown: z.number().int(),
        unknownPeople: z.number().int().nullable(),
      }),
    ),
    conventions: z.object({
      selectionRate: z.string(),
      impactRatio: z.string(),
      scoringRate: z.string(),
      suppression: z.string(),
    }),
  })
  .meta({ id: 'PublicAuditSummary' });
