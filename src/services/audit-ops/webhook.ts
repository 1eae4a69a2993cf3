import { postWebhook } from '../webhook-target.ts';
import { PermanentJobError } from '../../queue/errors.ts';
import type { JobContext } from '../../queue/port.ts';
import * as opsRepo from '../../storage/audit-ops.repo.ts';
import type { SystemContext } from '../context.ts';
import { loadTenantSettings } from '../tenant-settings.ts';
import { toAlertView } from './alerts.ts';

const SIGNATURE_HEADER = 'x-bole-signature';
const TIMEOUT_MS = 10_000;

const hex = (bytes: ArrayBuffer): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * `X-Bole-Signature: t=<unix seconds>,v1=<hex>` where v1 = HMAC-SHA256(secret, `${t}.${rawBody}`), the
 * scheme Stripe uses: the timestamp is signed with the body, so a receiver can refuse replays (compare
 * t with its clock) and verifies by recomputing v1 over the exact bytes it received.
 */
export async function signatureHeader(secret: string, body: string, unixSeconds: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${unixSeconds}.${body}`));
  return `t=${unixSeconds},v1=${hex(mac)}`;
}

export type DeliveryResult =
  { status: 'delivered'; statusCode: number; attempt: number } | { status: 'skipped'; reason: string };

/**
 * The `webhook-delivery` job: POSTs the alert (JSON) to the tenant's webhook as it is set now, signed,
 * and records the attempt (status code or network error, duration) whatever the outcome. A non-2xx
 * answer or a network error throws, so BullMQ retries with the catalog's exponential backoff.
 * The body does not change between attempts except for the alert's status; an alert delivered once is not
 * sent again. Receivers should still de-duplicate on `alert.id` (a crash between the POST and its record
 * resends). Redirects are not followed (a signed body is meant for the configured URL only).
 */
export async function deliverAlertWebhook(
  ctx: SystemContext,
  payload: { alertId: string; tenantId: string },
  job: Pick<JobContext, 'attempt'>,
): Promise<DeliveryResult> {
  const { db } = ctx.database;
  const alert = await opsRepo.findAlert(db, payload.tenantId, payload.alertId);
  if (!alert) throw new PermanentJobError(`alert ${payload.alertId} does not exist in tenant ${payload.tenantId}`);
  // A job run again after its success (Redis restarted empty, and the sweeper relayed the lost job) sends nothing.
  const done = (await opsRepo.listDeliveries(db, payload.tenantId, alert.id)).find(
    (d) => d.error === null && d.status_code !== null && d.status_code >= 200 && d.status_code < 300,
  );
  if (done) return { status: 'skipped', reason: `delivered already (attempt ${done.attempt})` };
  const { alertWebhook: webhook } = await loadTenantSettings(db, payload.tenantId);
  if (!webhook) return { status: 'skipped', reason: 'the tenant has no alert webhook' };
  const body = JSON.stringify({ type: 'audit.alert', tenantId: payload.tenantId, alert: toAlertView(alert) });
  const now = ctx.clock.now();
  const signature = await signatureHeader(webhook.secret, body, Math.floor(now.getTime() / 1000));
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    statusCode = await postWebhook(
      webhook.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'Bole-Alerts/1',
        [SIGNATURE_HEADER]: signature,
        'x-bole-event': 'audit.alert',
        'x-bole-attempt': String(job.attempt),
      },
      TIMEOUT_MS,
    );
    const res = { ok: statusCode >= 200 && statusCode < 300, status: statusCode };
    if (!res.ok) error = `answered ${res.status}`;
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  await opsRepo.insertDelivery(db, {
    id: ctx.ids.newId(),
    tenantId: payload.tenantId,
    alertId: alert.id,
    attempt: job.attempt,
    url: webhook.url,
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
    now,
  });
  if (error !== null || statusCode === null)
    throw new Error(`webhook delivery of alert ${alert.id} failed (attempt ${job.attempt}): ${error ?? 'no answer'}`);
  return { status: 'delivered', statusCode, attempt: job.attempt };
}
