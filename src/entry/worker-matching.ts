import type { Config } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { DEFAULT_WEIGHTS } from '../domain/matching/weights.ts';
import type { WorkersAiBinding } from '../embedders/workers-ai.ts';
import { servingEmbedder } from '../services/matching/active-embedder.ts';
import type { MatchingProvider } from '../services/matching/deps.ts';
import { loadShippedSupervisedModel } from '../supervised-model.ts';
import { MatchingEngine } from '../services/matching/engine.ts';
import { directImpressionSink } from '../services/matching/impression-log.ts';
import { memoiseWithRetry } from '../services/memoise.ts';

/**
 * The Worker's matching, loaded on the first matching request and kept for the isolate: the embedder EMBEDDER
 * names (lsa: the model the Node service fitted and activated; workers-ai: the AI binding; openai: the server
 * at EMBEDDER_URL). A Worker cannot fit a model or read a model directory, so it never fits and refuses onnx.
 * Impressions are written before responding (no process outlives the request to flush a batch).
 */
export function workerMatching(
  config: Config,
  bindings: { ai?: WorkersAiBinding | undefined; fetch?: typeof fetch },
): MatchingProvider {
  return memoiseWithRetry(async (database) => {
    if (config.EMBEDDER === 'onnx') {
      throw new DomainError(
        'unavailable',
        'EMBEDDER=onnx runs a local model directory, which a Worker cannot read: use workers-ai or openai here.',
      );
    }
    const embedder = await servingEmbedder(database, config, {
      lsa: 'active',
      supervisedModel: loadShippedSupervisedModel,
      unavailable: (reason) => new DomainError('unavailable', `${reason}.`),
      ...(bindings.ai ? { ai: bindings.ai } : {}),
      ...(bindings.fetch ? { fetch: bindings.fetch } : {}),
    });
    return { engine: new MatchingEngine(embedder), impressions: directImpressionSink, weights: DEFAULT_WEIGHTS };
  });
}
