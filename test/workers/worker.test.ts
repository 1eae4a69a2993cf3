import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DOCS_CSP } from '../../src/http/docs.ts';
import type { Database } from '../../src/storage/db.ts';
import { openPostgres } from '../../src/storage/db-postgres.ts';
import { newTenant, type TestTenant } from '../support/factories.ts';
import type { Disclosure, Graduate, Problem } from '../support/bodies.ts';
import { writePdf } from '../support/resume-files.ts';
import { bundleWorker, withPassword, type WorkerBundle } from '../support/workerd.ts';

/*
 * The Worker as it ships: wrangler bundles src/entry/worker.ts exactly as `npm run build:worker` does, and
 * workerd (through miniflare) runs the bundle against the run's PostgreSQL database on 127.0.0.1.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
let bundle: WorkerBundle;
let outDir = '';
let scriptPath = '';
let compatibilityDate = '';
let esModules: string[] = [];
const boot = (bindings: Record<string, string>, hyperdrives: Record<string, string> = {}): Miniflare =>
  bundle.boot(bindings, hyperdrives);

/** One request to the Worker; `T` names the body the caller expects (Problem, Graduate, or a health shape). */
async function call<T = Problem>(mf: Miniflare, method: string, path: string, key?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await mf.dispatchFetch(`http://localhost${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json = (/json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined) as T;
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    requestIdHeader: res.headers.get('x-request-id'),
    json,
  };
}

beforeAll(async () => {
  bundle = await bundleWorker();
  ({ outDir, compatibilityDate, esModules } = bundle);
  scriptPath = join(outDir, 'worker.js');
}, 180_000);

afterAll(async () => bundle?.dispose());

describe('the Worker bundle', () => {
  it('keeps PGlite and the migration files out of the bundle', async () => {
    const code = await readFile(scriptPath, 'utf8');
    expect(compatibilityDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // esbuild marks each bundled file with a `// <path>` comment; external imports stay import statements.
    const bundled = [...code.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]);
    expect(bundled).toContain('src/app.ts');
    expect(bundled.filter((path) => /@electric-sql|migrations-fs|open-database/.test(path ?? ''))).toEqual([]);
    // EMBEDDER is honoured on Workers, but the ONNX adapter (node:fs, transformers.js) stays out of the bundle.
    expect(bundled).toContain('src/embedders/from-config.ts');
    expect(bundled.filter((path) => /embedders\/onnx|@huggingface/.test(path ?? ''))).toEqual([]);
    const imported = new Set([...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]));
    // Beside the bundle: the matching kernels, precompiled (kernels-module.workerd.js), imported statically …
    const wasm = [...imported].filter((name) => /kernels\.wasm$/.test(name ?? ''));
    expect(wasm).toHaveLength(1);
    expect(await readFile(join(outDir, (wasm[0] ?? '').replace(/^(\.\.\/)+/, '')))).toEqual(
      await readFile(join(root, 'src/domain/search/simd/kernels.wasm')),
    );
    // … and the supervised embedder's model, imported only when EMBEDDER=supervised, never inlined.
    expect(bundled.filter((path) => /data\/supervised-model/.test(path ?? ''))).toEqual([]);
    // Written from the root of base_dir, where wrangler puts the main module (src/worker.ts): never above it.
    expect(code).toContain('import("./domain/text/data/supervised-model.js")');
    expect(esModules.map((path) => path.slice(outDir.length + 1))).toEqual(['domain/text/data/supervised-model.js']);
    expect(
      [...imported].filter((name) => !/^(node|cloudflare):/.test(name ?? '') && !wasm.includes(name ?? '')),
    ).toEqual([]);
    expect([...imported].filter((name) => /^node:fs/.test(name ?? ''))).toEqual([]);
    // postgres.js's Workers build (the "workerd" export condition) dials through cloudflare:sockets.
    expect(code).toContain('import("cloudflare:sockets")');
  });
});

describe('the Worker in workerd without a database', () => {
  let mf: Miniflare;
  beforeAll(() => {
    mf = boot({});
  });

  it('answers /health with no database at all', async () => {
    const res = await call(mf, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    // Workers refuse to compile WebAssembly at run time; the bundle's precompiled kernels are used instead.
    expect(res.json).toMatchObject({ status: 'ok', kernels: 'wasm-simd' });
  });

  it('answers an unknown route with a problem+json 404 carrying the request id', async () => {
    const res = await call(mf, 'GET', '/no-such-route');
    expect(res.status).toBe(404);
    expect(res.type).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status: 404, title: 'Not found', instance: '/no-such-route' });
    expect(res.json.requestId).toMatch(/\S{8,}/);
    expect(res.requestIdHeader).toBe(res.json.requestId);
  });

  it('serves /docs and the reference UI files from the static assets, with the CSP of Node', async () => {
    const swagger = join(root, 'node_modules/swagger-ui-dist');
    const page = await mf.dispatchFetch('http://localhost/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(DOCS_CSP);
    const html = await page.text();
    expect(html).toContain('<script src="/docs/assets/swagger-ui-bundle.js"></script>');
    for (const [file, type] of [
      ['swagger-ui.css', 'text/css; charset=utf-8'],
      ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
    ] as const) {
      const res = await mf.dispatchFetch(`http://localhost/docs/assets/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(await res.text()).toBe(await readFile(join(swagger, file), 'utf8'));
    }
    const init = await mf.dispatchFetch('http://localhost/docs/assets/init.js');
    expect([init.status, init.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(await init.text()).toContain("url: '/docs/openapi.json'");
    // The Worker runs first on every path: the package's own files are not served under their names.
    for (const path of ['/index.html', '/swagger-ui.css', '/swagger-initializer.js']) {
      const res = await mf.dispatchFetch(`http://localhost${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('is not ready, and says why, when neither HYPERDRIVE nor DATABASE_URL is set', async () => {
    for (const path of ['/ready', '/v1/graduates']) {
      const res = await call(mf, 'GET', path);
      expect(res.status).toBe(503);
      expect(res.type).toBe('application/problem+json');
      expect(res.json.detail).toMatch(/HYPERDRIVE.*DATABASE_URL/);
    }
  });
});

describe('the Worker in workerd against PostgreSQL', () => {
  let database: Database;
  let t: TestTenant;
  beforeAll(async () => {
    database = await openPostgres(inject('pgUrl'), { max: 2 });
    t = await newTenant(database);
  });
  afterAll(async () => database.close());

  describe.each([
    { via: 'DATABASE_URL', bindings: () => ({ DATABASE_URL: inject('pgUrl') }), hyperdrives: () => ({}) },
    // The unreachable DATABASE_URL proves the Hyperdrive binding wins when both are present.
    // Miniflare insists on a password in a Hyperdrive URL; the test server trusts local connections and ignores it.
    {
      via: 'a Hyperdrive binding',
      bindings: () => ({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }),
      hyperdrives: () => ({ HYPERDRIVE: withPassword(inject('pgUrl')) }),
    },
  ])('through $via', ({ bindings, hyperdrives }) => {
    let mf: Miniflare;
    beforeAll(() => {
      mf = boot(bindings(), hyperdrives());
    });

    it('is ready', async () => {
      const res = await call(mf, 'GET', '/ready');
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: 'ok', database: 'postgres' });
    });

    it('loads the default supervised embedder from its own module for matching', async () => {
      const res = await call<Disclosure>(mf, 'GET', '/v1/algorithm?lang=en');
      expect(res.status).toBe(200);
      expect(res.json.document.embedder).toMatchObject({ kind: 'supervised', dimensions: 64 });
    });

    it('creates and reads back a graduate with a career-office key', async () => {
      const created = await call<Graduate>(mf, 'POST', '/v1/graduates', t.staff.career_office, {
        name: '李雷',
        education: [{ school: '兰州大学', degree: 'bachelor', major: '软件工程', graduationDate: '2026-06-30' }],
        skills: [{ name: 'TypeScript' }],
        preferences: { locations: ['兰州', '西安'] },
      });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({
        name: '李雷',
        tenantId: t.tenantId,
        preferences: { locations: ['兰州', '西安'] },
      });
      const read = await call<Graduate>(mf, 'GET', `/v1/graduates/${created.json.id}`, t.staff.career_office);
      expect(read.status).toBe(200);
      expect(read.json.education[0]).toEqual({
        school: '兰州大学',
        degree: 'bachelor',
        major: '软件工程',
        graduationDate: '2026-06-30',
      });
    });

    it('reads a text PDF résumé into a draft with unpdf, imported on first use inside workerd', async () => {
      const own = await t.graduate({ name: '陈思远' });
      const pdf = writePdf(
        '陈思远\n电话：13912345678  邮箱：siyuan@example.com\n教育背景\n' +
          '2021.09-2025.06  武汉大学  信息管理与信息系统  本科\n专业技能\nPython、SQL、Excel',
      );
      const res = await mf.dispatchFetch(`http://localhost/v1/graduates/${own.id}/resume`, {
        method: 'POST',
        headers: { authorization: `Bearer ${own.key}`, 'content-type': 'application/pdf' },
        body: pdf,
      });
      const draft = (await res.json()) as {
        draft: { education: { school: string; major: string }[]; skills: { skillId: string }[] };
      };
      expect(res.status).toBe(201);
      expect(draft.draft.education).toMatchObject([{ school: '武汉大学', major: '信息管理与信息系统' }]);
      expect(draft.draft.skills.map((k) => k.skillId).sort()).toEqual(['excel', 'python', 'sql']);
    });

    it('serves concurrent requests without sharing a socket across them', async () => {
      const own = await t.graduate({ name: '韩梅梅' });
      const results = await Promise.all(
        Array.from({ length: 6 }, () => call<Graduate>(mf, 'GET', `/v1/graduates/${own.id}`, own.key)),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(results.map((r) => r.json.id))).toEqual(new Set([own.id]));
    });

    it('refuses /v1 without a key, or with an unknown one, with a problem+json 401', async () => {
      for (const key of [undefined, 'bole_not_a_real_key']) {
        const res = await call(mf, 'GET', '/v1/graduates', key);
        expect(res.status).toBe(401);
        expect(res.type).toBe('application/problem+json');
        expect(res.json).toMatchObject({ status: 401, type: 'https://bole.dev/problems/unauthenticated' });
        expect(res.json.requestId).toMatch(/\S{8,}/);
      }
    });
  });
});
