import { createApp } from '../../src/app.ts';
import { sharedDatabase } from '../../src/http/middleware/database.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { systemClock } from '../../src/services/context.ts';
import type { Database } from '../../src/storage/db.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { TokenRateLimits } from '../../src/services/identity/rate-limit.ts';

export function testApp(database: Database, options: { maxBodyBytes?: number; matching?: MatchingDeps; logger?: Logger; rateLimits?: TokenRateLimits } = {}) {
  const matching = options.matching;
  const app = createApp({
    database: sharedDatabase(database), clock: systemClock, logger: options.logger ?? silentLogger, maxBodyBytes: options.maxBodyBytes ?? 1_048_576, version: 'test',
    ...(matching ? { matching: async () => matching } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  /** Calls the app in process, as a client would over HTTP. */
  async function call(method: string, path: string, key?: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
    const json: any = text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, json, text };
  }
  return { app, call };
}
