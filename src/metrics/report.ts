// The classification report every face prints (evaluate, train's validation block, the HTML report):
// threshold-free metrics (ROC-AUC, PR-AUC, log loss) from the scores, thresholded metrics from the
// confusion counts, and the two trivial baselines beside them so that 90% accuracy on a 90%-positive
// split is not mistaken for skill. Undefined values are NaN (JSON.stringify writes them as null).

import { accuracy, balancedAccuracy, confusionCounts, f1, mcc, precision, recall, type Confusion } from './confusion.js';
import { averagePrecision, rocAuc } from './curves.js';
import { countPositives, type Labels01, type Scores } from './inputs.js';
import { logLoss } from './log-loss.js';

export interface Metrics {
  accuracy: number;
  balancedAccuracy: number;
  precision: number;
  recall: number;
  f1: number;
  mcc: number;
  rocAuc: number;
  prAuc: number;
  logLoss: number;
}

export interface ClassificationReport {
  rows: number;
  positives: number;
  threshold: number;
  metrics: Metrics;
  confusion: Confusion;
  baselines: { allBenign: { accuracy: number }; allSuspicious: { accuracy: number } };
}

export function classificationReport(y: Labels01, scores: Scores, threshold: number): ClassificationReport {
  const confusion = confusionCounts(y, scores, threshold);
  const rows = y.length;
  const positives = countPositives(y);
  return {
    rows,
    positives,
    threshold,
    metrics: {
      accuracy: accuracy(confusion),
      balancedAccuracy: balancedAccuracy(confusion),
      precision: precision(confusion),
      recall: recall(confusion),
      f1: f1(confusion),
      mcc: mcc(confusion),
      rocAuc: rocAuc(y, scores),
      prAuc: averagePrecision(y, scores),
      logLoss: logLoss(y, scores),
    },
    confusion,
    baselines: {
      allBenign: { accuracy: rows === 0 ? NaN : (rows - positives) / rows },
      allSuspicious: { accuracy: rows === 0 ? NaN : positives / rows },
    },
  };
}
