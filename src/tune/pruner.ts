// Pruners decide, from the intermediate values trials report (one per epoch), whether a running
// trial is hopeless. The median pruner stops a trial whose best value so far is worse than the
// median of what earlier finished trials had reached at the same step (Optuna's MedianPruner).

import type { Direction, FrozenTrial } from './trial.js';

export interface Pruner {
  readonly name: string;
  /** Should `trial` (RUNNING, with its reports so far) stop at `step`? `others` are the study's trials. */
  shouldPrune(trial: FrozenTrial, step: number, others: readonly FrozenTrial[]): boolean;
}

export class NopPruner implements Pruner {
  readonly name = 'none';
  shouldPrune(): boolean {
    return false;
  }
}

export interface MedianPrunerOptions {
  /** No pruning until this many trials have finished (COMPLETE or PRUNED). Optuna: 5. */
  nStartupTrials?: number;
  /** No pruning before this step. Optuna: 0. */
  nWarmupSteps?: number;
  /** Direction of the intermediate values (may differ from the study's: e.g. validation loss). */
  direction: Direction;
}

export class MedianPruner implements Pruner {
  readonly name = 'median';
  private readonly nStartup: number;
  private readonly nWarmup: number;
  private readonly direction: Direction;

  constructor(opts: MedianPrunerOptions) {
    this.nStartup = opts.nStartupTrials ?? 5;
    this.nWarmup = opts.nWarmupSteps ?? 0;
    this.direction = opts.direction;
  }

  shouldPrune(trial: FrozenTrial, step: number, others: readonly FrozenTrial[]): boolean {
    if (step < this.nWarmup) return false;
    const finished = others.filter((t) => t.number !== trial.number && (t.state === 'COMPLETE' || t.state === 'PRUNED'));
    if (finished.length < this.nStartup) return false;
    const sign = this.direction === 'minimize' ? 1 : -1;
    // The trial's best value up to this step, as a loss.
    let best = Infinity;
    for (const [s, v] of Object.entries(trial.intermediate)) {
      if (Number(s) <= step && Number.isFinite(v)) best = Math.min(best, sign * v);
    }
    if (best === Infinity) return false;
    const atStep = finished
      .map((t) => t.intermediate[step])
      .filter((v): v is number => v !== undefined && Number.isFinite(v))
      .map((v) => sign * v)
      .sort((a, b) => a - b);
    if (atStep.length === 0) return false;
    const m = atStep.length;
    const median = m % 2 === 1 ? atStep[(m - 1) / 2] : (atStep[m / 2 - 1] + atStep[m / 2]) / 2;
    return best > median;
  }
}
