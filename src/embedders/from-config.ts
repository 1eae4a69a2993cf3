/**
 * Chooses the embedder from configuration. `embedderConfigShape` is meant to be spread into the
 * service's one config schema (src/config.ts); the cross-field rules (openai needs a URL and a model,
 * onnx needs a directory and a pooling) are checked here, naming the variable that is missing.
 */
import { z } from 'zod';
import type { Embedder } from '../domain/text/embedder.ts';
import type * as OnnxModule from './onnx.ts';
import { createOpenAiEmbedder } from './openai.ts';
import {
  createWorkersAiEmbedder,
  WORKERS_AI_DEFAULT_MODEL,
  WORKERS_AI_DIMENSIONS,
  type WorkersAiBinding,
} from './workers-ai.ts';

export const embedderConfigShape = {
  /**
   * supervised: built-in, trained on O*NET titles and bilingual names, no download (default) · lsa: built-in, fitted on
   * the postings at first start, no download · openai: an OpenAI-compatible HTTP endpoint · onnx: a local model
   * directory · workers-ai: the AI binding.
   */
  EMBEDDER: z.enum(['lsa', 'supervised', 'openai', 'onnx', 'workers-ai']).default('supervised'),
  /** openai: server root, e.g. http://127.0.0.1:8080 (TEI) or http://127.0.0.1:11434 (Ollama). */
  EMBEDDER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** openai: the served model name; workers-ai: the model (default @cf/baai/bge-m3). */
  EMBEDDER_MODEL: z.string().min(1).optional(),
  EMBEDDER_API_KEY: z.string().min(1).optional(),
  /** onnx: directory with config.json, tokenizer.json, tokenizer_config.json, onnx/model*.onnx. */
  EMBEDDER_MODEL_DIR: z.string().min(1).optional(),
  /** onnx: cls for BGE models, mean for E5 / sentence-transformers models. */
  EMBEDDER_POOLING: z.enum(['mean', 'cls']).optional(),
  /** onnx: text prepended to every input, e.g. "query: " for E5. */
  EMBEDDER_PREFIX: z.string().optional(),
  /** openai / workers-ai: expected size; saves the start-up probe request when set. */
  EMBEDDER_DIMENSIONS: z.coerce.number().int().min(1).max(65_536).optional(),
  EMBEDDER_BATCH_SIZE: z.coerce.number().int().min(1).max(2_048).optional(),
  EMBEDDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
};

export const embedderConfigSchema = z.object(embedderConfigShape);
export type EmbedderConfig = z.infer<typeof embedderConfigSchema>;

export interface EmbedderDeps {
  /** The fitted LSA embedder; the matching service owns its versioned state. */
  readonly loadLsa: () => Promise<Embedder>;
  /** The shipped supervised embedder; a dynamic import, so only EMBEDDER=supervised loads its 9 MB model. */
  readonly loadSupervised: () => Promise<Embedder>;
  /** The Workers AI binding (`env.AI`), required for EMBEDDER=workers-ai. */
  readonly ai?: WorkersAiBinding;
  readonly fetch?: typeof fetch;
  /** Loads transformers.js for EMBEDDER=onnx (default: import the package). */
  readonly loadTransformers?: () => Promise<unknown>;
}

type OnnxAdapter = Pick<typeof OnnxModule, 'createOnnxEmbedder'>;

class EmbedderConfigError extends Error {
  override name = 'EmbedderConfigError';
}

function required<T>(value: T | undefined, variable: string, why: string): T {
  if (value === undefined) throw new EmbedderConfigError(`${variable} is required when ${why}`);
  return value;
}

/**
 * Builds the configured embedder, ready to use: HTTP and Workers AI embedders whose size is not
 * configured are probed once here, so a wrong URL, key or model fails at boot rather than on the first request.
 */
export async function createEmbedderFromConfig(config: EmbedderConfig, deps: EmbedderDeps): Promise<Embedder> {
  switch (config.EMBEDDER) {
    case 'lsa':
      return deps.loadLsa();
    case 'supervised':
      return deps.loadSupervised();
    case 'openai': {
      const embedder = createOpenAiEmbedder({
        baseUrl: required(config.EMBEDDER_URL, 'EMBEDDER_URL', 'EMBEDDER=openai'),
        model: required(config.EMBEDDER_MODEL, 'EMBEDDER_MODEL', 'EMBEDDER=openai'),
        apiKey: config.EMBEDDER_API_KEY,
        dimensions: config.EMBEDDER_DIMENSIONS,
        batchSize: config.EMBEDDER_BATCH_SIZE,
        timeoutMs: config.EMBEDDER_TIMEOUT_MS,
        fetch: deps.fetch,
      });
      if (config.EMBEDDER_DIMENSIONS === undefined) await embedder.probe();
      return embedder;
    }
    case 'onnx': {
      // Loaded on demand, through a non-literal specifier so bundlers leave it out: the ONNX adapter reads the
      // file system (node:fs), which a Worker has not and never needs.
      const adapter: string = './onnx.ts';
      const { createOnnxEmbedder } = (await import(adapter)) as OnnxAdapter;
      return createOnnxEmbedder({
        modelDir: required(config.EMBEDDER_MODEL_DIR, 'EMBEDDER_MODEL_DIR', 'EMBEDDER=onnx'),
        pooling: required(
          config.EMBEDDER_POOLING,
          'EMBEDDER_POOLING',
          'EMBEDDER=onnx (cls for BGE models, mean for E5)',
        ),
        normalize: true,
        prefix: config.EMBEDDER_PREFIX,
        batchSize: config.EMBEDDER_BATCH_SIZE,
        loadRuntime: deps.loadTransformers,
      });
    }
    case 'workers-ai': {
      const embedder = createWorkersAiEmbedder({
        ai: required(deps.ai, 'the AI binding', 'EMBEDDER=workers-ai (add [ai] binding = "AI" to wrangler.toml)'),
        model: config.EMBEDDER_MODEL,
        dimensions: config.EMBEDDER_DIMENSIONS,
        batchSize: config.EMBEDDER_BATCH_SIZE,
      });
      const model = config.EMBEDDER_MODEL ?? WORKERS_AI_DEFAULT_MODEL;
      if ((config.EMBEDDER_DIMENSIONS ?? WORKERS_AI_DIMENSIONS[model]) === undefined) await embedder.probe();
      return embedder;
    }
  }
}
