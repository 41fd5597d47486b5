// Data-parallel training on several cores (worker_threads). Importing this module registers the
// parallel gradient source with fit(): fit({ threads: 2, … }) then splits each batch over two threads.

import { availableParallelism } from 'node:os';
import { UsageError } from '../../errors.js';
import { registerParallelGradientSource } from '../gradient-source.js';
import { ParallelGradientSource } from './parallel-source.js';

export { ParallelGradientSource } from './parallel-source.js';
export { splitShares } from './protocol.js';

registerParallelGradientSource((ctx) => new ParallelGradientSource(ctx));

/** The default thread count for training: the machine's cores. */
export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism());
}

/** Parse a --threads value (a positive integer), naming the flag when it is wrong. */
export function parseThreads(value: string | number | undefined, flag = '--threads'): number {
  if (value === undefined) return defaultThreadCount();
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new UsageError(`The '${flag}' option must be an integer from 1 to 64. Got '${value}'.`);
  }
  return n;
}
