import type { JobHandler } from '../../src/queue/port.ts';
import type { ScheduleDeps } from '../../src/services/audit-ops/scheduled.ts';
import { deliverAlertWebhook } from '../../src/services/audit-ops/webhook.ts';

/** The `webhook-delivery` job: one signed POST of an alert per attempt, each attempt recorded. */
export const webhookDeliveryHandler = (deps: ScheduleDeps): JobHandler<'webhook-delivery'> => (payload, job) => deliverAlertWebhook(deps, payload, job);
