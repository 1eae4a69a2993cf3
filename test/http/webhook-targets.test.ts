import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/db.ts';
import { configureWebhookTargets, postWebhook } from '../../src/services/webhook-target.ts';
import { openHttpTest, type TestApi } from '../support/app.ts';
import { postgresDatabase } from '../support/db.ts';
import type { TestTenant } from '../support/factories.ts';

describe('webhook targets are checked after DNS resolution', () => {
  let database: Database;
  let api: TestApi;
  let t: TestTenant;
  let server: Server;
  let port = 0;
  const hits: string[] = [];

  beforeAll(async () => {
    ({ database, api, t } = await openHttpTest(postgresDatabase));
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') res.writeHead(302, { location: `http://127.0.0.1:${port}/followed` }).end();
      else res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    configureWebhookTargets('');
    server.close();
    await database.close();
  });

  const put = (url: string) =>
    api.call<{ status: number; errors: { path: string; message: string }[] }>(
      'PUT',
      '/v1/tenant/alert-webhook',
      t.staff.admin,
      { url, secret: 'whsec_0123456789abcdef' },
    );

  it('refuses loopback, metadata and private receivers at registration, naming the field', async () => {
    configureWebhookTargets('');
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      `http://localhost:${port}/hook`,
      'https://169.254.169.254/latest/meta-data',
      'https://[fd00:ec2::254]/latest',
      'https://10.0.0.8/hook',
      'https://[::ffff:127.0.0.1]/hook',
    ]) {
      const res = await put(url);
      expect(res.status, url).toBe(400);
      expect(res.json.errors[0]?.path, url).toBe('body.url');
    }
    expect(hits).toEqual([]);
  });

  it('refuses to connect to a loopback receiver at delivery unless allowed, and follows no redirect', async () => {
    configureWebhookTargets('');
    await expect(postWebhook(`http://localhost:${port}/hook`, '{}', {}, 2_000)).rejects.toThrow(/loopback/);
    expect(hits).toEqual([]);
    configureWebhookTargets('127.0.0.1, ::1');
    expect((await put(`http://127.0.0.1:${port}/hook`)).status).toBe(200);
    expect(await postWebhook(`http://127.0.0.1:${port}/hook`, '{}', {}, 2_000)).toBe(204);
    expect(await postWebhook(`http://127.0.0.1:${port}/redirect`, '{}', {}, 2_000)).toBe(302);
    expect(hits).toEqual(['/hook', '/redirect']);
  });
});
