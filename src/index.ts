// The public API of tracehound: named exports only. Each domain adds its exports here.
export * from './errors.js';
export * from './random.js';
export * from './data/table.js';
export type * from './nn/kernels.js';
export type * from './model/types.js';
