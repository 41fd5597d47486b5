// The human-readable metrics block that `train` and `evaluate` print: accuracy sits right next to
// the two trivial baselines, so 90% accuracy on a 90%-suspicious split reads as what it is.

import type { ClassificationReport } from './report.js';

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : 'n/a');
const num = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : 'n/a (one class only)');
const int = (x: number): string => x.toLocaleString('en-US');

export function formatReport(r: ClassificationReport, title: string): string {
  const m = r.metrics;
  const c = r.confusion;
  const best = Math.max(r.baselines.allBenign.accuracy, r.baselines.allSuspicious.accuracy);
  const verdict = !Number.isFinite(m.accuracy)
    ? ''
    : m.accuracy > best
      ? `  (+${((m.accuracy - best) * 100).toFixed(2)} points over the better baseline)`
      : '  (NOT better than a trivial baseline)';
  const lines = [
    `${title}: ${int(r.rows)} rows, ${int(r.positives)} suspicious (${pct(r.rows ? r.positives / r.rows : NaN)}), threshold ${r.threshold.toFixed(4)}`,
    `  accuracy           ${pct(m.accuracy)}${verdict}`,
    `    all benign       ${pct(r.baselines.allBenign.accuracy)}`,
    `    all suspicious   ${pct(r.baselines.allSuspicious.accuracy)}`,
    `  balanced accuracy  ${num(m.balancedAccuracy)}`,
    `  precision          ${num(m.precision)}`,
    `  recall             ${num(m.recall)}`,
    `  F1                 ${num(m.f1)}`,
    `  MCC                ${num(m.mcc)}`,
    `  ROC-AUC            ${num(m.rocAuc)}`,
    `  PR-AUC             ${num(m.prAuc)}`,
    `  log loss           ${num(m.logLoss)}`,
    `  confusion          tp ${int(c.tp)}  fp ${int(c.fp)}  tn ${int(c.tn)}  fn ${int(c.fn)}`,
  ];
  return lines.join('\n') + '\n';
}
