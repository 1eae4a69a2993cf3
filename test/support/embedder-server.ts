/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) speaking the OpenAI `/v1/embeddings` protocol,
 * for testing the HTTP embedder end to end. Vectors are deterministic: each lower-cased word is
 * hashed (FNV-1a) to a dimension and a sign, so a test can compute the expected vector itself.
 * Faults can be queued: the next requests answer with them, in order, before normal service resumes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Fault =
  | { readonly status: number; readonly body?: string; readonly retryAfter?: string }
  | { readonly rawBody: string }
  /** Valid JSON that breaks the contract, e.g. `{ data: [{ embedding: 'x' }] }`. */
  | { readonly json: unknown }
  /** Answer normally but list items in reverse order (with their `index`). */
  | { readonly reversed: true }
  /** Never answer (the client's timeout must fire). */
  | { readonly hang: true };

interface RecordedRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: { input?: unknown; model?: unknown; encoding_format?: unknown };
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The raw (un-normalised) vector the server returns for `text`: +1/−1 per word at its hashed dimension. */
export function hashedVector(text: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().split(/\s+/).filter(Boolean)) {
    const h = fnv1a(word);
    const i = h % dimensions;
    v[i] = (v[i] ?? 0) + ((h >>> 16) & 1 ? 1 : -1);
  }
  // A text whose words cancel out still needs a direction; the server (like real ones) never sends zeros.
  if (!v.some((x) => x !== 0)) v[0] = 1;
  return v;
}

export interface EmbeddingServer {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  readonly faults: Fault[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export async function startEmbeddingServer(options: { dimensions: number; apiKey?: string }): Promise<EmbeddingServer> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const body = JSON.parse(raw) as RecordedRequest['body'];
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      const send = (status: number, text: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(text);
      };
      const fault = faults.shift();
      if (fault && 'hang' in fault) {
        hanging.add(() => res.destroy());
        return;
      }
      if (fault && 'status' in fault)
        return send(
          fault.status,
          fault.body ?? '{"error":"injected"}',
          fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
        );
      if (fault && 'rawBody' in fault) return send(200, fault.rawBody);
      if (fault && 'json' in fault) return send(200, JSON.stringify(fault.json));
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') return send(404, '{"error":"not found"}');
      if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return send(401, '{"error":{"message":"invalid api key"}}');
      }
      const inputs =
        typeof body.input === 'string' ? [body.input] : Array.isArray(body.input) ? body.input.map(String) : [];
      const data = inputs.map((text, index) => ({
        object: 'embedding',
        index,
        embedding: hashedVector(text, options.dimensions),
      }));
      if (fault && 'reversed' in fault) data.reverse();
      send(
        200,
        JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 0, total_tokens: 0 } }),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const end of hanging) end();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
