import { invalid } from '../domain/errors.ts';
import { addressAllowed, parseAllowList, type AllowList } from '../domain/net/addresses.ts';

/**
 * Where webhooks may go (server-side request forgery, OWASP API7): a receiver's name is resolved and every
 * address checked at registration, and again at delivery, where the connection is made to the address
 * that was checked (so a name that resolves elsewhere the second time, DNS rebinding, gains nothing).
 * Loopback, private, link-local (169.254.169.254, fd00:ec2::254), CGNAT and reserved ranges are refused
 * unless the operator allows them (WEBHOOK_ALLOW_PRIVATE); redirects are never followed.
 */
let allowList: AllowList = parseAllowList('');

/** Set once at start-up by the entries (src/entry/*) from WEBHOOK_ALLOW_PRIVATE. */
export function configureWebhookTargets(allowPrivate: string): void {
  allowList = parseAllowList(allowPrivate);
}

type Resolved = { address: string; family: number };

async function resolve(host: string): Promise<Resolved[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const { isIP } = await import('node:net');
  if (isIP(bare)) return [{ address: bare, family: isIP(bare) }];
  const { lookup } = await import('node:dns/promises');
  return lookup(bare, { all: true, verbatim: true });
}

/** The addresses of `host` a webhook may connect to; throws when any resolved address is refused. */
async function checkedAddresses(host: string): Promise<Resolved[]> {
  const addresses = await resolve(host);
  const refused = addresses.find((a) => !addressAllowed(allowList, host, a.address));
  if (refused)
    throw new WebhookTargetError(
      `${host} resolves to ${refused.address}, a loopback, private, link-local or reserved address ` +
        '(allow on-premise receivers with WEBHOOK_ALLOW_PRIVATE)',
    );
  if (addresses.length === 0) throw new WebhookTargetError(`${host} does not resolve`);
  return addresses;
}

export class WebhookTargetError extends Error {
  override name = 'WebhookTargetError';
}

/**
 * At registration: a 400 naming `field` when the URL's host is, or resolves to, a refused address. A name
 * that does not resolve yet is accepted (the receiver may not be in DNS yet): delivery checks again.
 */
export async function assertWebhookTarget(url: string, field: string): Promise<void> {
  const parsed = URL.parse(url);
  if (!parsed) throw invalid(field, 'is not a URL.');
  try {
    await checkedAddresses(parsed.hostname);
  } catch (error) {
    if (error instanceof WebhookTargetError && !error.message.endsWith('does not resolve'))
      throw invalid(field, `${error.message}.`);
  }
}

/**
 * POSTs `body` to `url`, connecting only to a checked address of its host (the check and the connection
 * use the same resolution), with TLS verified for the host name, no redirects followed and a timeout.
 * Resolves to the status code; rejects on a refused address or a network error.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  const target = new URL(url);
  const [picked] = await checkedAddresses(target.hostname);
  if (!picked) throw new WebhookTargetError(`${target.hostname} does not resolve`);
  const http = await import(target.protocol === 'https:' ? 'node:https' : 'node:http');
  return new Promise<number>((done, fail) => {
    const req = http.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: timeoutMs,
        servername: target.hostname.replace(/^\[|\]$/g, ''),
        // The connection goes to the address checked above, never to a second resolution.
        lookup: (_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) =>
          options.all ? cb(null, [picked]) : cb(null, picked.address, picked.family),
      },
      (res: { statusCode?: number | undefined; resume(): void }) => {
        res.resume(); // the answer's body is not read; drain it to free the socket
        done(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', fail);
    req.end(body);
  });
}
