// The journal's operations and the in-memory study they replay into. The file journal and the
// in-memory storage share this, so replaying a journal gives exactly the state that wrote it.

import { StudyError } from '../../errors.js';
import type { Params } from '../distributions.js';
import type { Direction, FrozenTrial, TrialState } from '../trial.js';

export const JOURNAL_VERSION = 1;

export type JournalOp =
  | { op: 'study'; version: number; name: string; direction: Direction; createdAt: string }
  | { op: 'trial'; number: number; params: Params; startedAt: string; owner: { pid: number; host: string } }
  | { op: 'report'; number: number; step: number; value: number }
  | { op: 'finish'; number: number; state: Exclude<TrialState, 'RUNNING'>; value: number | null; finishedAt: string; error?: string };

interface MutableTrial {
  number: number;
  state: TrialState;
  params: Params;
  value: number | null;
  intermediate: Record<number, number>;
  startedAt: string;
  finishedAt: string | null;
  error?: string;
  owner: { pid: number; host: string };
}

export class JournalState {
  study: { name: string; direction: Direction; createdAt: string } | null = null;
  private readonly trials: MutableTrial[] = [];

  /** Apply one op. `where` names the journal line for messages about an inconsistent journal. */
  apply(op: JournalOp, where: string): void {
    switch (op.op) {
      case 'study':
        if (this.study) throw new StudyError(`${where}: a second 'study' record; a journal holds exactly one study.`);
        if (op.version > JOURNAL_VERSION) {
          throw new StudyError(`${where}: journal format version ${op.version} is newer than this tracehound reads (${JOURNAL_VERSION}).`);
        }
        this.study = { name: op.name, direction: op.direction, createdAt: op.createdAt };
        return;
      case 'trial':
        if (op.number !== this.trials.length) throw new StudyError(`${where}: trial ${op.number} out of order (expected ${this.trials.length}).`);
        this.trials.push({
          number: op.number, state: 'RUNNING', params: op.params, value: null, intermediate: {},
          startedAt: op.startedAt, finishedAt: null, owner: op.owner,
        });
        return;
      case 'report':
        this.trial(op.number, where).intermediate[op.step] = op.value;
        return;
      case 'finish': {
        const t = this.trial(op.number, where);
        t.state = op.state;
        t.value = op.value;
        t.finishedAt = op.finishedAt;
        if (op.error !== undefined) t.error = op.error;
        return;
      }
      default:
        throw new StudyError(`${where}: unknown journal operation ${JSON.stringify((op as { op: unknown }).op)}.`);
    }
  }

  private trial(number: number, where: string): MutableTrial {
    const t = this.trials[number];
    if (!t) throw new StudyError(`${where}: refers to trial ${number}, which was never created.`);
    return t;
  }

  get nextNumber(): number {
    return this.trials.length;
  }

  running(): { number: number; owner: { pid: number; host: string } }[] {
    return this.trials.filter((t) => t.state === 'RUNNING').map((t) => ({ number: t.number, owner: t.owner }));
  }

  frozen(number: number): FrozenTrial {
    return freeze(this.trials[number]);
  }

  all(): FrozenTrial[] {
    return this.trials.map(freeze);
  }
}

function freeze(t: MutableTrial): FrozenTrial {
  const out: FrozenTrial = {
    number: t.number,
    state: t.state,
    params: Object.freeze({ ...t.params }),
    value: t.value,
    intermediate: Object.freeze({ ...t.intermediate }),
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    ...(t.error !== undefined ? { error: t.error } : {}),
  };
  return Object.freeze(out);
}
