// --out DIR: retrain the best trial's configuration on the training data (validation for early
// stopping and the threshold, as `train` does) and save it as a model directory.

import type { Table } from '../../data/table.js';
import { saveModel } from '../../bundle/save.js';
import { trainModel } from '../../model/train.js';
import type { TrainConfig } from '../../model/types.js';
import type { EngineName } from '../../nn/kernels.js';
import type { Params } from '../distributions.js';
import { configFromParams } from './train-space.js';

export interface RetrainOptions {
  out: string;
  base: TrainConfig;
  params: Readonly<Params>;
  train: Table;
  validation: Table | null;
  engine?: EngineName;
  /** Where the configuration came from, recorded in the manifest's extras. */
  tune: { study: string; trial: number; objective: string; value: number };
}

export async function retrainBest(opts: RetrainOptions): Promise<string> {
  const config = configFromParams(opts.base, opts.params);
  const trained = await trainModel({ train: opts.train, validation: opts.validation, config, engine: opts.engine, progress: false });
  await saveModel(opts.out, trained, { tune: opts.tune });
  return opts.out;
}
