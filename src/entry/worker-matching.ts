import type { Config } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { DEFAULT_WEIGHTS } from '../domain/matching/weights.ts';
import type { WorkersAiBinding } from '../embedders/workers-ai.ts';
import { createSay } from '../logger.ts';
import { servingEmbedder } from '../services/matching/active-embedder.ts';
import type { MatchingProvider } from '../services/matching/deps.ts';
import { followingMatching } from '../services/matching/following-matching.ts';
import { loadShippedSupervisedModel } from '../supervised-model.ts';
import { directImpressionSink } from '../services/matching/impression-log.ts';

/**
 * The Worker's matching, loaded on the first matching request and kept for the isolate: the embedder the database
 * records as active when the isolate can run it (as the Node replicas serve), else the one EMBEDDER names (lsa: the
 * model the Node service fitted and activated; workers-ai: the AI binding; openai: the server at EMBEDDER_URL); a
 * switch another replica records is followed on a request at most every EMBEDDER_FOLLOW_SECONDS. A Worker cannot fit
 * a model or read a model directory, so it never fits and refuses onnx. Impressions are written before responding
 * (no process outlives the request to flush a batch).
 */
export function workerMatching(
  config: Config,
  bindings: { ai?: WorkersAiBinding | undefined; fetch?: typeof fetch },
): MatchingProvider {
  if (config.EMBEDDER === 'onnx') {
    const why =
      'EMBEDDER=onnx runs a local model directory, which a Worker cannot read: use workers-ai or openai here.';
    return () => Promise.reject(new DomainError('unavailable', why));
  }
  return followingMatching({
    configured: (database) =>
      servingEmbedder(database, config, {
        lsa: 'active',
        supervisedModel: loadShippedSupervisedModel,
        unavailable: (reason) => new DomainError('unavailable', `${reason}.`),
        ...(bindings.ai ? { ai: bindings.ai } : {}),
        ...(bindings.fetch ? { fetch: bindings.fetch } : {}),
      }),
    configuredKind: config.EMBEDDER,
    supervisedModel: loadShippedSupervisedModel,
    deps: { impressions: directImpressionSink, weights: DEFAULT_WEIGHTS },
    followEveryMs: config.EMBEDDER_FOLLOW_SECONDS * 1_000,
    say: createSay(config.LOG_LEVEL),
  });
}
