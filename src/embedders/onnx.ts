/**
 * Embedder for a local ONNX transformer (bge-m3, multilingual-e5, …) run through transformers.js.
 * Loads from a directory only: remote models are switched off before anything is loaded, so it
 * never downloads. transformers.js is imported lazily, so nothing else pays for it.
 */
import { basename, dirname } from 'node:path';
import type { Embedder } from '../domain/text/embedder.ts';
import { inspectModelDir, type OnnxWeights } from './onnx-model-dir.ts';
import { poolTokens, type Pooling, type TensorLike } from './pooling.ts';
import { DimensionSlot, positiveInt, toUnitVectors, embedInBatches } from './shared.ts';

export interface OnnxEmbedderOptions {
  readonly modelDir: string;
  /** 'cls' for BGE models, 'mean' for E5 and most sentence-transformers models (see the model card). */
  readonly pooling: Pooling;
  /** Vectors are always L2-normalised (the port requires it); stated so configs read as the model card does. */
  readonly normalize?: true;
  /** Tokens per text after truncation (default 512). */
  readonly maxLength?: number;
  /** Prepended to every text, e.g. 'query: ' for E5 models. Part of the id, since it changes every vector. */
  readonly prefix?: string;
  /** Which weights to load; default model.onnx when present, else model_quantized.onnx. */
  readonly weights?: OnnxWeights;
  /** Texts per forward pass (default 16; memory grows with batch × maxLength). */
  readonly batchSize?: number;
  /** Loads the transformers.js module (default: `import('@huggingface/transformers')`). */
  readonly loadRuntime?: () => Promise<unknown>;
}

interface Encoded {
  readonly input_ids: TensorLike;
  readonly attention_mask: TensorLike;
}
type Tokenizer = (texts: string[], options: { padding: boolean; truncation: boolean; max_length: number }) => Encoded;
type Model = (inputs: Encoded) => Promise<Record<string, TensorLike | undefined>>;
interface Loader<T> {
  from_pretrained(name: string, options: Record<string, unknown>): Promise<T>;
}
/** The part of transformers.js this adapter uses (v3/v4 API). */
export interface TransformersRuntime {
  readonly env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  readonly AutoTokenizer: Loader<Tokenizer>;
  readonly AutoModel: Loader<Model>;
}

const TRANSFORMERS = '@huggingface/transformers';

/** A non-literal specifier, so the project type-checks and runs without the optional package installed. */
async function importTransformers(): Promise<unknown> {
  const specifier: string = TRANSFORMERS;
  return (await import(specifier)) as unknown;
}

/** Loads the runtime (the package, or an injected loader), naming the package to install if it fails. */
async function loadTransformers(load: () => Promise<unknown>): Promise<unknown> {
  try {
    return await load();
  } catch (error) {
    // An optional peer dependency (about 430 MB with onnxruntime): only EMBEDDER=onnx installs it.
    const missing = (error as { code?: unknown } | null)?.code === 'ERR_MODULE_NOT_FOUND';
    const why = missing
      ? 'it is an optional peer dependency and is not installed'
      : error instanceof Error
        ? error.message
        : String(error);
    throw new Error(
      `the ONNX embedder needs ${TRANSFORMERS} (npm install ${TRANSFORMERS}); it could not be loaded: ${why}`,
      { cause: error },
    );
  }
}

function asRuntime(mod: unknown): TransformersRuntime {
  const m = mod as Partial<TransformersRuntime> | null;
  if (
    !m ||
    typeof m.env !== 'object' ||
    typeof m.AutoTokenizer?.from_pretrained !== 'function' ||
    typeof m.AutoModel?.from_pretrained !== 'function'
  ) {
    throw new Error(`${TRANSFORMERS} does not export env, AutoTokenizer and AutoModel as expected`);
  }
  return m as TransformersRuntime;
}

// transformers.js resolves local models through one global env.localModelPath: serialise loads so two
// embedders in different parent directories cannot swap paths under each other.
let loading: Promise<unknown> = Promise.resolve();

export interface OnnxEmbedder extends Embedder {
  readonly modelDir: string;
}

export async function createOnnxEmbedder(options: OnnxEmbedderOptions): Promise<OnnxEmbedder> {
  const info = await inspectModelDir(options.modelDir, options.weights);
  const maxLength = positiveInt('maxLength', options.maxLength, 512);
  const batchSize = positiveInt('batchSize', options.batchSize, 16);
  const prefix = options.prefix ?? '';
  const runtime = asRuntime(await loadTransformers(options.loadRuntime ?? importTransformers));

  const load = loading.then(async () => {
    runtime.env.allowRemoteModels = false;
    runtime.env.allowLocalModels = true;
    runtime.env.localModelPath = `${dirname(info.dir)}/`;
    const name = basename(info.dir);
    const common = { local_files_only: true };
    const tokenizer = await runtime.AutoTokenizer.from_pretrained(name, common);
    const model = await runtime.AutoModel.from_pretrained(name, {
      ...common,
      dtype: info.dtype,
      use_external_data_format: info.externalData,
      device: 'cpu',
    });
    return { tokenizer, model };
  });
  loading = load.catch(() => undefined);
  const { tokenizer, model } = await load.catch((error: unknown) => {
    throw new Error(
      `could not load the ONNX model in ${info.dir}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  });

  const id =
    `onnx:${basename(info.dir)}/${info.weights}:${options.pooling}` +
    `${prefix === '' ? '' : `:${JSON.stringify(prefix)}`}`;
  const source = `ONNX model ${info.dir}`;
  const dims = new DimensionSlot(source, info.hiddenSize);

  async function embedBatch(texts: string[]): Promise<Float32Array[]> {
    const encoded = tokenizer(
      texts.map((t) => prefix + t),
      { padding: true, truncation: true, max_length: maxLength },
    );
    const outputs = await model(encoded);
    const hidden = outputs.last_hidden_state ?? outputs.token_embeddings;
    if (hidden === undefined) {
      throw new Error(
        `${source} has no last_hidden_state or token_embeddings output (outputs: ${Object.keys(outputs).join(', ')})`,
      );
    }
    const pooled = poolTokens(hidden, encoded.attention_mask, options.pooling);
    return toUnitVectors(source, pooled, dims.settle(pooled[0]?.length ?? 0));
  }

  // Without hidden_size in config.json, one forward pass tells the size, so `dimensions` is never unknown.
  if (dims.known === undefined) await embedBatch(['dimension probe']);

  return {
    id,
    modelDir: info.dir,
    get dimensions() {
      return dims.get();
    },
    embed: (texts) => embedInBatches(texts, batchSize, embedBatch),
  };
}
