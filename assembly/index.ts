// Entry of the WebAssembly kernels (built by scripts/build-wasm.mjs into build/kernels.wasm).
// Every argument that is a buffer is a byte offset into the imported shared linear memory; the
// JavaScript side (src/nn/kernels-wasm.ts) owns allocation. No runtime, no static data, no heap.

export { denseForward } from './forward';
export { denseBackward } from './backward';
export { bceWithLogits, sigmoid } from './loss';
export { mulInPlace, addInPlace, gatherTrainingRows } from './misc';
export { dropoutForward } from './dropout';
export { adamStep, sgdStep } from './optim';
