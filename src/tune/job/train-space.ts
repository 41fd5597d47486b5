// How a search space maps onto TrainConfig: hidden = layers × width; every other parameter name
// is a TrainConfig key. Checked before any trial runs, so a typo fails fast with the rule.

import { ValidationError } from '../../errors.js';
import { validateTrainConfig } from '../../model/config.js';
import type { TrainConfig } from '../../model/types.js';
import type { Distribution, ParamValue, Params, SearchSpace } from '../distributions.js';

/** Parameter names a space may use, and what they set. */
export const TRAIN_PARAMS: Readonly<Record<string, string>> = {
  width: 'units per hidden layer (hidden = layers × width)',
  layers: 'number of hidden layers (hidden = layers × width)',
  dropout: 'dropout',
  activation: 'activation',
  lr: 'learning rate',
  batchSize: 'batch size',
  weightDecay: 'weight decay',
  posWeight: 'positive-class weight',
  focalGamma: 'focal loss gamma',
  optimizer: 'optimizer',
  epochs: 'epochs',
  patience: 'early-stopping patience',
  features: 'preprocessing preset',
};

/** The TrainConfig a trial trains with. */
export function configFromParams(base: TrainConfig, params: Readonly<Params>): TrainConfig {
  const out: Record<string, unknown> = { ...base, hidden: [...base.hidden] };
  const width = params.width as number | undefined;
  const layers = params.layers as number | undefined;
  if (width !== undefined || layers !== undefined) {
    const w = width ?? base.hidden[0] ?? 64;
    const l = layers ?? base.hidden.length;
    out.hidden = new Array<number>(l).fill(w);
  }
  for (const [k, v] of Object.entries(params)) if (k !== 'width' && k !== 'layers') out[k] = v;
  return validateTrainConfig(out);
}

function corners(d: Distribution): ParamValue[] {
  return d.type === 'categorical' ? [...d.choices] : [d.low, d.high];
}

/** Every parameter names a training option, and every extreme value of it makes a valid config. */
export function checkTrainSpace(space: SearchSpace, base: TrainConfig, where = 'search space'): void {
  for (const [name, d] of Object.entries(space)) {
    if (!(name in TRAIN_PARAMS)) {
      throw new ValidationError(
        `${where}: parameter '${name}' is not a training option. Known: ${Object.keys(TRAIN_PARAMS).join(', ')}.`,
      );
    }
    for (const v of corners(d)) {
      try {
        configFromParams(base, { [name]: v });
      } catch (e) {
        if (e instanceof ValidationError) throw new ValidationError(`${where}: parameter '${name}' can take ${JSON.stringify(v)}: ${e.message}`);
        throw e;
      }
    }
  }
}
