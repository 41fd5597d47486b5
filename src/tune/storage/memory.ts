// A study kept only in memory (tests, benches, throwaway searches).

import type { JournalOp } from './journal-state.js';
import { JournalBackedStorage } from './journal-backed.js';

export class MemoryStorage extends JournalBackedStorage {
  readonly location = 'memory';
  /** The operations written, in order (what a journal file would hold). */
  readonly ops: JournalOp[] = [];
  protected async persist(op: JournalOp): Promise<void> {
    this.ops.push(structuredClone(op));
  }
  protected async load(): Promise<void> {}
}
