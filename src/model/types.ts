// The user-facing training configuration and the trained-model surface that the faces
// (CLI, HTTP service, explain, report, tune, ONNX export) all use. Implementations live in
// src/model/ (training a model end to end) and src/bundle/ (saving and loading it).

import type { Activation, EngineName } from '../nn/kernels.js';
import type { Table, FeatureName } from '../data/table.js';

export type OptimizerKind = 'adam' | 'adamw' | 'sgd';

/** How the decision threshold is chosen on validation. */
export type ThresholdRule =
  | { rule: 'max_f1' }
  | { rule: 'target_fpr'; value: number }
  | { rule: 'target_recall'; value: number }
  | { rule: 'fixed'; value: number };

/** Everything that decides a training run. Flags and a JSON config file both map onto this. */
export interface TrainConfig {
  hidden: number[];
  activation: Activation;
  dropout: number;
  epochs: number;
  lr: number;
  batchSize: number;
  optimizer: OptimizerKind;
  weightDecay: number;
  /** Weight of the positive class in the loss; 'auto' = negatives/positives of the training set, capped. */
  posWeight: number | 'auto';
  focalGamma: number;
  /** Early stopping: epochs without improvement of the monitored validation value. */
  patience: number;
  /** Preprocessing preset: which features the network sees (see src/features/). */
  features: string;
  threshold: ThresholdRule;
  seed: number;
}

/** A trained model: preprocessing pipeline + network + threshold, able to score raw events. */
export interface ScoringModel {
  /** The raw event columns the model takes, in order (the seven BETH features). */
  readonly inputColumns: readonly FeatureName[];
  readonly threshold: number;
  /** Probability of suspicious for every row of the table. */
  scoreTable(table: Table): Float32Array;
  /** Probabilities for n raw rows given row-major in `rows` [n × inputColumns.length]. */
  scoreRows(rows: Float64Array, n: number): Float32Array;
}
