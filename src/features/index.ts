// Preprocessing: the Transformer contract, the transformers, the Pipeline, the registry and presets.
export * from './transformer.js';
export * from './standard-scaler.js';
export * from './beth-flags.js';
export * from './column-selector.js';
export * from './frequency-encoder.js';
export * from './rate-encoder.js';
export * from './pipeline.js';
export * from './registry.js';
export * from './presets.js';
