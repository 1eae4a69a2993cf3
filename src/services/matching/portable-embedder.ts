import type { Embedder } from '../../domain/text/embedder.ts';
import type { LsaState } from '../../domain/text/lsa.ts';
import { createLsaEmbedder } from '../../domain/text/lsa-embedder.ts';
import { loadSupervisedEmbedder } from './active-embedder.ts';
import { skillTokens } from './embedder-store.ts';

/** What another thread needs to rebuild an in-process embedder bit for bit (a remote one is not rebuilt). */
export type PortableEmbedder = { kind: 'supervised'; id: string } | { kind: 'lsa'; state: LsaState };

/** The embedder's portable form, or undefined when it is not pure TypeScript in this process (HTTP, ONNX). */
export function portableEmbedder(embedder: Embedder): PortableEmbedder | undefined {
  if (embedder.id.startsWith('supervised:')) return { kind: 'supervised', id: embedder.id };
  if ('state' in embedder && embedder.id.startsWith('lsa')) return { kind: 'lsa', state: embedder.state as LsaState };
  return undefined;
}

/** The embedder again, in this thread; refuses a supervised id other than the one this build ships. */
export async function rebuildEmbedder(portable: PortableEmbedder): Promise<Embedder> {
  if (portable.kind === 'lsa') return createLsaEmbedder(portable.state, { skillTokens });
  const supervised = await loadSupervisedEmbedder();
  if (supervised.id !== portable.id)
    throw new Error(`the supervised embedder ${portable.id} is not the one this build ships (${supervised.id})`);
  return supervised;
}
