// A Study owns the trials: ask() reserves a trial and has the sampler propose its parameters,
// tell() records how it ended, optimize() loops ask → objective → tell. The objective gets a live
// Trial (parameters, report(), shouldPrune()); the storage keeps frozen records.

import { createRng, type Rng } from '../random.js';
import { TracehoundError } from '../errors.js';
import type { Params, SearchSpace } from './distributions.js';
import { NopPruner, type Pruner } from './pruner.js';
import type { Sampler } from './samplers/sampler.js';
import type { StudyStorage } from './storage/storage.js';
import { bestTrial, type Direction, type FrozenTrial } from './trial.js';

/** Thrown by an objective (or Trial.prune()) to end its trial as PRUNED. */
export class TrialPruned extends Error {
  constructor(readonly step: number) {
    super(`trial pruned at step ${step}`);
    this.name = 'TrialPruned';
  }
}

export type TellResult = number | { state: 'PRUNED' | 'FAILED'; error?: string };

/** The trial an objective is running. */
export class Trial {
  private readonly reports: Record<number, number> = {};
  private lastReported: number | null = null;

  constructor(
    private readonly study: Study,
    readonly number: number,
    readonly params: Readonly<Params>,
    readonly startedAt: string,
  ) {}

  /** Record the value at `step` (e.g. validation loss after an epoch). */
  async report(step: number, value: number): Promise<void> {
    if (!Number.isFinite(value)) return; // a NaN epoch says nothing the pruner can compare
    this.reports[step] = value;
    this.lastReported = value;
    await this.study.storage.reportIntermediate(this.number, step, value);
  }

  /** Ask the pruner whether to stop now (after report()). */
  async shouldPrune(step: number): Promise<boolean> {
    const others = await this.study.storage.getTrials();
    return this.study.pruner.shouldPrune(this.snapshot(), step, others);
  }

  get lastValue(): number | null {
    return this.lastReported;
  }

  snapshot(): FrozenTrial {
    return {
      number: this.number, state: 'RUNNING', params: this.params, value: null,
      intermediate: { ...this.reports }, startedAt: this.startedAt, finishedAt: null,
    };
  }
}

export interface StudyOptions {
  name: string;
  storage: StudyStorage;
  sampler: Sampler;
  space: SearchSpace;
  direction?: Direction;
  pruner?: Pruner;
  /** Seeds the sampler: trial n's proposal uses a generator derived from (seed, n). */
  seed?: number;
}

export type Objective = (trial: Trial) => number | Promise<number>;
export type StudyCallback = (study: Study, trial: FrozenTrial) => void | Promise<void>;

export interface OptimizeOptions {
  /** Trials to start in this call. */
  nTrials: number;
  /** Start no new trial after this many milliseconds (running ones finish). */
  timeoutMs?: number;
  callbacks?: StudyCallback[];
  /** Trials in flight at once (the objective must be async to profit, e.g. worker threads). */
  concurrency?: number;
  /** Record an objective that throws as FAILED and carry on (default: record it, then rethrow). */
  catchErrors?: boolean;
}

/** The generator a trial's proposal uses: a function of the study seed and the trial number only. */
export function trialRng(seed: number, number: number): Rng {
  // Hash (seed, number) so that neighbouring trials and seeds start unrelated streams.
  const lo = mix32((seed >>> 0) ^ mix32(number + 0x9e3779b9));
  const hi = mix32(Math.floor(seed / 4294967296) ^ mix32(lo ^ 0x85ebca6b)) & 0x1fffff;
  return createRng(hi * 4294967296 + lo);
}

/** murmur3's 32-bit finaliser. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Study {
  readonly name: string;
  readonly storage: StudyStorage;
  readonly sampler: Sampler;
  readonly space: SearchSpace;
  readonly direction: Direction;
  readonly pruner: Pruner;
  readonly seed: number;

  private constructor(opts: StudyOptions) {
    this.name = opts.name;
    this.storage = opts.storage;
    this.sampler = opts.sampler;
    this.space = opts.space;
    this.direction = opts.direction ?? 'minimize';
    this.pruner = opts.pruner ?? new NopPruner();
    this.seed = opts.seed ?? 0;
  }

  /** Create the study in its storage, or resume it. */
  static async open(opts: StudyOptions): Promise<Study> {
    const s = new Study(opts);
    await s.storage.openStudy(s.name, s.direction);
    return s;
  }

  async ask(): Promise<Trial> {
    const frozen = await this.storage.createTrial((number, history) =>
      this.sampler.sample(history, this.space, trialRng(this.seed, number), this.direction),
    );
    return new Trial(this, frozen.number, frozen.params, frozen.startedAt);
  }

  async tell(trial: Trial | number, result: TellResult): Promise<FrozenTrial> {
    const number = typeof trial === 'number' ? trial : trial.number;
    if (typeof result === 'number') {
      if (Number.isFinite(result)) return this.storage.finishTrial(number, 'COMPLETE', result);
      return this.storage.finishTrial(number, 'FAILED', null, `the objective returned ${result}`);
    }
    const last = typeof trial === 'number' ? null : trial.lastValue;
    return this.storage.finishTrial(number, result.state, result.state === 'PRUNED' ? last : null, result.error);
  }

  async trials(): Promise<FrozenTrial[]> {
    return this.storage.getTrials();
  }

  async bestTrial(): Promise<FrozenTrial | null> {
    return bestTrial(await this.trials(), this.direction);
  }

  /** Run one trial start to end. */
  private async runOne(objective: Objective, catchErrors: boolean): Promise<FrozenTrial> {
    const trial = await this.ask();
    let value: number;
    try {
      value = await objective(trial);
    } catch (e) {
      if (e instanceof TrialPruned) return this.tell(trial, { state: 'PRUNED' });
      const message = e instanceof Error ? e.message : String(e);
      const frozen = await this.tell(trial, { state: 'FAILED', error: message });
      if (!catchErrors || e instanceof TracehoundError) throw e;
      return frozen;
    }
    return this.tell(trial, value);
  }

  async optimize(objective: Objective, opts: OptimizeOptions): Promise<void> {
    const start = Date.now();
    const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
    let started = 0;
    let failure: unknown = null;
    const canStart = (): boolean =>
      failure === null && started < opts.nTrials && (opts.timeoutMs === undefined || Date.now() - start < opts.timeoutMs);
    const lane = async (): Promise<void> => {
      while (canStart()) {
        started++;
        try {
          const frozen = await this.runOne(objective, opts.catchErrors ?? false);
          for (const cb of opts.callbacks ?? []) await cb(this, frozen);
        } catch (e) {
          if (failure === null) failure = e;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    if (failure !== null) throw failure;
  }
}
