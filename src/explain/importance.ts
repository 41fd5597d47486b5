// Permutation importance, as scikit-learn's inspection/_permutation_importance.py: score the
// background rows, then shuffle one feature's column (breaking its link to the label while keeping
// its distribution), score again, and report how much the metric got worse, over `repeats` seeded
// shuffles (mean and standard deviation). All repeats of a feature go to the model in one batch.

import { ValidationError } from '../errors.js';
import type { FeatureName } from '../data/table.js';
import type { ScoringModel } from '../model/types.js';
import { createRng } from '../random.js';
import type { RowSample } from './sample.js';

export type ImportanceMetric = 'roc_auc' | 'logloss';

export interface MetricFunctions {
  rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number;
  logLoss(labels: ArrayLike<number>, scores: ArrayLike<number>): number;
}

export interface FeatureImportance {
  readonly name: FeatureName;
  /** Mean worsening of the metric: drop in ROC-AUC, or rise in log loss. Larger = more important. */
  readonly mean: number;
  readonly std: number;
  /** The worsening after each shuffle. */
  readonly repeats: number[];
}

export interface PermutationImportance {
  readonly metric: ImportanceMetric;
  /** The metric on the unshuffled rows. */
  readonly baseline: number;
  readonly rows: number;
  readonly seed: number;
  /** Features, most important first. */
  readonly features: FeatureImportance[];
}

export interface ImportanceOptions {
  metric?: ImportanceMetric;
  repeats?: number;
  seed?: number;
}

function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  // Population standard deviation, as numpy's std (scikit-learn reports importances_std this way).
  const std = Math.sqrt(xs.reduce((a, x) => a + (x - mean) * (x - mean), 0) / xs.length);
  return { mean, std };
}

export function permutationImportance(
  model: ScoringModel,
  s: RowSample,
  metrics: MetricFunctions,
  opts: ImportanceOptions = {},
): PermutationImportance {
  const metric = opts.metric ?? 'roc_auc';
  const repeats = opts.repeats ?? 5;
  const seed = opts.seed ?? 42;
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new ValidationError(`The 'repeats' option must be a positive integer. Got ${repeats}.`);
  }
  const y = s.labels;
  if (!y) throw new ValidationError('Permutation importance needs labelled rows; the data has no label column.');
  let positives = 0;
  for (let i = 0; i < s.n; i++) positives += y[i];
  if (metric === 'roc_auc' && (positives === 0 || positives === s.n)) {
    throw new ValidationError(
      `ROC-AUC needs both classes, but the ${s.n} sampled rows are all ${positives === 0 ? 'benign' : 'suspicious'}. ` +
        `Use the log-loss importance metric or a split with both classes.`,
    );
  }
  const evaluate = (labels: ArrayLike<number>, p: ArrayLike<number>): number =>
    metric === 'roc_auc' ? metrics.rocAuc(labels, p) : metrics.logLoss(labels, p);
  // Worsening is oriented so that bigger always means "the model needed this feature".
  const worsening = (base: number, shuffled: number): number => (metric === 'roc_auc' ? base - shuffled : shuffled - base);

  const d = s.columns.length;
  const baseline = evaluate(y, model.scoreRows(s.rows, s.n));
  const rng = createRng(seed);
  const batch = new Float64Array(repeats * s.n * d);
  const perm = new Int32Array(s.n);
  const features: FeatureImportance[] = [];
  for (let c = 0; c < d; c++) {
    // One seeded generator per feature, so a feature's shuffles do not depend on the others.
    const frng = rng.fork();
    for (let r = 0; r < repeats; r++) {
      for (let i = 0; i < s.n; i++) perm[i] = i;
      frng.shuffle(perm);
      const off = r * s.n * d;
      batch.set(s.rows, off);
      for (let i = 0; i < s.n; i++) batch[off + i * d + c] = s.rows[perm[i] * d + c];
    }
    const p = model.scoreRows(batch, repeats * s.n);
    const scores: number[] = [];
    for (let r = 0; r < repeats; r++) {
      scores.push(worsening(baseline, evaluate(y, p.subarray(r * s.n, (r + 1) * s.n))));
    }
    features.push({ name: s.columns[c], ...meanStd(scores), repeats: scores });
  }
  features.sort((a, b) => b.mean - a.mean);
  return { metric, baseline, rows: s.n, seed, features };
}
