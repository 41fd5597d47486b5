// Binary log loss (cross-entropy) of probabilities, as scikit-learn's log_loss with probabilities
// clipped to [1e-15, 1 − 1e-15] so one confident mistake costs about 34.5 instead of Infinity.
// NaN for no rows.

import { checkInputs, type Labels01, type Scores } from './inputs.js';

export const LOG_LOSS_EPS = 1e-15;

export function logLoss(y: Labels01, probabilities: Scores): number {
  checkInputs(y, probabilities, 'log loss');
  const n = y.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(Math.max(probabilities[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    s -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return s / n;
}
