// The default storage: an append-only JSONL journal, one operation per line, fsync'd per write
// (as Optuna's JournalFileBackend). Replaying the lines rebuilds the study. A torn last line (the
// process died mid-write) is ignored and cut off, since that operation was never acknowledged.

import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StudyError } from '../../errors.js';
import { JournalState, type JournalOp } from './journal-state.js';
import { JournalBackedStorage } from './journal-backed.js';

export class JournalFileStorage extends JournalBackedStorage {
  readonly location: string;
  private fd: number | null = null;
  /** Lines replayed at open, and whether a torn line was dropped (for tests and messages). */
  replayedLines = 0;
  droppedTornLine = false;

  constructor(readonly path: string) {
    super();
    this.location = path;
  }

  protected async load(): Promise<void> {
    const abs = resolve(this.path);
    mkdirSync(dirname(abs), { recursive: true });
    this.state = new JournalState();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    const ops = existsSync(abs) ? readJournal(abs) : { ops: [], validBytes: 0, torn: false };
    this.fd = openSync(abs, 'a+');
    if (ops.torn) {
      ftruncateSync(this.fd, ops.validBytes);
      fsyncSync(this.fd);
      this.droppedTornLine = true;
    }
    ops.ops.forEach(({ op, line }) => this.state.apply(op, `${this.path} line ${line}`));
    this.replayedLines = ops.ops.length;
  }

  protected async persist(op: JournalOp): Promise<void> {
    if (this.fd === null) throw new StudyError(`The journal ${this.path} is not open.`);
    const buf = Buffer.from(JSON.stringify(op) + '\n', 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    fsyncSync(this.fd);
  }

  override async close(): Promise<void> {
    await super.close();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Parse a journal file. Every complete line must parse; an unterminated last line is torn. */
export function readJournal(path: string): { ops: { op: JournalOp; line: number }[]; validBytes: number; torn: boolean } {
  const buf = readFileSync(path);
  const lastNl = buf.lastIndexOf(0x0a);
  const validBytes = lastNl + 1;
  const torn = validBytes < buf.length;
  const text = buf.subarray(0, validBytes).toString('utf8');
  const ops: { op: JournalOp; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    let op: unknown;
    try {
      op = JSON.parse(line);
    } catch {
      throw new StudyError(`${path} line ${i + 1} is not a journal record (not JSON): ${JSON.stringify(line.slice(0, 80))}. Is this a tracehound journal?`);
    }
    if (op === null || typeof op !== 'object' || typeof (op as { op?: unknown }).op !== 'string') {
      throw new StudyError(`${path} line ${i + 1} is not a journal record (no 'op' field). Is this a tracehound journal?`);
    }
    ops.push({ op: op as JournalOp, line: i + 1 });
  }
  return { ops, validBytes, torn };
}
