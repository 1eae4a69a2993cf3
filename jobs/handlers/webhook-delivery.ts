import type { JobHandler } from '../../src/queue/port.ts';
import type { SystemContext } from '../../src/services/context.ts';
import { deliverAlertWebhook } from '../../src/services/audit-ops/webhook.ts';

/** The `webhook-delivery` job: one signed POST of an alert per attempt, each attempt recorded. */
export const webhookDeliveryHandler =
  (ctx: SystemContext): JobHandler<'webhook-delivery'> =>
  (payload, job) =>
    deliverAlertWebhook(ctx, payload, job);
