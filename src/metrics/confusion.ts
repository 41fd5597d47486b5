// Confusion counts at a threshold and the metrics derived from them.
// Rule (as scikit-learn's curves): a row is predicted suspicious when score >= threshold.
// Undefined ratios follow scikit-learn's zero_division=0: precision with no predicted positives,
// recall with no actual positives, F1 when both are 0, and MCC with an empty margin are 0.
// Balanced accuracy averages the recall of the classes present (scikit-learn does the same, with a
// warning, when a class is absent); with no rows it is NaN.

import { checkInputs, type Labels01, type Scores } from './inputs.js';

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export function confusionCounts(y: Labels01, scores: Scores, threshold: number): Confusion {
  checkInputs(y, scores, 'confusion matrix');
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < y.length; i++) {
    const pred = scores[i] >= threshold;
    if (y[i] === 1) pred ? tp++ : fn++;
    else pred ? fp++ : tn++;
  }
  return { tp, fp, tn, fn };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function accuracy(c: Confusion): number {
  const n = c.tp + c.fp + c.tn + c.fn;
  return n === 0 ? NaN : (c.tp + c.tn) / n;
}

export function precision(c: Confusion): number {
  return ratio(c.tp, c.tp + c.fp);
}

export function recall(c: Confusion): number {
  return ratio(c.tp, c.tp + c.fn);
}

/** True-negative rate. */
export function specificity(c: Confusion): number {
  return ratio(c.tn, c.tn + c.fp);
}

export function f1(c: Confusion): number {
  return ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
}

export function balancedAccuracy(c: Confusion): number {
  const rates: number[] = [];
  if (c.tp + c.fn > 0) rates.push(c.tp / (c.tp + c.fn));
  if (c.tn + c.fp > 0) rates.push(c.tn / (c.tn + c.fp));
  return rates.length === 0 ? NaN : rates.reduce((a, b) => a + b, 0) / rates.length;
}

/** Matthews correlation coefficient; 0 when any margin of the table is empty (scikit-learn). */
export function mcc(c: Confusion): number {
  const { tp, fp, tn, fn } = c;
  const den = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  return den === 0 ? 0 : (tp * tn - fp * fn) / den;
}
