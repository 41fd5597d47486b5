// A Storage only persists a study: it hands out trial numbers (uniquely, even with several
// processes), records parameters, intermediate values and the final state, and reads trials back.

import type { Params } from '../distributions.js';
import type { Direction, FrozenTrial, TrialState } from '../trial.js';

/** Computes the new trial's parameters once its number is reserved (called at most once). */
export type Propose = (number: number, history: readonly FrozenTrial[]) => Params | Promise<Params>;

export interface StudyStorage {
  /** Where the study lives (a file path or a database URL without password), for messages. */
  readonly location: string;
  /**
   * Create the study, or load it if it exists. Refuses (StudyError) a storage that holds another
   * study or the same study with another direction. Trials left RUNNING by dead processes become FAILED.
   */
  openStudy(name: string, direction: Direction): Promise<void>;
  /** Reserve the next trial number, ask `propose` for its params, and record the RUNNING trial. */
  createTrial(propose: Propose): Promise<FrozenTrial>;
  reportIntermediate(number: number, step: number, value: number): Promise<void>;
  finishTrial(number: number, state: Exclude<TrialState, 'RUNNING'>, value: number | null, error?: string): Promise<FrozenTrial>;
  /** All trials of the study, by number. */
  getTrials(): Promise<FrozenTrial[]>;
  close(): Promise<void>;
}
