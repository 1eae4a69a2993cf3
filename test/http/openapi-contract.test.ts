import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../scripts/openapi.ts';

/*
 * What every new operation must carry for this file to pass (createRoute in src/http/routes/<resource>/):
 *   operationId (unique, lowerCamelCase verb first: listJobs, getMe), summary, description;
 *   tags naming an entry of apiTags in src/http/document.ts (add the tag there, with a description);
 *   `security` from src/http/openapi.ts on a keyed operation, `security: []` on a public one;
 *   at least one 4xx response (`...errorResponses`, or `400: errorResponses[400]` on public probes);
 *   path parameters declared with .meta({ param: { name, in: 'path' } }); query parameters in request.query.
 * Deliberate exceptions live in redocly.yaml and .spectral.yaml, each with its reason; add none without one.
 */

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const offline = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
type Operation = { operationId?: string; description?: string; tags?: string[]; security?: unknown[] };

describe('the OpenAPI document', () => {
  let dir: string;
  let file: string;
  let doc: Record<string, unknown>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bole-openapi-'));
    file = join(dir, 'openapi.json');
    doc = await openApiDocument();
    await writeFile(file, JSON.stringify(doc, null, 2));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const operations = () =>
    Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, op })),
    );

  it('gives every operation an operationId, a description, described tags and a security decision', () => {
    const tags = new Set(
      (doc.tags as Array<{ name: string; description?: string }>).filter((t) => t.description).map((t) => t.name),
    );
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { at, op } of operations()) {
      expect(op.operationId, at).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.description?.length ?? 0, at).toBeGreaterThan(10);
      expect(
        op.tags?.every((t) => tags.has(t)),
        `${at}: ${op.tags?.join(', ')}`,
      ).toBe(true);
      expect(op.security, at).toBeDefined();
    }
    const schemes = (doc.components as { securitySchemes: Record<string, unknown> }).securitySchemes;
    expect(Object.keys(schemes)).toEqual(['apiKey']);
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:8787' })]);
  });

  it("is clean under Redocly's recommended rules (exceptions only in redocly.yaml)", async () => {
    const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js');
    const args = [cli, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format=json'];
    const out = await run(process.execPath, args, { cwd: root, env: offline, maxBuffer: 64 << 20 }).catch(
      (e: { stdout: string }) => e,
    );
    const report = JSON.parse(out.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string }>;
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("is clean under Spectral's oas ruleset (exceptions only in .spectral.yaml)", async () => {
    const cli = join(root, 'node_modules/@stoplight/spectral-cli/dist/index.js');
    const output = join(dir, 'spectral.json');
    const args = [
      cli,
      'lint',
      file,
      '--ruleset',
      join(root, '.spectral.yaml'),
      '--format',
      'json',
      '--output',
      output,
      '--fail-severity',
      'hint',
    ];
    // Exits non-zero when it finds anything; the report file says what.
    await run(process.execPath, args, { cwd: root, env: offline, maxBuffer: 64 << 20 }).catch(() => undefined);
    const results = JSON.parse(await readFile(output, 'utf8')) as Array<{
      code: string;
      message: string;
      path: string[];
    }>;
    expect(results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });

  it('generates a TypeScript client (openapi-typescript + openapi-fetch) that type-checks against it', async () => {
    const types = astToString(await openapiTS(JSON.stringify(doc)));
    await writeFile(join(dir, 'schema.d.ts'), types);
    await writeFile(
      join(dir, 'usage.ts'),
      [
        "import createClient from 'openapi-fetch';",
        "import type { paths } from './schema.js';",
        "const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8787', headers: { " +
          "authorization: 'Bearer bole_x' } });",
        'export async function use(): Promise<string> {',
        "  const me = await client.GET('/v1/me');",
        '  const graduateId: string | null | undefined = me.data?.graduateId;',
        "  const recs = await client.GET('/v1/graduates/{id}/recommendations', { params: { path: { " +
          "id: graduateId ?? '' }, query: { limit: 5 } } });",
        '  const first: number | undefined = recs.data?.items[0]?.match?.score;',
        '  const problem: string | undefined = recs.error?.detail;',
        "  // @ts-expect-error the generated types know every operation's query parameters",
        "  await client.GET('/v1/jobs', { params: { query: { notAParameter: 1 } } });",
        "  const emb = await client.POST('/v1/embeddings', { body: { input: 'Python', model: 'bole-default' } });",
        "  return `${first ?? ''}${problem ?? ''}${emb.data?.model ?? ''}`;",
        '}',
      ].join('\n'),
    );
    const fetchTypes = dirname(createRequire(import.meta.url).resolve('openapi-fetch/package.json'));
    const program = ts.createProgram([join(dir, 'usage.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2023,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      skipLibCheck: true,
      paths: { 'openapi-fetch': [fetchTypes] },
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  });
});
