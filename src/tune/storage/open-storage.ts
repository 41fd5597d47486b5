// --storage: a postgres:// (or postgresql://) URL selects PostgreSQL, anything else is a journal file path.

import { JournalFileStorage } from './journal-file.js';
import { PostgresStorage } from './postgres.js';
import type { StudyStorage } from './storage.js';

export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

export function openStorage(spec: string): StudyStorage {
  return isPostgresUrl(spec) ? new PostgresStorage(spec) : new JournalFileStorage(spec);
}
