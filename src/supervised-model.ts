import type { SupervisedArtefact } from './domain/text/supervised-artefact.ts';

/**
 * The shipped supervised model, imported on first use. On Workers the model is a module of its own beside the
 * bundle (wrangler.toml, find_additional_modules); wrangler keeps this specifier as written and the runtime
 * resolves it from the main module's place, the root of base_dir (src/worker.ts), so this file lies there too.
 */
export async function loadShippedSupervisedModel(): Promise<SupervisedArtefact> {
  return (await import('./domain/text/data/supervised-model.js')).SUPERVISED_EMBEDDER;
}
