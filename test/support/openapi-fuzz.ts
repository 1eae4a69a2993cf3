import fc from 'fast-check';

/** A JSON Schema as the OpenAPI 3.1 document writes it (only the keywords the document uses are read). */
export type Schema = { [k: string]: unknown };
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
export interface Operation {
  operationId: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  'x-roles'?: string[];
}

const MAX_DEPTH = 6;
const MAX_STRING = 40;
const MAX_ITEMS = 3;

const typesOf = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
  }
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = Math.max(minLength, Math.min(num(schema.maxLength) ?? MAX_STRING, MAX_STRING));
  return fc.string({ unit: 'grapheme', minLength, maxLength });
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = num(schema.minimum) ?? num(schema.exclusiveMinimum);
  const hi = num(schema.maximum) ?? num(schema.exclusiveMaximum);
  if (integer) {
    const min = lo === undefined ? -1000 : Math.ceil(lo + (schema.exclusiveMinimum === undefined ? 0 : 1));
    const max =
      hi === undefined ? Math.max(min, 1000) : Math.floor(hi - (schema.exclusiveMaximum === undefined ? 0 : 1));
    return fc.integer({ min, max: Math.max(min, max) });
  }
  return fc.double({ min: lo ?? -1000, max: hi ?? 1000, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values the schema accepts (as far as JSON Schema says: a service may still refuse them on meaning).
 * The schema's own example is drawn often, since generated text rarely names a real skill or city.
 */
export function validArbitrary(doc: OpenApiDocument, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`Unresolved ${schema.$ref}`);
    return validArbitrary(doc, target, depth);
  }
  if (depth > MAX_DEPTH) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validArbitrary(doc, s, depth + 1)));
  if (Array.isArray(schema.allOf)) return validArbitrary(doc, schema.allOf[0] as Schema, depth);
  const types = typesOf(schema);
  const nullable = types.includes('null');
  const concrete = types.filter((t) => t !== 'null');
  const base = concreteArbitrary(doc, schema, concrete[0], depth);
  const withExample = 'example' in schema ? fc.oneof(fc.constant(schema.example), base) : base;
  return nullable ? fc.option(withExample, { nil: null }) : withExample;
}

function concreteArbitrary(
  doc: OpenApiDocument,
  schema: Schema,
  type: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = validArbitrary(doc, (schema.items as Schema | undefined) ?? {}, depth + 1);
      const minLength = num(schema.minItems) ?? 0;
      const maxLength = Math.max(minLength, Math.min(num(schema.maxItems) ?? MAX_ITEMS, MAX_ITEMS));
      return fc.array(items, { minLength, maxLength });
    }
    case 'object':
      return objectArbitrary(doc, schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(doc: OpenApiDocument, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  const names = Object.keys(properties);
  if (names.length === 0) {
    const extra = schema.additionalProperties;
    if (typeof extra === 'object' && extra !== null) {
      const key = fc.string({ minLength: 1, maxLength: 12 });
      return fc.dictionary(key, validArbitrary(doc, extra as Schema, depth + 1), { maxKeys: MAX_ITEMS });
    }
    return fc.constant({});
  }
  const model = Object.fromEntries(names.map((n) => [n, validArbitrary(doc, properties[n] ?? {}, depth + 1)]));
  return fc.record(model, { requiredKeys: required.filter((n) => n in model) });
}

/** Deep nesting, built without recursion so the generator itself never overflows. */
const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

/** Values that have broken services before: text PostgreSQL cannot store, extremes, wrong types, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'nul\u0000byte',
    'lone\ud800surrogate',
    '\udc00',
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -1,
    0,
    0.5,
    true,
    null,
    [],
    {},
    '',
    ' ',
    'x'.repeat(20_000),
    '<script>alert(1)</script>',
    "'; drop table graduates; --",
    '../../../etc/passwd',
    '２０２６',
    '٣',
    '1e308',
    'NaN',
    '-0',
    '\u202e\u200b',
    'not-a-uuid',
    '2026-02-30',
    '9999-99-99T99:99:99Z',
    '{"$ne":null}',
  ),
  fc.integer({ min: 64, max: 4000 }).map(nested),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double(),
);

type Path = Array<string | number>;

/** Every place in a JSON value where a field could be replaced (the root included). */
function places(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (out.length > 200) return out;
  if (Array.isArray(value)) value.forEach((v, i) => places(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) places(v, [...at, k], out);
  }
  return out;
}

function replaceAt(value: unknown, at: Path, next: unknown, drop: boolean): unknown {
  if (at.length === 0) return next;
  const [head, ...rest] = at;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(copy[head as number], rest, next, drop);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (drop && rest.length === 0) delete copy[head as string];
  else copy[head as string] = replaceAt(copy[head as string], rest, next, drop);
  return copy;
}

/** A valid value with one place replaced by a hostile value, or one property dropped, or an unknown one added. */
export function invalidArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), hostileValue, fc.constantFrom('replace', 'drop', 'add'))
    .map(([value, pick, hostile, how]) => {
      const all = places(value);
      const at = all[pick % all.length] ?? [];
      if (how === 'add' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return { ...value, ['unexpected\u0000key']: hostile };
      }
      return replaceAt(value, at, hostile, how === 'drop');
    });
}

/** One request as the fuzzer sends it. */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly contentType?: string;
  readonly body?: string | Uint8Array;
}

/** Ids of real records, used for path parameters and body fields of these names when the draw says so. */
export type Fixtures = Readonly<Record<string, string>>;

/** A path segment as a client would send it; a lone surrogate (which encodeURIComponent refuses) as raw bytes. */
const segment = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
};

/** Replaces the string value of any property named in `fixtures` (at any depth) with the fixture's id. */
function withFixtures(value: unknown, fixtures: Fixtures): unknown {
  if (Array.isArray(value)) return value.map((v) => withFixtures(v, fixtures));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      typeof v === 'string' && fixtures[k] ? fixtures[k] : withFixtures(v, fixtures),
    ]),
  );
}

const binary = fc.uint8Array({ maxLength: 2_000 });
const textLines = fc
  .array(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { maxLength: 5 }), { maxLength: 5 })
  .map((rows) => rows.map((r) => r.join(',')).join('\n'));

/**
 * Requests for one operation: `valid` draws every part from its schema (real ids for path parameters where the
 * fixtures know the name, for body fields half the time); `invalid` spoils one part: a path or query parameter,
 * one place in the JSON body, or the body's media type.
 */
export function requestArbitrary(
  doc: OpenApiDocument,
  method: string,
  path: string,
  op: Operation,
  fixtures: Fixtures,
  mode: 'valid' | 'invalid',
): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => {
        const known = fixtures[p.name === 'id' ? idFixture(path) : p.name];
        const valid = known
          ? fc.oneof(fc.constant(known), validArbitrary(doc, p.schema))
          : validArbitrary(doc, p.schema);
        return [p.name, valid];
      }),
    ),
  );
  const queryArb = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, validArbitrary(doc, p.schema)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
  });
  const bodyArb = bodyArbitrary(doc, op, fixtures);
  const spoil = fc.constantFrom(
    ...(['body', 'query', 'path', 'contentType'] as const).filter(
      (part) =>
        (part === 'body' && op.requestBody) ||
        (part === 'query' && queryParams.length > 0) ||
        (part === 'path' && pathParams.length > 0) ||
        (part === 'contentType' && op.requestBody),
    ),
    'body' as const,
  );
  return fc
    .tuple(pathArb, queryArb, bodyArb, spoil, hostileValue, fc.nat())
    .chain(([pathValues, query, body, part, hostile, pick]) => {
      const values: Record<string, unknown> = { ...pathValues };
      const search: Record<string, unknown> = { ...query };
      let sent = body;
      if (mode === 'invalid') {
        if (part === 'path' && pathParams.length > 0)
          values[pathParams[pick % pathParams.length]?.name ?? ''] = hostile;
        if (part === 'query' && queryParams.length > 0)
          search[queryParams[pick % queryParams.length]?.name ?? ''] = hostile;
        if (part === 'contentType' && sent) sent = { contentType: 'application/json', value: '{"broken": ' };
        if (part === 'body' && sent?.json !== undefined) {
          return invalidArbitrary(fc.constant(sent.json)).map((json) =>
            build(method, path, values, search, { contentType: 'application/json', json }),
          );
        }
        if (part === 'body' && sent) sent = { contentType: 'application/json', json: hostile };
      }
      return fc.constant(build(method, path, values, search, sent));
    });
}

type Body = { contentType: string; json?: unknown; value?: string | Uint8Array } | undefined;

function build(
  method: string,
  path: string,
  values: Record<string, unknown>,
  query: Record<string, unknown>,
  body: Body,
): FuzzRequest {
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => segment(values[name]));
  const search = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${segment(typeof v === 'string' ? v : String(v))}`)
    .join('&');
  const full = search ? `${url}?${search}` : url;
  if (!body) return { method: method.toUpperCase(), url: full };
  const payload = body.json !== undefined ? JSON.stringify(body.json) : (body.value ?? '');
  return { method: method.toUpperCase(), url: full, contentType: body.contentType, body: payload };
}

/** Which fixture an `{id}` stands for, from the collection before it. */
function idFixture(path: string): string {
  const collection = /\/v1\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '';
  return `${collection}:id`;
}

function bodyArbitrary(doc: OpenApiDocument, op: Operation, fixtures: Fixtures): fc.Arbitrary<Body> {
  const content = op.requestBody?.content;
  if (!content) return fc.constant(undefined);
  const options = Object.entries(content).map(([contentType, { schema }]): fc.Arbitrary<Body> => {
    if (/json/.test(contentType)) {
      return fc
        .tuple(validArbitrary(doc, schema), fc.boolean())
        .map(([json, real]) => ({ contentType, json: real ? withFixtures(json, fixtures) : json }));
    }
    if (/x-www-form-urlencoded/.test(contentType)) {
      return validArbitrary(doc, schema).map((v) => ({
        contentType,
        value: new URLSearchParams(
          Object.entries((v ?? {}) as Record<string, unknown>).map(([k, x]): [string, string] => [k, String(x)]),
        ).toString(),
      }));
    }
    if (/^text\//.test(contentType)) return textLines.map((value) => ({ contentType, value }));
    return binary.map((value) => ({ contentType, value }));
  });
  return fc.oneof(...options);
}
