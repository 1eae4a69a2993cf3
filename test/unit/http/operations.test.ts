import type { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../../src/http/env.ts';
import { operationTable } from '../../../src/http/middleware/operations.ts';

const routes: Array<[string, string]> = [
  ['get', '/'],
  ['get', '/v1/jobs'],
  ['get', '/v1/jobs/search'],
  ['get', '/v1/jobs/{id}'],
  ['patch', '/v1/jobs/{id}'],
  ['get', '/v1/jobs/{id}/candidates'],
  ['get', '/v1/graduates/{id}/recommendations'],
  ['get', '/v1/graduates/{id}/recommendations/{postingId}/explanation'],
  ['post', '/v1/match'],
  ['get', '/v1/openapi.json'],
];

/** The registry as operationTable reads it: only what it looks at. */
const app = {
  openAPIRegistry: {
    definitions: [
      { type: 'schema' },
      ...routes.map(([method, path], i) => ({ type: 'route', route: { method, path, operationId: `op${i}` } })),
    ],
  },
} as unknown as OpenAPIHono<AppEnv>;

describe('operationTable', () => {
  const table = operationTable(app);
  const paths = [
    '/',
    '//',
    '',
    '/v1/jobs',
    '/v1/jobs/',
    '/v1/jobs//',
    '/v1/jobs/search',
    '/v1/jobs/search/',
    '/v1/jobs/abc',
    '/v1/jobs/abc/candidates',
    '/v1/jobs/abc/candidates/',
    '/v1/jobs/abc/candidates/x',
    '/v1/graduates/g/recommendations',
    '/v1/graduates/g/recommendations/p/explanation',
    '/v1/graduates/g/recommendations/p/explanation/',
    '/v1/graduates//recommendations',
    '/v1/match',
    '/v1/openapi.json',
    '/v1/openapiXjson',
    '/nothing/here',
  ];

  it('finds exactly the operations whose pattern matches, in the table order, for every method', () => {
    for (const method of ['GET', 'HEAD', 'PATCH', 'POST', 'DELETE'])
      for (const path of paths) {
        const m = method === 'HEAD' ? 'GET' : method;
        const expected = table.all().filter((o) => o.method === m && o.pattern.test(path));
        expect(
          table.matching(method, path).map((o) => o.operationId),
          `${method} ${path}`,
        ).toEqual(expected.map((o) => o.operationId));
      }
  });

  it('picks the literal path over a templated one', () => {
    expect(table.of('GET', '/v1/jobs/search')?.operationId).toBe('op2');
    expect(table.of('GET', '/v1/jobs/abc')?.operationId).toBe('op3');
    expect(table.of('GET', '/')?.operationId).toBe('op0');
    expect(table.of('GET', '/v1/jobs/abc/candidates/')?.operationId).toBe('op5');
    expect(table.of('DELETE', '/v1/jobs/abc')).toBeUndefined();
  });
});
