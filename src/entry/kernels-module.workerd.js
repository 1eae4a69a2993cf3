// The Worker build's side of #kernels-module (see kernels-module.ts): wrangler bundles .wasm imports as
// precompiled WebAssembly modules, the only kind a Worker may instantiate.
import kernels from '../domain/search/simd/kernels.wasm';

export default kernels;
