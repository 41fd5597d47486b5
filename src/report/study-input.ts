// Reading a tuning study for the report without changing it. A journal file is replayed read-only
// (readJournal + JournalState from src/tune, exactly what the storage does on open, minus the write
// handle and the torn-line repair). PostgreSQL is read with plain SELECTs (readPostgresStudy).

import { existsSync } from 'node:fs';
import { StudyError } from '../errors.js';
import { readJournal } from '../tune/storage/journal-file.js';
import { JournalState } from '../tune/storage/journal-state.js';
import { isPostgresUrl } from '../tune/storage/open-storage.js';
import { readPostgresStudy } from '../tune/storage/postgres.js';
import type { Direction, FrozenTrial } from '../tune/trial.js';

export interface StudyRecord {
  name: string;
  direction: Direction;
  location: string;
  trials: FrozenTrial[];
}

export async function readStudy(storage: string, name: string): Promise<StudyRecord> {
  if (isPostgresUrl(storage)) return { name, ...(await readPostgresStudy(storage, name)) };
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
