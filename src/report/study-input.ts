// Reading a tuning study for the report without changing it. A journal file is replayed read-only
// (readJournal + JournalState from src/tune, exactly what the storage does on open, minus the write
// handle and the torn-line repair). PostgreSQL goes through the tune storage itself.

import { existsSync } from 'node:fs';
import { StudyError } from '../errors.js';
import { readJournal } from '../tune/storage/journal-file.js';
import { JournalState } from '../tune/storage/journal-state.js';
import { isPostgresUrl, openStorage } from '../tune/storage/open-storage.js';
import type { Direction, FrozenTrial } from '../tune/trial.js';

export interface StudyRecord {
  name: string;
  direction: Direction;
  location: string;
  trials: FrozenTrial[];
}

export async function readStudy(storage: string, name: string): Promise<StudyRecord> {
  if (isPostgresUrl(storage)) return readPostgresStudy(storage, name);
  if (!existsSync(storage)) throw new StudyError(`The study journal ${storage} does not exist.`);
  const state = new JournalState();
  const { ops } = readJournal(storage);
  for (const { op, line } of ops) state.apply(op, `${storage} line ${line}`);
  if (!state.study) throw new StudyError(`${storage} holds no study (no 'study' record). Is this a tracehound journal?`);
  if (state.study.name !== name) {
    throw new StudyError(`${storage} holds the study '${state.study.name}', not '${name}'. Pass --study ${state.study.name}.`);
  }
  return { name, direction: state.study.direction, location: storage, trials: state.all() };
}

async function readPostgresStudy(url: string, name: string): Promise<StudyRecord> {
  // The storage API opens a study for a direction; the report does not know it, so it tries both.
  for (const direction of ['minimize', 'maximize'] as const) {
    const s = openStorage(url);
    try {
      await s.openStudy(name, direction);
      return { name, direction, location: s.location, trials: await s.getTrials() };
    } catch (e) {
      if (!(e instanceof StudyError && /was created to/.test(e.message))) throw e;
    } finally {
      await s.close();
    }
  }
  throw new StudyError(`Could not read the study '${name}' from ${url}.`);
}
