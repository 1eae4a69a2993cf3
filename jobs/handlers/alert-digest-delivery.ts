import type { JobHandler } from '../../src/queue/port.ts';
import { deliverAlertDigest } from '../../src/services/alerts/digest.ts';
import type { SystemContext } from '../../src/services/context.ts';

/** The `alert-digest-delivery` job: one signed POST of a graduate's digest per attempt, each attempt recorded. */
export const alertDigestDeliveryHandler =
  (ctx: SystemContext): JobHandler<'alert-digest-delivery'> =>
  (payload, job) =>
    deliverAlertDigest(ctx, payload, job);
