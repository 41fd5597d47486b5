// Choosing the decision threshold from labelled scores (validation data).
//
// Every rule looks at the distinct scores from the highest down (a row is positive when
// score >= threshold) and picks a cut between two neighbouring distinct scores. The returned
// threshold is the MIDPOINT of that gap, not the lower score itself: on the data it was chosen on
// both give the same predictions, but the midpoint leaves a margin on both sides for new data
// (with 4 validation positives scored 0.98, "0.98" would miss every new positive scored 0.97).
//
// Rules:
//   max_f1         the cut with the highest F1 (ties: the higher threshold);
//   target_fpr v   the lowest cut whose false-positive rate is <= v;
//   target_recall v the highest cut whose recall is >= v;
//   fixed v        v itself.
// Undefined cases: with no positive rows, max_f1 and target_recall have nothing to aim at and
// return 0.5 (the probability midpoint); with no negative rows target_fpr predicts everything positive.

import { ValidationError } from '../errors.js';
import type { ThresholdRule } from '../model/types.js';
import { thresholdPoints } from './curves.js';
import type { Labels01, Scores } from './inputs.js';

export const FALLBACK_THRESHOLD = 0.5;

export function checkThresholdRule(rule: ThresholdRule): ThresholdRule {
  const r = rule as { rule?: unknown; value?: unknown };
  const names = ['max_f1', 'target_fpr', 'target_recall', 'fixed'];
  if (typeof r !== 'object' || r === null || !names.includes(r.rule as string)) {
    throw new ValidationError(`The threshold rule must be one of ${names.join(', ')}. Got ${JSON.stringify(rule)}.`);
  }
  if (r.rule !== 'max_f1') {
    const v = r.value;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
      throw new ValidationError(`The '${r.rule}' threshold rule needs a value between 0 and 1. Got ${JSON.stringify(v)}.`);
    }
  }
  return rule;
}

export function chooseThreshold(y: Labels01, scores: Scores, rule: ThresholdRule = { rule: 'max_f1' }): number {
  checkThresholdRule(rule);
  if (rule.rule === 'fixed') return rule.value;
  const p = thresholdPoints(y, scores);
  const k = pickCut(p.tps, p.fps, p.positives, p.negatives, rule);
  if (k === null) return FALLBACK_THRESHOLD;
  if (k < 0) return Infinity; // not even the highest score may be positive
  const hi = p.thresholds[k];
  const lo = k + 1 < p.thresholds.length ? p.thresholds[k + 1] : null;
  return lo === null ? hi : (hi + lo) / 2;
}

/** Index of the last distinct score predicted positive; -1 = none; null = undefined for this data. */
function pickCut(tps: number[], fps: number[], P: number, N: number, rule: ThresholdRule): number | null {
  const m = tps.length;
  if (m === 0) return null;
  switch (rule.rule) {
    case 'max_f1': {
      if (P === 0) return null;
      let best = -1, bestF1 = -1;
      for (let k = 0; k < m; k++) {
        const f = (2 * tps[k]) / (tps[k] + fps[k] + P);
        if (f > bestF1) {
          bestF1 = f;
          best = k;
        }
      }
      return best;
    }
    case 'target_fpr': {
      if (N === 0) return m - 1;
      let best = -1;
      for (let k = 0; k < m; k++) if (fps[k] / N <= rule.value) best = k;
      return best;
    }
    case 'target_recall': {
      if (P === 0) return null;
      for (let k = 0; k < m; k++) if (tps[k] / P >= rule.value) return k;
      return m - 1;
    }
    default:
      return null;
  }
}
