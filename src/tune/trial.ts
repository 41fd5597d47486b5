// The frozen record of a trial (what storages persist and samplers read) and its states.
// The live Trial that an objective receives is in ./study.ts.

import type { Params } from './distributions.js';

export type TrialState = 'RUNNING' | 'COMPLETE' | 'PRUNED' | 'FAILED';
export const TRIAL_STATES: readonly TrialState[] = ['RUNNING', 'COMPLETE', 'PRUNED', 'FAILED'];

export type Direction = 'minimize' | 'maximize';

/** An immutable snapshot of a trial. */
export interface FrozenTrial {
  readonly number: number;
  readonly state: TrialState;
  readonly params: Readonly<Params>;
  /** The objective value (COMPLETE), or the last reported value (PRUNED), else null. */
  readonly value: number | null;
  /** Intermediate values reported by step (epoch), for the pruner. */
  readonly intermediate: Readonly<Record<number, number>>;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** Why a FAILED trial failed (an error message, or that its process died). */
  readonly error?: string;
}

/** Finished = no longer RUNNING. */
export function isFinished(t: FrozenTrial): boolean {
  return t.state !== 'RUNNING';
}

/** The best COMPLETE trial for a direction (lowest number wins ties), or null. */
export function bestTrial(trials: readonly FrozenTrial[], direction: Direction): FrozenTrial | null {
  let best: FrozenTrial | null = null;
  for (const t of trials) {
    if (t.state !== 'COMPLETE' || t.value === null || !Number.isFinite(t.value)) continue;
    if (best === null) best = t;
    else if (direction === 'minimize' ? t.value < (best.value as number) : t.value > (best.value as number)) best = t;
  }
  return best;
}
