/**
 * Types of supervised-model.js, the artefact `npm run train:embedder` writes. The artefact is plain
 * JavaScript so that the Worker build uploads it as a module of its own, imported only when
 * EMBEDDER=supervised (wrangler.toml, find_additional_modules), instead of inlining 9 MB into the bundle.
 */
import type { SupervisedArtefact } from '../supervised-artefact.ts';

export declare const SUPERVISED_EMBEDDER: SupervisedArtefact;
