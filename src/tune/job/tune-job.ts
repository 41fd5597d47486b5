// The tuning job behind `tracehound tune`: open (or resume) the study, run N more trials of
// trainModel on the search space (in this thread, or K worker threads), and summarise.

import type { TrainConfig } from '../../model/types.js';
import type { EngineName } from '../../nn/kernels.js';
import type { SearchSpace } from '../distributions.js';
import { TrialWorkerPool } from '../parallel/pool.js';
import { MedianPruner, NopPruner } from '../pruner.js';
import type { Sampler } from '../samplers/sampler.js';
import type { StudyStorage } from '../storage/storage.js';
import { Study, TrialPruned, type StudyCallback } from '../study.js';
import { bestTrial, type FrozenTrial } from '../trial.js';
import { evaluateConfig, type TrialData } from './evaluate-config.js';
import { objectiveDirection, type ObjectiveName } from './objective-metric.js';
import { configFromParams } from './train-space.js';

export interface TuneJobOptions {
  study: string;
  storage: StudyStorage;
  sampler: Sampler;
  space: SearchSpace;
  base: TrainConfig;
  data: TrialData;
  objective: ObjectiveName;
  cv: number | null;
  pruner: 'median' | 'none';
  trials: number;
  workers: number;
  timeoutMs?: number;
  seed: number;
  engine?: EngineName;
  onTrial?: StudyCallback;
}

export interface TuneSummary {
  study: string;
  /** Finished trials in the study across all runs. */
  trials: number;
  best: { number: number; value: number; params: FrozenTrial['params'] } | null;
  direction: 'minimize' | 'maximize';
  objective: ObjectiveName;
  sampler: string;
  storage: string;
  /** Trials this run finished, and how they ended. */
  run: { trials: number; complete: number; pruned: number; failed: number; seconds: number; secondsPerTrial: number };
}

export async function runTuneJob(opts: TuneJobOptions): Promise<{ summary: TuneSummary; study: Study; trials: FrozenTrial[] }> {
  const direction = objectiveDirection(opts.objective);
  // The pruner reads validation log loss per step, whatever the objective's direction. The first
  // two epochs are never judged: with large learning-rate differences they say little yet.
  const pruner = opts.pruner === 'median' ? new MedianPruner({ direction: 'minimize', nStartupTrials: 5, nWarmupSteps: 3 }) : new NopPruner();
  const study = await Study.open({
    name: opts.study, storage: opts.storage, sampler: opts.sampler, space: opts.space, direction, pruner, seed: opts.seed,
  });
  const pool = opts.workers > 1 ? new TrialWorkerPool(opts.workers, { data: opts.data, engine: opts.engine }) : null;
  const ran: FrozenTrial[] = [];
  const t0 = performance.now();
  try {
    await study.optimize(
      async (trial) => {
        const config = configFromParams({ ...opts.base, seed: opts.seed }, trial.params);
        const onStep = async (step: number, value: number): Promise<boolean> => {
          await trial.report(step, value);
          return trial.shouldPrune(step);
        };
        const r = pool
          ? await pool.run(config, opts.objective, opts.cv, onStep)
          : await evaluateConfig(opts.data, { config, objective: opts.objective, cv: opts.cv, engine: opts.engine, onStep });
        if (r.pruned) throw new TrialPruned(Math.max(...Object.keys(trial.snapshot().intermediate).map(Number), 0));
        return r.value;
      },
      {
        nTrials: opts.trials,
        timeoutMs: opts.timeoutMs,
        concurrency: Math.max(1, opts.workers),
        callbacks: [
          async (s, t) => {
            ran.push(t);
            await opts.onTrial?.(s, t);
          },
        ],
      },
    );
  } finally {
    await pool?.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const trials = await study.trials();
  const best = bestTrial(trials, direction);
  const summary: TuneSummary = {
    study: opts.study,
    trials: trials.filter((t) => t.state !== 'RUNNING').length,
    best: best ? { number: best.number, value: best.value as number, params: best.params } : null,
    direction,
    objective: opts.objective,
    sampler: opts.sampler.name,
    storage: opts.storage.location,
    run: {
      trials: ran.length,
      complete: ran.filter((t) => t.state === 'COMPLETE').length,
      pruned: ran.filter((t) => t.state === 'PRUNED').length,
      failed: ran.filter((t) => t.state === 'FAILED').length,
      seconds,
      secondsPerTrial: ran.length ? seconds / ran.length : 0,
    },
  };
  return { summary, study, trials };
}
