// Uniform random search (log-uniform on log dimensions): the baseline the others must beat, and
// the start-up phase of GP-EI and TPE.

import type { Rng } from '../../random.js';
import { sampleUniform, type Params, type SearchSpace } from '../distributions.js';
import type { Sampler } from './sampler.js';

export function sampleRandomParams(space: SearchSpace, rng: Rng): Params {
  const out: Params = {};
  for (const [name, d] of Object.entries(space)) out[name] = sampleUniform(d, rng.next());
  return out;
}

export class RandomSampler implements Sampler {
  readonly name = 'random';
  sample(_history: unknown, space: SearchSpace, rng: Rng): Params {
    return sampleRandomParams(space, rng);
  }
}
