/**
 * A stand-in for the Workers AI binding (the real one exists only on Cloudflare). It follows the text
 * embedding models' contract: `run(model, { text })` → `{ shape: [n, d], data: number[][] }`, with an
 * input limit per call like the service's, and records every call. Vectors are the same hashed
 * bag of words as the HTTP test server, deliberately not unit length so normalisation is observable.
 */
import type { WorkersAiBinding } from '../../src/embedders/workers-ai.ts';
import { hashedVector } from './embedder-server.ts';

export interface StandInAi extends WorkersAiBinding {
  readonly calls: { model: string; text: string[] }[];
  /** Replaces the next answer(s): a value to return, or an Error to throw. */
  readonly next: (unknown | Error)[];
}

export function createStandInAi(dimensions: number, maxBatch = 100): StandInAi {
  const calls: { model: string; text: string[] }[] = [];
  const next: (unknown | Error)[] = [];
  return {
    calls,
    next,
    async run(model, inputs) {
      calls.push({ model, text: [...inputs.text] });
      if (next.length > 0) {
        const scripted = next.shift();
        if (scripted instanceof Error) throw scripted;
        return scripted;
      }
      if (inputs.text.length > maxBatch)
        throw new Error(`AiError: 5006: too many inputs (${inputs.text.length} > ${maxBatch})`);
      const data = inputs.text.map((t) => hashedVector(t, dimensions).map((x) => x * 3));
      return { shape: [data.length, dimensions], data, pooling: 'cls' };
    },
  };
}
