// The saved model directory's manifest (manifest.json), format version 1. Every consumer of a saved
// model (evaluate, score, serve, explain, report, export to ONNX) reads these fields; keep names plain
// and add fields rather than change them. A breaking change bumps MODEL_FORMAT_VERSION.
//
// A model directory holds:
//   manifest.json  this document (UTF-8 JSON, 2-space indent)
//   weights.bin    the network's flat parameter buffer, float32 little-endian, in the layout of
//                  src/nn/mlp-config.ts (per layer: W [inputs × outputs] row-major, then b [outputs]);
//                  its sha256 is manifest.weights.sha256.
// Numbers that are undefined (ROC-AUC on a single-class split) are NaN in memory and null here.

import type { FeatureName, SourceFile } from '../data/table.js';
import type { Saved } from '../features/transformer.js';
import type { SavedPipelineParams, PipelineState } from '../features/pipeline.js';
import type { ClassificationReport } from '../metrics/report.js';
import type { EpochLog } from '../nn/fit.js';
import type { EngineName } from '../nn/kernels.js';
import type { MlpConfig } from '../nn/mlp-config.js';
import type { ColumnRange } from '../model/ranges.js';
import type { ThresholdSource } from '../model/train.js';
import type { ThresholdRule, TrainConfig } from '../model/types.js';

export const MODEL_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const WEIGHTS_FILE = 'weights.bin';

export interface DataFingerprint {
  /** The files read, in order, each with its format, row count and sha256 of its bytes on disk. */
  files: SourceFile[];
  rows: number;
  positives: number;
}

export interface ModelManifest {
  formatVersion: number;
  tracehoundVersion: string;
  /** ISO 8601 time the model was saved. */
  createdAt: string;
  /** A short stable id: the first 16 hex digits of the sha256 of weights.bin. */
  id: string;
  /** Feature schema: the raw event columns the model takes, in order. */
  inputColumns: FeatureName[];
  /** Names of the pipeline's output columns (the network's inputs), in order. */
  featureNames: string[];
  /** The fitted preprocessing pipeline (src/features), loadable with pipelineFromJSON. */
  pipeline: Saved<SavedPipelineParams, PipelineState>;
  /** The network's configuration (inputs, hidden, activation, dropout, init). */
  network: MlpConfig;
  /** Engine the model was trained on (any engine can load it). */
  engine: EngineName;
  /** Decision threshold: score >= threshold is suspicious. */
  threshold: number;
  thresholdRule: ThresholdRule;
  /** Rows the threshold was chosen on. */
  thresholdSource: ThresholdSource;
  /** Training data fingerprint. */
  training: DataFingerprint;
  /** Validation data fingerprint (null without validation data). */
  validationData: DataFingerprint | null;
  /** Per raw input column, what training showed: the scorer's drift check compares against it. */
  trainingRanges: Record<FeatureName, ColumnRange>;
  /** Validation metrics at the threshold (null without validation data). */
  validation: ClassificationReport | null;
  /** One entry per epoch run: { epoch, loss, valLoss?, seconds, samplesPerSecond }. */
  history: EpochLog[];
  fit: {
    epochs: number;
    bestEpoch: number;
    seconds: number;
    samplesPerSecond: number;
    stoppedEarly: boolean;
    stoppedBy?: string;
  };
  config: TrainConfig;
  seed: number;
  /** The positive-class weight the loss used ('auto' resolved). */
  posWeight: number;
  weights: {
    file: string;
    dtype: 'float32';
    byteOrder: 'little';
    /** Number of float32 values. */
    count: number;
    /** sha256 (hex) of the file's bytes. */
    sha256: string;
  };
  /** Anything the caller adds (the tuner's study and trial, the command line). */
  extras?: Record<string, unknown>;
}
