// Early stopping on a monitored value that should go down (validation loss, or training loss
// when there is no validation set): stop after `patience` epochs without an improvement larger
// than minDelta, and remember the best epoch's weights so they can be restored.

import { ValidationError } from '../errors.js';

export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping (≥ 1). */
  patience: number;
  /** An improvement must lower the value by more than this (default 0). */
  minDelta?: number;
  /** Put the best epoch's weights back at the end (default true). */
  restoreBest?: boolean;
  /**
   * First epoch (1-based) that may count as best, as Keras' start_from_epoch (default 1). Earlier
   * epochs neither become best nor use up patience: a network that has not yet fitted the training
   * data can have a deceptively low validation loss.
   */
  startFromEpoch?: number;
}

export class EarlyStopping {
  readonly patience: number;
  readonly minDelta: number;
  readonly restoreBest: boolean;
  readonly startFromEpoch: number;
  bestValue = Infinity;
  bestEpoch = 0;
  bestWeights: Float32Array | null = null;
  private waited = 0;

  constructor(options: EarlyStoppingOptions) {
    const { patience, minDelta = 0, restoreBest = true, startFromEpoch = 1 } = options;
    if (!Number.isInteger(patience) || patience < 1) {
      throw new ValidationError(`Early stopping 'patience' must be an integer ≥ 1. Got ${JSON.stringify(patience)}.`);
    }
    if (typeof minDelta !== 'number' || !(minDelta >= 0)) {
      throw new ValidationError(`Early stopping 'minDelta' must be a number ≥ 0. Got ${JSON.stringify(minDelta)}.`);
    }
    if (!Number.isInteger(startFromEpoch) || startFromEpoch < 1) {
      throw new ValidationError(`Early stopping 'startFromEpoch' must be an integer ≥ 1. Got ${JSON.stringify(startFromEpoch)}.`);
    }
    this.startFromEpoch = startFromEpoch;
    this.patience = patience;
    this.minDelta = minDelta;
    this.restoreBest = restoreBest;
  }

  /** Record an epoch's value; `weights` is called only on improvement. Returns true when training should stop. */
  update(epoch: number, value: number, weights: () => Float32Array): boolean {
    if (epoch < this.startFromEpoch) return false;
    if (value < this.bestValue - this.minDelta) {
      this.bestValue = value;
      this.bestEpoch = epoch;
      if (this.restoreBest) this.bestWeights = weights();
      this.waited = 0;
      return false;
    }
    this.waited += 1;
    return this.waited >= this.patience;
  }
}
