// ROC and precision-recall curves, ROC-AUC and average precision, computed like scikit-learn:
// scores are sorted in decreasing order and tied scores form ONE point of the curve (so ties count
// half in the AUC, and average precision steps once per distinct score).
// Undefined cases: ROC-AUC is NaN unless both classes are present (scikit-learn raises); average
// precision is NaN with no positives (recall is undefined) and 1 when every row is positive.

import { checkInputs, type Labels01, type Scores } from './inputs.js';

/** Cumulative true/false positives at each distinct score, from the highest score down. */
export interface ThresholdPoints {
  thresholds: number[];
  tps: number[];
  fps: number[];
  positives: number;
  negatives: number;
}

export function thresholdPoints(y: Labels01, scores: Scores): ThresholdPoints {
  checkInputs(y, scores, 'curve');
  const n = y.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a]);
  const thresholds: number[] = [], tps: number[] = [], fps: number[] = [];
  let tp = 0, fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (y[i] === 1) tp++;
    else fp++;
    // Close a point only after the last row of a run of equal scores.
    if (k === n - 1 || scores[order[k + 1]] !== scores[i]) {
      thresholds.push(scores[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds, tps, fps, positives: tp, negatives: fp };
}

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** thresholds[0] is Infinity: the (0, 0) point where nothing is predicted positive. */
  thresholds: number[];
}

export function rocCurve(y: Labels01, scores: Scores): RocCurve {
  const p = thresholdPoints(y, scores);
  const fpr = [0], tpr = [0], thresholds = [Infinity];
  for (let k = 0; k < p.thresholds.length; k++) {
    fpr.push(p.negatives === 0 ? NaN : p.fps[k] / p.negatives);
    tpr.push(p.positives === 0 ? NaN : p.tps[k] / p.positives);
    thresholds.push(p.thresholds[k]);
  }
  return { fpr, tpr, thresholds };
}

/** Area under the ROC curve (trapezoids); NaN unless both classes are present. */
export function rocAuc(y: Labels01, scores: Scores): number {
  const p = thresholdPoints(y, scores);
  if (p.positives === 0 || p.negatives === 0) return NaN;
  let area = 0, prevTp = 0, prevFp = 0;
  for (let k = 0; k < p.thresholds.length; k++) {
    area += (p.fps[k] - prevFp) * (p.tps[k] + prevTp) / 2;
    prevTp = p.tps[k];
    prevFp = p.fps[k];
  }
  return area / (p.positives * p.negatives);
}

export interface PrCurve {
  /** From the highest threshold down; scikit-learn's order reversed, without its final (recall 0, precision 1) point. */
  precision: number[];
  recall: number[];
  thresholds: number[];
}

export function prCurve(y: Labels01, scores: Scores): PrCurve {
  const p = thresholdPoints(y, scores);
  const precision: number[] = [], recall: number[] = [];
  for (let k = 0; k < p.thresholds.length; k++) {
    precision.push(p.tps[k] / (p.tps[k] + p.fps[k]));
    recall.push(p.positives === 0 ? NaN : p.tps[k] / p.positives);
  }
  return { precision, recall, thresholds: p.thresholds };
}

/** Average precision Σ (R_k − R_{k−1})·P_k, as sklearn.metrics.average_precision_score (no interpolation). */
export function averagePrecision(y: Labels01, scores: Scores): number {
  const p = thresholdPoints(y, scores);
  if (p.positives === 0) return NaN;
  let ap = 0, prevRecall = 0;
  for (let k = 0; k < p.thresholds.length; k++) {
    const r = p.tps[k] / p.positives;
    ap += (r - prevRecall) * (p.tps[k] / (p.tps[k] + p.fps[k]));
    prevRecall = r;
  }
  return ap;
}
