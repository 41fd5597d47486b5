// The public surface of the neural-network layer. Everything other domains need comes from here.

export * from './kernels.js';
export { getKernels, defaultEngineName, availableEngines, isEngineAvailable, parseEngineName, ENGINE_NAMES } from './engine.js';
export { createTsKernels } from './kernels-ts.js';
export {
  layerLayout, parameterCount, validateMlpConfig, DEFAULT_MLP_CONFIG, INIT_SCHEMES,
  type MlpConfig, type InitScheme, type LayerLayout,
} from './mlp-config.js';
export { Mlp, CHUNK_ROWS, type LossOptions, type MlpOptions } from './mlp.js';
export { fit, type Dataset, type EpochLog, type FitCallbacks, type FitOptions, type FitResult } from './fit.js';
export type { EarlyStoppingOptions } from './early-stopping.js';
export {
  createOptimizer, OPTIMIZER_NAMES,
  type Optimizer, type OptimizerName, type OptimizerSpec, type ParameterBuffers,
} from './optimizers/optimizer.js';
export {
  registerParallelGradientSource, hasParallelGradientSource, createGradientSource, SingleThreadGradientSource,
  type GradientSource, type GradientSourceContext, type GradientSourceFactory,
} from './gradient-source.js';
export { defaultThreadCount, parseThreads, ParallelGradientSource } from './parallel/index.js';
export { createWasmKernels, wasmKernelsBuilt } from './kernels-wasm.js';
