// --sampler NAME → a Sampler.

import { UsageError } from '../../errors.js';
import { GpEiSampler } from './gp-ei.js';
import { RandomSampler } from './random.js';
import type { Sampler } from './sampler.js';
import { TpeSampler } from './tpe.js';

export const SAMPLER_NAMES = ['tpe', 'gp', 'random'] as const;
export type SamplerName = (typeof SAMPLER_NAMES)[number];

export function createSampler(name: string): Sampler {
  switch (name) {
    case 'tpe':
      return new TpeSampler();
    case 'gp':
      return new GpEiSampler();
    case 'random':
      return new RandomSampler();
    default:
      throw new UsageError(`--sampler must be one of ${SAMPLER_NAMES.join(', ')}. Got "${name}".`);
  }
}
