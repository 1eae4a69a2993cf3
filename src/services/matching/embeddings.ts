import { DomainError, invalid } from '../../domain/errors.ts';
import { EmptyTextError } from '../../domain/text/embedder.ts';
import { embedderModelCreatedAt } from '../../storage/embeddings.repo.ts';
import type { ServiceContext } from '../context.ts';
import type { MatchingDeps } from './deps.ts';
import { batchedTextEmbedding } from './text-embedding.ts';

/** A stable name for whatever embedder is active, so client code survives a refit (documented in the README). */
const MODEL_ALIAS = 'bole-default';

export interface EmbeddingsInput {
  input: string | string[];
  model?: string | undefined;
  encoding_format?: 'float' | 'base64' | undefined;
  dimensions?: number | undefined;
  user?: string | undefined;
}

/** Little-endian float32 bytes in base64, as OpenAI returns `encoding_format: "base64"`. */
function float32Base64(vector: Float32Array): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  vector.forEach((x, i) => view.setFloat32(i * 4, x, true));
  const bytes = new Uint8Array(view.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The model names a request may use: the active embedder's id and the alias. */
const acceptedModels = (deps: MatchingDeps): string[] => [deps.engine.embedder.id, MODEL_ALIAS];

/** Characters one POST /v1/embeddings may hold in all its inputs together (about 50k tokens of English). */
export const MAX_REQUEST_CHARACTERS = 200_000;

/**
 * POST /v1/embeddings: the active embedder for other systems. Empty or unembeddable input, an unknown model
 * and a size the embedder cannot produce are 400s naming the field; `user` is accepted and not used.
 */
export async function embedTexts({
  ctx,
  deps,
  input,
  signal,
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  input: EmbeddingsInput;
  /** Aborts when the client goes away: queued or running work stops. */
  signal?: AbortSignal;
}) {
  if (ctx.principal.role === 'auditor') throw new DomainError('forbidden', 'An auditor key may not use the embedder.');
  const { embedder } = deps.engine;
  if (input.model !== undefined && !acceptedModels(deps).includes(input.model)) {
    throw invalid(
      'body.model',
      `unknown model "${input.model}"; this server accepts ${acceptedModels(deps)
        .map((m) => `"${m}"`)
        .join(' or ')}.`,
    );
  }
  // The embedder has one output size; a smaller one would be a truncation it was not trained for.
  if (input.dimensions !== undefined && input.dimensions !== embedder.dimensions) {
    throw invalid(
      'body.dimensions',
      `${embedder.id} produces ${embedder.dimensions}-dimensional vectors only; omit dimensions ` +
        `or send ${embedder.dimensions}.`,
    );
  }
  const texts = typeof input.input === 'string' ? [input.input] : input.input;
  const path = (i: number) => (typeof input.input === 'string' ? 'body.input' : `body.input.${i}`);
  const characters = texts.reduce((sum, t) => sum + t.length, 0);
  if (characters > MAX_REQUEST_CHARACTERS)
    throw invalid(
      'body.input',
      `holds ${characters} characters; one request embeds at most ${MAX_REQUEST_CHARACTERS} ` +
        `(send the rest in another).`,
    );
  // Off the serving thread on Node (a worker-thread pool), in batches that yield on Workers (text-embedding.ts).
  const runner = deps.textEmbedding ?? batchedTextEmbedding;
  let embedded: { vectors: Float32Array[]; tokens: number };
  try {
    embedded = await runner.embed(embedder, texts, signal);
  } catch (error) {
    if (!(error instanceof EmptyTextError)) throw error;
    throw new DomainError('validation_failed', 'Some inputs have no words the embedder knows.', {
      errors: error.indices.map((i) => ({
        path: path(i),
        message: 'has nothing to embed (empty, only stop words, or no known words).',
      })),
    });
  }
  const { vectors, tokens } = embedded;
  const encode = input.encoding_format === 'base64' ? float32Base64 : (v: Float32Array) => Array.from(v);
  return {
    object: 'list' as const,
    model: embedder.id,
    data: vectors.map((v, index) => ({ object: 'embedding' as const, index, embedding: encode(v) })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

export interface ModelView {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
}

/** GET /v1/models: the active embedder and its alias, both the same model. */
export async function listModels({ ctx, deps }: { ctx: ServiceContext; deps: MatchingDeps }): Promise<ModelView[]> {
  const { id } = deps.engine.embedder;
  // A model exists from the moment this service serves it, whether or not a vector of it is stored yet.
  await deps.engine.register(ctx.database);
  const registered = await embedderModelCreatedAt(ctx.database.db, id);
  const created = registered ? Math.floor(registered.getTime() / 1000) : 0;
  return acceptedModels(deps).map((model) => ({ id: model, object: 'model' as const, created, owned_by: 'bole' }));
}

/** GET /v1/models/{id}: one of them, or 404. */
export async function getModel({
  ctx,
  deps,
  id,
}: {
  ctx: ServiceContext;
  deps: MatchingDeps;
  id: string;
}): Promise<ModelView> {
  const model = (await listModels({ ctx, deps })).find((m) => m.id === id);
  if (!model)
    throw new DomainError(
      'not_found',
      `Model ${id} does not exist here; this server serves ${acceptedModels(deps).join(' and ')}.`,
    );
  return model;
}
