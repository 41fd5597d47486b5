// Metrics: pure functions of labels and scores.
export * from './inputs.js';
export * from './confusion.js';
export * from './curves.js';
export * from './log-loss.js';
export * from './threshold.js';
export * from './report.js';
export * from './format.js';
