// One trial's work: train a configuration and score it, on the validation split or by stratified
// k-fold cross-validation on the training split. Intermediate values for the pruner are always
// validation log loss (lower is better): per epoch on a validation split, and the running mean of
// the folds' best validation losses per fold with --cv.

import { ValidationError } from '../../errors.js';
import { sliceTable, type Table } from '../../data/table.js';
import { trainModel } from '../../model/train.js';
import type { TrainConfig } from '../../model/types.js';
import type { EngineName } from '../../nn/kernels.js';
import { stratifiedKFold } from './folds.js';
import { objectiveValue, type ObjectiveName } from './objective-metric.js';

export interface TrialData {
  train: Table;
  validation: Table | null;
}

/** Reports (step, validation loss); resolves true when the trial should stop (be pruned). */
export type StepHook = (step: number, value: number) => Promise<boolean>;

export interface EvaluateOptions {
  config: TrainConfig;
  objective: ObjectiveName;
  /** Folds of cross-validation on the training data, or null to score on validation. */
  cv: number | null;
  engine?: EngineName;
  onStep?: StepHook;
}

export interface EvaluateResult {
  /** The objective (NaN when undefined, e.g. a single-class validation split). */
  value: number;
  pruned: boolean;
  /** Epochs trained (summed over folds). */
  epochs: number;
}

export async function evaluateConfig(data: TrialData, opts: EvaluateOptions): Promise<EvaluateResult> {
  if (opts.cv === null) return holdout(data, opts);
  return crossValidate(data.train, opts, opts.cv);
}

async function holdout(data: TrialData, opts: EvaluateOptions): Promise<EvaluateResult> {
  if (!data.validation) throw new ValidationError('Tuning needs validation data (--validation or a *valid* file in --data), or --cv K to cross-validate on the training data.');
  let pruned = false;
  const res = await trainModel({
    train: data.train,
    validation: data.validation,
    config: opts.config,
    engine: opts.engine,
    progress: false,
    onEpochEnd: async (log) => {
      if (!opts.onStep || log.valLoss === undefined) return;
      if (await opts.onStep(log.epoch, log.valLoss)) {
        pruned = true;
        return 'stop';
      }
    },
  });
  if (pruned) return { value: NaN, pruned, epochs: res.fit.epochs };
  return { value: res.validation ? objectiveValue(opts.objective, res.validation.metrics) : NaN, pruned, epochs: res.fit.epochs };
}

async function crossValidate(train: Table, opts: EvaluateOptions, k: number): Promise<EvaluateResult> {
  if (!train.labels) throw new ValidationError('Cross-validation needs labelled training data.');
  const folds = stratifiedKFold(train.labels, k, opts.config.seed);
  let sum = 0;
  let lossSum = 0;
  let epochs = 0;
  for (let f = 0; f < folds.length; f++) {
    const res = await trainModel({
      train: sliceTable(train, folds[f].train),
      validation: sliceTable(train, folds[f].test),
      config: opts.config,
      engine: opts.engine,
      progress: false,
    });
    epochs += res.fit.epochs;
    sum += res.validation ? objectiveValue(opts.objective, res.validation.metrics) : NaN;
    const best = Math.min(...res.fit.history.map((h) => h.valLoss ?? Infinity));
    lossSum += best;
    if (opts.onStep && f < folds.length - 1 && (await opts.onStep(f + 1, lossSum / (f + 1)))) {
      return { value: NaN, pruned: true, epochs };
    }
  }
  return { value: sum / folds.length, pruned: false, epochs };
}
