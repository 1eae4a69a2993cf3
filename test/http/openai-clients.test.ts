import { serve, type ServerType } from '@hono/node-server';
import { OpenAIEmbeddings } from '@langchain/openai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchingDeps } from '../../src/services/matching/deps.ts';
import type { Database } from '../../src/storage/db.ts';
import { testApp } from '../support/app.ts';
import { postgresDatabase } from '../support/db.ts';
import { newTenant } from '../support/factories.ts';
import { testMatching } from '../support/matching.ts';

const texts = [
  '熟悉 Python 和机器学习，做过用户留存分析',
  'Data analyst with SQL and Tableau',
  '护士 负责病房护理工作',
];

/** The official clients, unmodified, against the real server on an ephemeral port. */
describe('OpenAI SDK and LangChain against /v1/embeddings and /v1/models', () => {
  let database: Database;
  let matching: MatchingDeps;
  let server: ServerType;
  let baseURL: string;
  let key: string;
  let client: OpenAI;

  beforeAll(async () => {
    database = await postgresDatabase();
    matching = await testMatching(database);
    const { app } = testApp(database, { matching });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    });
    baseURL = `http://127.0.0.1:${port}/v1`;
    key = (await newTenant(database)).staff.career_office;
    client = new OpenAI({ apiKey: key, baseURL, maxRetries: 0 });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  /** What the service computes directly, as float32. */
  const direct = (input: string[]) => matching.engine.embedder.embed(input);
  const expectSameUnitVector = (got: ArrayLike<number>, want: Float32Array | undefined) => {
    expect(want).toBeDefined();
    expect(Array.from(Float32Array.from(got))).toEqual(Array.from(want ?? []));
    const norm = Math.hypot(...Array.from(got));
    expect(Math.abs(norm - 1)).toBeLessThan(1e-5);
  };

  it("openai with its defaults (base64 on the wire) gets the service's own vectors", async () => {
    const res = await client.embeddings.create({ model: 'bole-default', input: texts[0] ?? '' });
    expect(res.model).toBe(matching.engine.embedder.id);
    expect(res.data).toHaveLength(1);
    const [want] = await direct([texts[0] ?? '']);
    expectSameUnitVector(res.data[0]?.embedding ?? [], want);
  });

  it('openai with encoding_format float, the embedder id as model, a batch, dimensions and user', async () => {
    const model = matching.engine.embedder.id;
    const res = await client.embeddings.create({
      model,
      input: texts,
      encoding_format: 'float',
      dimensions: matching.engine.embedder.dimensions,
      user: 'someone',
    });
    expect(res.data.map((d) => d.index)).toEqual([0, 1, 2]);
    const want = await direct(texts);
    res.data.forEach((d, i) => expectSameUnitVector(d.embedding, want[i]));
    expect(res.usage.total_tokens).toBeGreaterThan(0);
  });

  it('sends base64 as little-endian float32 bytes', async () => {
    const res = await fetch(`${baseURL}/embeddings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input: texts[1], encoding_format: 'base64' }),
    });
    const body = (await res.json()) as { data: Array<{ embedding: string }> };
    const bytes = Buffer.from(body.data[0]?.embedding ?? '', 'base64');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const decoded = Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
    const [want] = await direct([texts[1] ?? '']);
    expectSameUnitVector(decoded, want);
  });

  it('turns problems into SDK errors with a useful message, the param and the status', async () => {
    const badModel = await client.embeddings
      .create({ model: 'text-embedding-3-small', input: 'x' })
      .catch((e: unknown) => e);
    expect(badModel).toBeInstanceOf(OpenAI.BadRequestError);
    const bad = badModel as InstanceType<typeof OpenAI.BadRequestError>;
    expect(bad.status).toBe(400);
    expect(bad.param).toBe('model');
    expect(bad.code).toBe('model_not_found');
    expect(bad.message).toContain('bole-default');
    expect(bad.message).toContain(matching.engine.embedder.id);

    const size = await client.embeddings
      .create({ model: 'bole-default', input: 'SQL', dimensions: 8 })
      .catch((e: unknown) => e);
    expect(size).toBeInstanceOf(OpenAI.BadRequestError);
    expect((size as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('dimensions');

    const empty = await client.embeddings
      .create({ model: 'bole-default', input: ['SQL', ''] })
      .catch((e: unknown) => e);
    expect((empty as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('input.1');

    const stranger = new OpenAI({ apiKey: 'bole_not-a-key', baseURL, maxRetries: 0 });
    const unauth = await stranger.embeddings.create({ model: 'bole-default', input: 'SQL' }).catch((e: unknown) => e);
    expect(unauth).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((unauth as InstanceType<typeof OpenAI.AuthenticationError>).message).toContain('API key');

    const missing = await client.models.retrieve('gpt-4o').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('lists and retrieves the models in the OpenAI shape', async () => {
    const ids: string[] = [];
    for await (const m of client.models.list()) {
      expect(m).toMatchObject({ object: 'model', owned_by: 'bole' });
      expect(Number.isInteger(m.created) && m.created > 0).toBe(true);
      ids.push(m.id);
    }
    expect(ids).toEqual([matching.engine.embedder.id, 'bole-default']);
    expect(await client.models.retrieve('bole-default')).toMatchObject({ id: 'bole-default', object: 'model' });
    expect((await client.models.retrieve(matching.engine.embedder.id)).id).toBe(matching.engine.embedder.id);
  });

  it("LangChain's OpenAIEmbeddings: embedQuery and embedDocuments with Bole's base URL", async () => {
    const embeddings = new OpenAIEmbeddings({
      apiKey: key,
      model: 'bole-default',
      configuration: { baseURL },
      maxRetries: 0,
    });
    const want = await direct(texts);
    expectSameUnitVector(await embeddings.embedQuery(texts[2] ?? ''), want[2]);
    const docs = await embeddings.embedDocuments(texts);
    expect(docs).toHaveLength(texts.length);
    docs.forEach((v, i) => expectSameUnitVector(v, want[i]));
  });

  it('keeps the problem+json fields beside `error` here, and adds no `error` on other /v1 routes', async () => {
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const res = await fetch(`${baseURL}/embeddings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ input: 'x', model: 'nope' }),
    });
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 400, title: 'Validation failed', errors: [{ path: 'body.model' }] });
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'model', code: 'model_not_found' });
    const other = (await (await fetch(`${baseURL}/jobs?limit=0`, { headers })).json()) as Record<string, unknown>;
    expect(other).toMatchObject({ status: 400 });
    expect(other.error).toBeUndefined();
  });
});
