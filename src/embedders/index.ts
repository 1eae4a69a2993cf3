/**
 * Embedding adapters behind the `Embedder` port (src/domain/text/embedder.ts); they do I/O, so they live outside domain/.
 * A Worker should import from-config.ts or workers-ai.ts directly: this barrel also pulls in the Node-only ONNX adapter.
 */
export { createOpenAiEmbedder, embeddingsUrl, type OpenAiEmbedder, type OpenAiEmbedderOptions } from './openai.ts';
export { createOnnxEmbedder, type OnnxEmbedder, type OnnxEmbedderOptions, type TransformersRuntime } from './onnx.ts';
export { inspectModelDir, ModelDirError, type ModelDirInfo, type OnnxWeights } from './onnx-model-dir.ts';
export {
  createWorkersAiEmbedder,
  WORKERS_AI_DEFAULT_MODEL,
  WORKERS_AI_DIMENSIONS,
  type WorkersAiBinding,
  type WorkersAiEmbedder,
  type WorkersAiEmbedderOptions,
} from './workers-ai.ts';
export {
  createEmbedderFromConfig,
  embedderConfigSchema,
  embedderConfigShape,
  EmbedderConfigError,
  type EmbedderConfig,
  type EmbedderDeps,
} from './from-config.ts';
export { EmbedderHttpError } from './http.ts';
export { EmbedderResponseError } from './shared.ts';
export { poolTokens, type Pooling, type TensorLike } from './pooling.ts';
