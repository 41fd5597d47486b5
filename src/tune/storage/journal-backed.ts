// A storage whose truth is a sequence of journal operations kept in memory; subclasses decide
// where the operations are persisted (nowhere, or an append-only file). One process owns it.

import { hostname } from 'node:os';
import { StudyError } from '../../errors.js';
import type { Direction, FrozenTrial, TrialState } from '../trial.js';
import { JOURNAL_VERSION, JournalState, type JournalOp } from './journal-state.js';
import type { Propose, StudyStorage } from './storage.js';

export abstract class JournalBackedStorage implements StudyStorage {
  abstract readonly location: string;
  protected state = new JournalState();
  private queue: Promise<unknown> = Promise.resolve();

  /** Persist one operation durably before it is applied. */
  protected abstract persist(op: JournalOp): Promise<void>;

  /** Operations already persisted (replayed by openStudy). */
  protected abstract load(): Promise<void>;

  /** Run storage calls one at a time: trial numbers stay unique when several trials run at once. */
  protected serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(op: JournalOp): Promise<void> {
    await this.persist(op);
    this.state.apply(op, this.location);
  }

  openStudy(name: string, direction: Direction): Promise<void> {
    return this.serial(async () => {
      await this.load();
      const s = this.state.study;
      if (s === null) {
        await this.write({ op: 'study', version: JOURNAL_VERSION, name, direction, createdAt: new Date().toISOString() });
        return;
      }
      if (s.name !== name) {
        throw new StudyError(
          `${this.location} holds the study '${s.name}', not '${name}'. Use --study ${s.name} to resume it, or another --storage for a new study.`,
        );
      }
      if (s.direction !== direction) {
        throw new StudyError(`The study '${name}' in ${this.location} was created to ${s.direction}, not ${direction}; its objective differs.`);
      }
      // A trial still RUNNING belongs to a process that died mid-trial (or that is still alive,
      // which this single-writer journal cannot share with).
      const host = hostname();
      for (const r of this.state.running()) {
        if (r.owner.host === host && r.owner.pid !== process.pid && pidAlive(r.owner.pid)) {
          throw new StudyError(
            `${this.location} is in use: trial ${r.number} is running in process ${r.owner.pid}. A journal file takes one process; use --storage postgres://... for several.`,
          );
        }
        await this.write({
          op: 'finish', number: r.number, state: 'FAILED', value: null, finishedAt: new Date().toISOString(),
          error: `the process running it (pid ${r.owner.pid} on ${r.owner.host}) stopped before the trial finished`,
        });
      }
    });
  }

  createTrial(propose: Propose): Promise<FrozenTrial> {
    return this.serial(async () => {
      this.requireStudy();
      const number = this.state.nextNumber;
      const params = await propose(number, this.state.all());
      await this.write({ op: 'trial', number, params, startedAt: new Date().toISOString(), owner: { pid: process.pid, host: hostname() } });
      return this.state.frozen(number);
    });
  }

  reportIntermediate(number: number, step: number, value: number): Promise<void> {
    return this.serial(() => this.write({ op: 'report', number, step, value }));
  }

  finishTrial(number: number, state: Exclude<TrialState, 'RUNNING'>, value: number | null, error?: string): Promise<FrozenTrial> {
    return this.serial(async () => {
      const op: JournalOp = { op: 'finish', number, state, value, finishedAt: new Date().toISOString() };
      if (error !== undefined) op.error = error;
      await this.write(op);
      return this.state.frozen(number);
    });
  }

  getTrials(): Promise<FrozenTrial[]> {
    return this.serial(async () => this.state.all());
  }

  async close(): Promise<void> {
    await this.queue;
  }

  private requireStudy(): void {
    if (this.state.study === null) throw new StudyError(`No study is open in ${this.location}; call openStudy first.`);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
