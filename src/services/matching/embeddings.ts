import { DomainError, invalid } from '../../domain/errors.ts';
import { EmptyTextError } from '../../domain/text/embedder.ts';
import { analyze } from '../../domain/text/tokenize.ts';
import type { ServiceContext } from '../context.ts';
import type { MatchingDeps } from './deps.ts';

/** POST /v1/embeddings: the active embedder for other systems; empty or unembeddable input is a 400 naming it. */
export async function embedTexts({ ctx, deps, input }: { ctx: ServiceContext; deps: MatchingDeps; input: { input: string | string[]; model?: string | undefined } }) {
  if (ctx.principal.role === 'auditor') throw new DomainError('forbidden', 'An auditor key may not use the embedder.');
  const model = deps.engine.embedder.id;
  if (input.model !== undefined && input.model !== model) throw invalid('body.model', `the active embedder is ${model}.`);
  const texts = typeof input.input === 'string' ? [input.input] : input.input;
  const path = (i: number) => (typeof input.input === 'string' ? 'body.input' : `body.input.${i}`);
  let vectors: Float32Array[];
  try {
    vectors = await deps.engine.embedder.embed(texts);
  } catch (error) {
    if (error instanceof EmptyTextError) {
      throw new DomainError('validation_failed', 'Some inputs have no words the embedder knows.', {
        errors: error.indices.map((i) => ({ path: path(i), message: 'has nothing to embed (empty, only stop words, or no known words).' })),
      });
    }
    throw error;
  }
  const tokens = texts.reduce((sum, t) => sum + analyze(t).length, 0);
  return {
    object: 'list' as const, model,
    data: vectors.map((v, index) => ({ object: 'embedding' as const, index, embedding: Array.from(v) })),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
