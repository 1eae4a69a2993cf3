import { request } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBytes } from '../../../src/http/json-bytes.ts';

const values: Record<string, object> = {
  ascii: { listId: 'a', items: [{ rank: 1, score: 0.630707, salaryMin: undefined, closesAt: null }] },
  chinese: { title: '工业工程师（2027届校招）', summary: '匹配度 0.63：必备技能 5 项中具备 4 项。', n: [1, 2.5, -0] },
  escapes: { text: 'quote " backslash \\ newline \n tab \t nul \u0000 line sep \u2028', emoji: '😀 ok' },
  // Well-formed JSON.stringify writes a lone surrogate as an escape; the bytes must say the same.
  surrogates: { lone: 'a\ud800b', low: '\udc00', pair: '\ud83d\ude00' },
  // Past the first scratch (64 KiB), so it grows and is reused by the next.
  grown: { items: Array.from({ length: 3_000 }, (_, i) => ({ i, name: `岗位 ${i}`, text: '数据分析'.repeat(5) })) },
  // Past the scratch's limit (4 MiB at 3 bytes a unit): encoded on its own.
  huge: { text: '伯乐'.repeat(800_000) },
  array: [{ a: 1 }, '中'],
};

const app = new Hono();
app.get('/json/:name', (c) => {
  c.header('x-ai-notice', 'algorithmic');
  return c.json(values[c.req.param('name')] ?? {}, 200);
});
app.get('/bytes/:name', (c) => {
  c.header('x-ai-notice', 'algorithmic');
  return jsonBytes(c, values[c.req.param('name')] ?? {}, 200);
});

describe('jsonBytes', () => {
  it('answers exactly what c.json answers, bytes and headers, through app.request', async () => {
    // Twice over: the second pass reuses the scratch the first grew.
    for (const pass of [1, 2])
      for (const name of Object.keys(values)) {
        const a = await app.request(`/json/${name}`);
        const b = await app.request(`/bytes/${name}`);
        expect(b.status, `${name} (pass ${pass})`).toBe(a.status);
        expect([...b.headers], name).toEqual([...a.headers]);
        expect(Buffer.from(await b.arrayBuffer()).equals(Buffer.from(await a.arrayBuffer())), name).toBe(true);
      }
  });

  describe('behind @hono/node-server, as src/entry/node.ts serves it', () => {
    let server: ServerType;
    let port = 0;
    beforeAll(async () => {
      port = await new Promise<number>((resolve) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
      });
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const get = (path: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const { date: _date, ...headers } = res.headers;
            resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
          });
        });
        req.on('error', reject);
        req.end();
      });

    it('sends the same status, headers (Content-Length included) and bytes', async () => {
      for (const name of Object.keys(values)) {
        const a = await get(`/json/${name}`);
        const b = await get(`/bytes/${name}`);
        expect(b.status, name).toBe(a.status);
        expect(b.headers, name).toEqual(a.headers);
        expect(b.headers['content-length'], name).toBe(String(a.body.length));
        expect(b.body.equals(a.body), name).toBe(true);
      }
    });
  });
});
