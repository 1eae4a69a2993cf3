import type { Embedder } from '../../domain/text/embedder.ts';
import type { LsaEmbedder } from '../../domain/text/lsa-embedder.ts';
import type { SupervisedArtefact } from '../../domain/text/supervised-artefact.ts';
import type { SupervisedEmbedder } from '../../domain/text/supervised-embedder.ts';
import { createEmbedderFromConfig, type EmbedderConfig, type EmbedderDeps } from '../../embedders/from-config.ts';
import type { Database } from '../../storage/db.ts';
import { activeEmbedderId, ensureLsaEmbedder, loadLsa, type LsaFitSettings } from './embedder-store.ts';

/**
 * The active embedder when it is an LSA model stored in the database, or why it cannot be used: what a
 * process that may not fit a model (a Worker, `npm run worker`, an audit's counterfactual check) serves with.
 */
const NOT_FITTED =
  'no embedder has been fitted and activated for this database yet: start the Node service once against it (npm start)';

export async function loadActiveLsa(database: Database): Promise<LsaEmbedder | { unavailable: string }> {
  const id = await activeEmbedderId(database);
  if (!id) return { unavailable: NOT_FITTED };
  const embedder = await loadLsa(database, id);
  return embedder ?? { unavailable: `the active embedder ${id} is not a stored LSA model` };
}

/** Imports the shipped model (src/domain/text/data/supervised-model.js); the Worker passes its own loader. */
export type SupervisedModelLoader = () => Promise<SupervisedArtefact>;

const importModel: SupervisedModelLoader = async () =>
  (await import('../../domain/text/data/supervised-model.js')).SUPERVISED_EMBEDDER;

/** The shipped supervised embedder, its 9 MB model imported only when it is used. */
export async function loadSupervisedEmbedder(load: SupervisedModelLoader = importModel): Promise<SupervisedEmbedder> {
  const [artefact, { createSupervisedEmbedder }] = await Promise.all([
    load(),
    import('../../domain/text/supervised-embedder.ts'),
  ]);
  return createSupervisedEmbedder(artefact);
}

/**
 * The active embedder when this process can rebuild it without the serving process's settings: a stored
 * LSA model, or the shipped supervised model (when the active id is this build's artefact), or why not.
 * `supervised` loads this build's supervised embedder (a Worker passes its own model loader; the Node
 * entry loads it off the serving thread).
 */
export async function loadActiveEmbedder(
  database: Database,
  supervised: () => Promise<SupervisedEmbedder> = () => loadSupervisedEmbedder(),
): Promise<Embedder | { unavailable: string }> {
  const id = await activeEmbedderId(database);
  if (id?.startsWith('supervised:')) {
    const embedder = await supervised();
    return embedder.id === id
      ? embedder
      : { unavailable: `the active embedder ${id} is not the supervised model this build ships (${embedder.id})` };
  }
  return loadActiveLsa(database);
}

export interface ServingEmbedderOptions extends Omit<EmbedderDeps, 'loadLsa' | 'loadSupervised'> {
  /** EMBEDDER=lsa: fit (and record) a model with these settings when none fits them, or 'active': load the active. */
  readonly lsa: LsaFitSettings | 'active';
  /** Where the supervised model comes from (default: the relative import, right on Node). */
  readonly supervisedModel?: SupervisedModelLoader;
  /** The error when lsa is 'active' and the active embedder is not a stored LSA model (default: an Error). */
  readonly unavailable?: (reason: string) => Error;
  readonly say?: (line: string) => void;
}

/** The embedder a process serves with, chosen by EMBEDDER and its settings (src/embedders/from-config.ts). */
export function servingEmbedder(
  database: Database,
  config: EmbedderConfig,
  options: ServingEmbedderOptions,
): Promise<Embedder> {
  const { lsa, unavailable = (reason) => new Error(reason), say, supervisedModel, ...deps } = options;
  const loadLsaEmbedder = async (): Promise<Embedder> => {
    if (lsa !== 'active') return ensureLsaEmbedder(database, lsa, say);
    const loaded = await loadActiveLsa(database);
    if ('unavailable' in loaded) throw unavailable(loaded.unavailable);
    return loaded;
  };
  return createEmbedderFromConfig(config, {
    ...deps,
    loadLsa: loadLsaEmbedder,
    loadSupervised: () => loadSupervisedEmbedder(supervisedModel),
  });
}
