// What the streaming scorer and the HTTP service need from a trained model: the ScoringModel itself,
// an id to report, the training ranges for the drift check and a few facts for the model card.
// Kept to this small seam so both faces are tested the same way and neither reads the manifest's
// layout directly (src/score/from-bundle.ts adapts a loaded model directory to it).

import type { FeatureName } from '../data/table.js';
import type { ScoringModel } from '../model/types.js';
import type { TrainingRanges } from './drift.js';

export interface ModelCard {
  id: string;
  createdAt: string | null;
  tracehoundVersion: string | null;
  /** e.g. "7 → 64 → 32 → 1, relu" */
  network: string | null;
  /** The preprocessing preset or the pipeline's output columns. */
  features: string | null;
  threshold: number;
  thresholdRule: string | null;
  training: { files: string[]; rows: number | null } | null;
  /** Validation metrics recorded at training time (name → value). */
  validation: Record<string, number> | null;
}

export interface ServableModel {
  readonly scorer: ScoringModel;
  readonly id: string;
  readonly inputColumns: readonly FeatureName[];
  readonly threshold: number;
  readonly ranges: TrainingRanges | null;
  readonly card: ModelCard;
}

/**
 * The decision rule, in one place: an event is labelled suspicious when its score reaches the
 * threshold (score >= threshold), as the model's evaluation counts it.
 */
export function labelFor(score: number, threshold: number): 0 | 1 {
  return score >= threshold ? 1 : 0;
}

/** Scores and labels for n row-major raw rows (inputColumns order). */
export function scoreAndLabel(model: ServableModel, rows: Float64Array, n: number): { scores: Float32Array; labels: Uint8Array } {
  const scores = n === 0 ? new Float32Array(0) : model.scorer.scoreRows(rows, n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) labels[i] = labelFor(scores[i], model.threshold);
  return { scores, labels };
}
