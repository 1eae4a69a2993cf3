/**
 * The precompiled kernels module for the current runtime, resolved through package.json "imports":
 * none here (Node and BullMQ workers compile kernels-wasm.ts themselves); the Worker build resolves the
 * "workerd" condition to kernels-module.workerd.js, which imports kernels.wasm precompiled.
 */
const kernelsModule: object | null = null;
export default kernelsModule;
