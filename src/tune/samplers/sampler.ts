// A Sampler only proposes: given the finished trials, the space and a seeded generator it returns
// the next parameters. It keeps no state between calls, so proposals are reproducible from the
// history alone and several processes can share one study.

import type { Rng } from '../../random.js';
import type { Params, SearchSpace } from '../distributions.js';
import type { Direction, FrozenTrial } from '../trial.js';

export interface Sampler {
  readonly name: string;
  sample(history: readonly FrozenTrial[], space: SearchSpace, rng: Rng, direction: Direction): Params;
}

/** One usable observation: the trial's params and its value as a loss (lower is better). */
export interface Observation {
  readonly params: Readonly<Params>;
  readonly loss: number;
  readonly number: number;
}

/** COMPLETE trials with finite values whose params all belong to the space, as losses. */
export function completedObservations(
  history: readonly FrozenTrial[],
  space: SearchSpace,
  direction: Direction,
): Observation[] {
  const names = Object.keys(space);
  const out: Observation[] = [];
  for (const t of history) {
    if (t.state !== 'COMPLETE' || t.value === null || !Number.isFinite(t.value)) continue;
    if (!names.every((n) => n in t.params)) continue;
    out.push({ params: t.params, loss: direction === 'minimize' ? t.value : -t.value, number: t.number });
  }
  return out;
}
