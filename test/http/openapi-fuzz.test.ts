import { writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/model/common.ts';
import { operationRoles } from '../../src/http/operation-roles.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp, type TestApi } from '../support/app.ts';
import { newTenant } from '../support/factories.ts';
import { job, testMatching } from '../support/matching.ts';
import { postgresDatabase } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';
import {
  requestArbitrary,
  type Fixtures,
  type FuzzRequest,
  type OpenApiDocument,
  type Operation,
} from '../support/openapi-fuzz.ts';

/*
 * Property-based fuzzing from the served OpenAPI document: every operation gets requests drawn from its own
 * schemas (valid) and the same with one part spoilt by a hostile value (NUL, lone surrogates, ±1e308, deep
 * nesting, wrong types, a broken body). Fixed seed and a few runs per operation, so the run is the same each
 * time and takes seconds. Whatever the input: no 5xx, every 4xx a problem+json, every 400 naming its fields.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
/** A seed per operation from its id, so adding an operation leaves the others' draws as they were. */
const seedOf = (id: string) => [...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_003, 7);
const ROLES: readonly Role[] = ['graduate', 'employer', 'career_office', 'admin', 'auditor'];

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly json: { status?: number; requestId?: string; errors?: Array<{ path?: unknown }> } | undefined;
}

describe('OpenAPI-driven fuzzing', () => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  let doc: OpenApiDocument;
  let fixtures: Fixtures;
  let keys: Record<Role, string>;
  const stacks = new Map<string, string>();

  beforeAll(async () => {
    database = await postgresDatabase();
    // What the app logs as unhandled (with its stack) is kept by request id, to show beside a 5xx.
    const logger = {
      info: () => {},
      warn: () => {},
      error: (_: string, fields: Record<string, unknown> = {}) =>
        stacks.set(String(fields.requestId), String(fields.error).split('\n').slice(0, 4).join(' | ')),
    };
    api = testApp(database, { matching: await testMatching(database), logger });
    t = await newTenant(database);
    const graduate = await t.graduate();
    const employer = await t.employer();
    const posting = await api.call<{ id: string }>('POST', '/v1/jobs', employer.key, job());
    expect(posting.status).toBe(201);
    keys = { graduate: graduate.key, employer: employer.key, ...t.staff };
    fixtures = {
      'graduates:id': graduate.id,
      'jobs:id': posting.json.id,
      'employers:id': employer.id,
      graduateId: graduate.id,
      jobId: posting.json.id,
      postingId: posting.json.id,
      employerId: employer.id,
      tenantId: t.tenantId,
    };
    doc = (await api.call<OpenApiDocument>('GET', '/openapi.json')).json;
  });
  afterAll(async () => database.close());

  const send = async (req: FuzzRequest, key: string | undefined): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (key) headers.authorization = `Bearer ${key}`;
    if (req.contentType) headers['content-type'] = req.contentType;
    const res = await api.app.request(req.url, {
      method: req.method,
      headers,
      ...(req.body === undefined ? {} : { body: req.body }),
    });
    const contentType = res.headers.get('content-type') ?? '';
    const text = await res.text();
    const json = /json/.test(contentType) && text ? (JSON.parse(text) as Answer['json']) : undefined;
    return { status: res.status, contentType, json };
  };

  /** Operations in an order that keeps the fixtures alive: deletions last, the graduate's and employer's last. */
  const operations = () =>
    Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })))
      .sort((a, b) => weight(a) - weight(b));
  const weight = ({ path, method }: { path: string; method: string }) =>
    method !== 'delete' ? 0 : /^\/v1\/(graduates|employers|jobs)\/\{id\}$/.test(path) ? 2 : 1;

  const describeFailure = (op: Operation, req: FuzzRequest, role: string, answer: Answer, why: string) =>
    `${op.operationId} as ${role}: ${req.method} ${req.url.slice(0, 200)} ` +
    `[${req.contentType ?? '-'}] ${typeof req.body === 'string' ? req.body.slice(0, 200) : ''} → ` +
    `${answer.status} ${why} ${JSON.stringify(answer.json)?.slice(0, 300)} ` +
    `${stacks.get(String(answer.json?.requestId)) ?? ''}`;

  /** What every answer must satisfy, as a list of what it broke. */
  const check = (op: Operation, req: FuzzRequest, role: string, answer: Answer): string[] => {
    const fail = (why: string) => [describeFailure(op, req, role, answer, why)];
    if (answer.status >= 500) return fail('5xx');
    if (answer.status < 400) return [];
    if (!/application\/problem\+json/.test(answer.contentType)) return fail('not problem+json');
    if (answer.json?.status !== answer.status) return fail('problem status differs');
    if (answer.status === 400) {
      const paths = (answer.json.errors ?? []).map((e) => e.path);
      if (paths.length === 0) return fail('400 without errors');
      if (!paths.every((p) => typeof p === 'string' && /^(body|query|path|header|form)(\.|$)|^row \d+/.test(p)))
        return fail('400 whose errors name no field');
    }
    return [];
  };

  it('declares who may call every keyed operation (src/http/operation-roles.ts)', () => {
    const keyed = operations().filter(({ op }) => (op.security ?? []).length > 0);
    expect(keyed.filter(({ op }) => !operationRoles[op.operationId]).map(({ op }) => op.operationId)).toEqual([]);
    expect(keyed.every(({ op }) => Array.isArray(op['x-roles']))).toBe(true);
  });

  it('refuses a role the operation never serves with 403 (404 where it hides) before reading the input', async () => {
    const wrong: string[] = [];
    let walked = 0;
    for (const { path, method, op } of operations()) {
      const roles = operationRoles[op.operationId];
      if (!roles || (op.security ?? []).length === 0) continue;
      const refused = ROLES.filter((r) => !roles.allow.includes(r));
      if (refused.length === 0) continue;
      const arbitrary = requestArbitrary(doc, method, path, op, fixtures, 'invalid');
      const requests = fc.sample(arbitrary, { seed: SEED - seedOf(op.operationId), numRuns: refused.length });
      for (const [i, role] of refused.entries()) {
        const req = requests[i];
        // An empty path parameter leaves no operation to refuse (the router answers 404 or 405).
        if (!req || /\/\/|\/(\?|$)/.test(req.url)) continue;
        const answer = await send(req, keys[role]);
        walked++;
        const expected = roles.hidden?.includes(role) ? 404 : 403;
        if (answer.status !== expected) wrong.push(describeFailure(op, req, role, answer, `expected ${expected}`));
      }
    }
    expect(wrong).toEqual([]);
    expect(walked).toBeGreaterThan(100);
  });

  it('answers generated valid and invalid input to every operation without a 5xx, naming failing fields', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { path, method, op } of operations()) {
      const keyed = (op.security ?? []).length > 0;
      const allowed = keyed ? (operationRoles[op.operationId]?.allow ?? []) : [];
      for (const mode of ['valid', 'invalid'] as const) {
        const arbitrary = requestArbitrary(doc, method, path, op, fixtures, mode);
        const requests = fc.sample(arbitrary, { seed: SEED + seedOf(op.operationId), numRuns: RUNS });
        for (const [i, req] of requests.entries()) {
          const role = allowed[i % Math.max(allowed.length, 1)];
          const answer = await send(req, role && keys[role]);
          sent++;
          failures.push(...check(op, req, role ?? 'public', answer));
        }
      }
    }
    if (process.env.FUZZ_FAILURES) await writeFile(process.env.FUZZ_FAILURES, failures.join('\n'));
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(operations().length * RUNS);
  });
});
