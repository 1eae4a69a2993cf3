import { postWebhook } from '../webhook-target.ts';
import { isoTime } from '../../domain/iso.ts';
import type { JobContext } from '../../queue/port.ts';
import * as repo from '../../storage/alerts.repo.ts';
import { signatureHeader } from '../audit-ops/webhook.ts';
import type { SystemContext } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';
import { toGraduateAlert } from './feed.ts';

const TIMEOUT_MS = 10_000;
export const DIGEST_EVENT = 'graduate.alert_digest';

export type DigestDeliveryResult =
  { status: 'delivered'; statusCode: number; attempt: number } | { status: 'skipped'; reason: string };

/**
 * The `alert-digest-delivery` job: POSTs one graduate's digest (JSON, signed like the audit alerts:
 * X-Bole-Signature t=…,v1=HMAC-SHA256(secret, `${t}.${body}`)) to the tenant's graduate-alert webhook and
 * records the attempt on the digest. A digest already delivered is not sent again (a job run twice, or
 * relayed again by the sweeper); a non-2xx answer or a network error throws so BullMQ retries. Receivers
 * de-duplicate on `digest.id` (an answer lost after a 2xx is the one case a retry resends).
 */
export async function deliverAlertDigest(
  ctx: SystemContext,
  payload: { digestId: string; tenantId: string },
  job: Pick<JobContext, 'attempt' | 'finalAttempt'>,
): Promise<DigestDeliveryResult> {
  const { db } = ctx.database;
  const digest = await repo.findDigest(db, payload.tenantId, payload.digestId);
  // Erased with the graduate, or never made: nothing to send.
  if (!digest) return { status: 'skipped', reason: 'the digest no longer exists' };
  if (digest.status === 'delivered') return { status: 'skipped', reason: 'delivered already' };
  const { graduateAlertWebhook: webhook } = await loadTenantSettings(db, payload.tenantId);
  const now = ctx.clock.now();
  if (!webhook) {
    await repo.recordDigestAttempt(db, digest.id, {
      status: 'skipped',
      statusCode: null,
      error: 'no webhook',
      at: now,
    });
    return { status: 'skipped', reason: 'the tenant has no graduate-alert webhook' };
  }
  const items = await repo.digestItems(db, payload.tenantId, digest.id);
  const body = JSON.stringify({
    type: DIGEST_EVENT,
    tenantId: payload.tenantId,
    digest: {
      id: digest.id,
      graduateId: digest.graduate_id,
      createdAt: isoTime(digest.created_at),
      items: items.map(toGraduateAlert),
    },
  });
  const signature = await signatureHeader(webhook.secret, body, Math.floor(now.getTime() / 1000));
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postWebhook(
      webhook.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'Bole-Alerts/1',
        'x-bole-signature': signature,
        'x-bole-event': DIGEST_EVENT,
        'x-bole-attempt': String(job.attempt),
      },
      TIMEOUT_MS,
    );
    const res = { ok: statusCode >= 200 && statusCode < 300, status: statusCode };
    if (!res.ok) error = `answered ${res.status}`;
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const delivered = error === null && statusCode !== null;
  await repo.recordDigestAttempt(db, digest.id, {
    status: delivered ? 'delivered' : job.finalAttempt ? 'failed' : 'pending',
    statusCode,
    error,
    at: now,
  });
  if (!delivered || statusCode === null)
    throw new Error(`digest ${digest.id} delivery failed (attempt ${job.attempt}): ${error ?? 'no answer'}`);
  return { status: 'delivered', statusCode, attempt: job.attempt };
}
