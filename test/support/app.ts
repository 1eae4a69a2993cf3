import { createApp } from '../../src/app.ts';
import { sharedDatabase } from '../../src/http/middleware/database.ts';
import { silentLogger, type Logger } from '../../src/logger.ts';
import { systemClock } from '../../src/services/context.ts';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { TokenRateLimits } from '../../src/services/rate-limit/tokens.ts';
import type { Database } from '../../src/storage/db.ts';
import { newTenant, type TestTenant } from './factories.ts';
import { testMatching } from './matching.ts';

/**
 * A response as a test reads it. `json` is the parsed body when the response is JSON (else undefined);
 * its type is the one the caller names (`call<Graduate>(…)`), unchecked, so a test states what it expects.
 */
export interface TestResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: T;
  readonly text: string;
}

export type Call = <T = unknown>(
  method: string,
  path: string,
  key?: string,
  body?: unknown,
) => Promise<TestResponse<T>>;

export interface TestAppOptions {
  readonly maxBodyBytes?: number;
  readonly matching?: MatchingDeps;
  readonly logger?: Logger;
  readonly rateLimits?: TokenRateLimits;
  readonly embeddingsPerKey?: number;
}

export function testApp(database: Database, options: TestAppOptions = {}) {
  const matching = options.matching;
  const app = createApp({
    database: sharedDatabase(database),
    clock: systemClock,
    logger: options.logger ?? silentLogger,
    maxBodyBytes: options.maxBodyBytes ?? 1_048_576,
    version: 'test',
    ...(matching ? { matching: async () => matching } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.embeddingsPerKey ? { embeddingsPerKey: options.embeddingsPerKey } : {}),
  });
  /** Calls the app in process, as a client would over HTTP. */
  const call: Call = async <T>(method: string, path: string, key?: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const payload = body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) };
    const res = await app.request(path, { method, headers, ...payload });
    const text = await res.text();
    const isJson = text !== '' && /json/.test(res.headers.get('content-type') ?? '');
    const json = (isJson ? JSON.parse(text) : undefined) as T;
    return { status: res.status, headers: res.headers, json, text };
  };
  return { app, call };
}

export type TestApi = ReturnType<typeof testApp>;

export interface HttpTest {
  readonly database: Database;
  readonly api: TestApi;
  /** A fresh tenant of its own, with staff keys and helpers that add graduates and employers with keys. */
  readonly t: TestTenant;
}

/**
 * The set-up every HTTP test file shares: the database `open` gives (the run's PostgreSQL database or a
 * fresh PGlite, see support/db.ts), the app on it — with the test matching engine when `matching` is
 * set — and a fresh tenant. The caller closes the database (afterAll).
 */
export async function openHttpTest(
  open: () => Promise<Database>,
  options: { matching: true; maxBodyBytes?: number },
): Promise<HttpTest & { matching: MatchingDeps }>;
export async function openHttpTest(
  open: () => Promise<Database>,
  options?: { matching?: false; maxBodyBytes?: number },
): Promise<HttpTest>;
export async function openHttpTest(
  open: () => Promise<Database>,
  options: { matching?: boolean; maxBodyBytes?: number } = {},
): Promise<HttpTest & { matching?: MatchingDeps }> {
  const database = await open();
  const matching = options.matching ? await testMatching(database) : undefined;
  const api = testApp(database, {
    ...(matching ? { matching } : {}),
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
  });
  const t = await newTenant(database);
  return { database, api, t, ...(matching ? { matching } : {}) };
}
