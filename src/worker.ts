/**
 * The Cloudflare Workers entry wrangler.toml names (`main`); the Worker itself is src/entry/worker.ts. It lies
 * at the root of wrangler's base_dir (src/) on purpose: wrangler uploads the bundle's main module as
 * `worker.js` at the root, beside the modules it finds (the kernels' .wasm, the embedder's model) under their
 * paths below base_dir, and keeps the specifiers that import them as written. So those imports are written
 * from here (src/kernels-module.workerd.js, src/supervised-model.ts): written from src/entry/ they climbed
 * above the root, and the Worker did not start under `wrangler dev`.
 */
export { default } from './entry/worker.ts';
