// Early stopping with a warm-up, as an onEpochEnd callback around src/nn's fit().
//
// Why not fit()'s own early stopping: it may pick ANY epoch as the best, including the first ones.
// On BETH the validation files hold 4 suspicious rows that look unlike the training positives
// (userId 1000, never seen in training), so validation loss is often lowest after one or two
// epochs, before the network has learnt anything from the training rows; restoring those weights
// gave held-out ROC-AUC 0.05 for some seeds (bench/holdout-seeds.ts). Here epochs before
// `warmup` are never "best": the network first fits the training data, then validation loss
// chooses among trained networks and stops after `patience` epochs without improvement.

import type { EpochLog } from '../nn/fit.js';
import type { Mlp } from '../nn/mlp.js';

export class WarmupEarlyStopping {
  bestEpoch = 0;
  bestValue = Infinity;
  private bestWeights: Float32Array | null = null;
  private waited = 0;

  constructor(
    private readonly network: Mlp,
    readonly warmup: number,
    readonly patience: number,
  ) {}

  /** The value watched: validation loss, or training loss without validation rows. */
  onEpochEnd(log: EpochLog): 'stop' | undefined {
    const value = log.valLoss ?? log.loss;
    if (log.epoch < this.warmup) return undefined;
    if (value < this.bestValue) {
      this.bestValue = value;
      this.bestEpoch = log.epoch;
      this.bestWeights = this.network.getWeights();
      this.waited = 0;
      return undefined;
    }
    this.waited += 1;
    return this.waited >= this.patience ? 'stop' : undefined;
  }

  /** Put the best epoch's weights back; returns that epoch (0 if no epoch passed the warm-up). */
  restoreBest(): number {
    if (this.bestWeights) this.network.setWeights(this.bestWeights);
    return this.bestEpoch;
  }
}

/** Warm-up length for a run of `epochs`: a quarter of the epochs, at least 5 (never more than epochs). */
export function warmupEpochs(epochs: number): number {
  return Math.min(epochs, Math.max(5, Math.ceil(epochs / 4)));
}
