/**
 * Embedder for the Cloudflare Workers AI binding (`env.AI`). Text embedding models there take
 * `{ text: string[] }` and answer `{ shape: [n, d], data: number[][] }` (see @cloudflare/workers-types,
 * e.g. `Ai_Cf_Baai_Bge_M3_Output_Embedding`).
 */
import { z } from 'zod';
import type { Embedder } from '../domain/text/embedder.ts';
import { DimensionSlot, EmbedderResponseError, positiveInt, toUnitVectors, embedInBatches } from './shared.ts';

/** The slice of the `Ai` binding this adapter uses, so the real binding is assignable to it. */
export interface WorkersAiBinding {
  run(model: string, inputs: { text: string[] }): Promise<unknown>;
}

export const WORKERS_AI_DEFAULT_MODEL = '@cf/baai/bge-m3';

/** Output sizes of Workers AI text embedding models, so `dimensions` is known without a call. */
export const WORKERS_AI_DIMENSIONS: Readonly<Record<string, number>> = {
  '@cf/baai/bge-m3': 1024,
  '@cf/baai/bge-small-en-v1.5': 384,
  '@cf/baai/bge-base-en-v1.5': 768,
  '@cf/baai/bge-large-en-v1.5': 1024,
};

export interface WorkersAiEmbedderOptions {
  readonly ai: WorkersAiBinding;
  /** Default `@cf/baai/bge-m3` (multilingual, 1024 dimensions). */
  readonly model?: string;
  /** Required for models not in WORKERS_AI_DIMENSIONS unless you call `probe()` first. */
  readonly dimensions?: number;
  /** Texts per `run` call (default 100, the bge models' documented maximum). */
  readonly batchSize?: number;
}

export interface WorkersAiEmbedder extends Embedder {
  probe(): Promise<number>;
}

const outputSchema = z.object({ data: z.array(z.array(z.number())), shape: z.array(z.number()).optional() });

export function createWorkersAiEmbedder(options: WorkersAiEmbedderOptions): WorkersAiEmbedder {
  const model = options.model ?? WORKERS_AI_DEFAULT_MODEL;
  const source = `Workers AI model ${model}`;
  const batchSize = positiveInt('batchSize', options.batchSize, 100);
  const dims = new DimensionSlot(source, options.dimensions ?? WORKERS_AI_DIMENSIONS[model]);

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    let raw: unknown;
    try {
      raw = await options.ai.run(model, { text: texts });
    } catch (error) {
      // The binding's errors carry Cloudflare's message (quota, unknown model); keep it, add which model.
      throw new Error(`${source} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const parsed = outputSchema.safeParse(raw);
    if (!parsed.success) {
      const asyncId = typeof raw === 'object' && raw !== null && 'request_id' in raw;
      throw new EmbedderResponseError(
        source,
        asyncId
          ? 'answered with an async request id; queued requests are not supported'
          : 'answered without a data: number[][] field',
      );
    }
    const rows = parsed.data.data;
    if (rows.length !== texts.length)
      throw new EmbedderResponseError(source, `returned ${rows.length} embeddings for ${texts.length} inputs`);
    const first = rows[0]?.length ?? 0;
    if (rows.some((r) => r.length !== first))
      throw new EmbedderResponseError(source, 'returned embeddings of different lengths');
    return toUnitVectors(source, rows, dims.settle(first));
  }

  return {
    id: `workers-ai:${model}`,
    get dimensions() {
      return dims.get();
    },
    embed: (texts) => embedInBatches(texts, batchSize, embedBatch),
    async probe() {
      const [v] = await embedBatch(['dimension probe']);
      return v?.length ?? dims.get();
    },
  };
}
