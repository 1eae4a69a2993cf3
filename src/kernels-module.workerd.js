// The Worker build's side of #kernels-module (see entry/kernels-module.ts): wrangler bundles .wasm imports as
// precompiled WebAssembly modules, the only kind a Worker may instantiate. It lies at the root of base_dir,
// as the Worker's main module does (src/worker.ts), because wrangler keeps this specifier as written and the
// runtime resolves it from the main module's place.
import kernels from './domain/search/simd/kernels.wasm';

export default kernels;
