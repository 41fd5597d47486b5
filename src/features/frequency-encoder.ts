// FrequencyEncoder: replaces an id-like value (userId, parentProcessId, processId, mountNamespace)
// by how common it was in the TRAINING rows: log1p(count(v)) / log1p(N), a number in [0, 1].
// 1 = the value every row has, small = a rare value, 0 = a value training never showed.
//
// Why (FINDINGS.md, "extrapolation"): an attack brings ids the training data never shows (user 1000,
// a new ssh parent process). Scaled raw ids put such a value wherever its magnitude happens to fall,
// and the network extrapolates according to its random initialisation. Encoded by frequency, an
// unseen id lands just below the rarest training value: bounded, and on the side the training data
// already associates with suspicious events (the training subset's suspicious rows come from rare
// parent processes and rare users; its benign ones from a few common daemons).
// Counts are kept for the `maxValues` most frequent values per column (ties: smaller value first, so a
// fit is deterministic); anything else encodes as unseen.

import { NotFittedError, ValidationError } from '../errors.js';
import { FEATURE_COLUMNS, type Matrix, type Table } from '../data/table.js';
import { checkColumnNames, checkSaved, readColumns, type Saved, type Transformer } from './transformer.js';

export interface FrequencyEncoderParams {
  /** Raw columns to encode. */
  columns: string[];
  /** Values kept per column (the most frequent); the rest encode as unseen. */
  maxValues: number;
}

/** Per column: the kept values and their training counts (same order), and the training row count. */
export interface FrequencyEncoderState {
  rows: number;
  values: number[][];
  counts: number[][];
}

export const DEFAULT_MAX_VALUES = 10_000;

export class FrequencyEncoder implements Transformer<FrequencyEncoderParams, FrequencyEncoderState> {
  static readonly KIND = 'FrequencyEncoder';
  static readonly VERSION = 1;
  readonly kind = FrequencyEncoder.KIND;
  readonly params: Readonly<FrequencyEncoderParams>;
  private state: FrequencyEncoderState | null = null;

  constructor(params: Partial<FrequencyEncoderParams> = {}) {
    this.params = Object.freeze({
      columns: params.columns ? [...params.columns] : ['processId', 'parentProcessId', 'userId', 'mountNamespace'],
      maxValues: params.maxValues ?? DEFAULT_MAX_VALUES,
    });
  }

  fit(table: Table): this {
    const names = checkColumnNames(this.kind, this.params.columns, FEATURE_COLUMNS);
    const max = this.params.maxValues;
    if (!Number.isSafeInteger(max) || max < 1) {
      throw new ValidationError(`The FrequencyEncoder 'maxValues' option must be a positive integer. Got ${JSON.stringify(max)}.`);
    }
    if (table.rows === 0) throw new ValidationError('Cannot fit a FrequencyEncoder on a table with no rows.');
    const values: number[][] = [];
    const counts: number[][] = [];
    for (const c of readColumns(this.kind, table, names)) {
      const tally = new Map<number, number>();
      for (let i = 0; i < c.length; i++) tally.set(c[i], (tally.get(c[i]) ?? 0) + 1);
      const kept = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, max);
      values.push(kept.map((e) => e[0]));
      counts.push(kept.map((e) => e[1]));
    }
    this.state = { rows: table.rows, values, counts };
    return this;
  }

  /** The encoded value of each kept value, per column (what transform() and the ONNX export use). */
  encodings(): { values: number[]; encoded: number[] }[] {
    if (!this.state) throw new NotFittedError(this.kind);
    const { rows, values, counts } = this.state;
    return values.map((vs, j) => ({ values: vs, encoded: counts[j].map((n) => encodeCount(n, rows)) }));
  }

  transform(table: Table): Matrix {
    const enc = this.encodings();
    const cols = readColumns(this.kind, table, this.params.columns);
    const rows = table.rows, width = cols.length;
    const data = new Float32Array(rows * width);
    for (let j = 0; j < width; j++) {
      const lookup = new Map<number, number>();
      enc[j].values.forEach((v, k) => lookup.set(v, enc[j].encoded[k]));
      const c = cols[j];
      for (let i = 0; i < rows; i++) data[i * width + j] = lookup.get(c[i]) ?? 0;
    }
    return { data, rows, cols: width };
  }

  outputNames(): string[] {
    return this.params.columns.map((c) => `${c}_frequency`);
  }

  isFitted(): boolean {
    return this.state !== null;
  }

  toJSON(): Saved<FrequencyEncoderParams, FrequencyEncoderState> {
    const s = this.state;
    return {
      kind: this.kind,
      version: FrequencyEncoder.VERSION,
      params: { columns: [...this.params.columns], maxValues: this.params.maxValues },
      state: s ? { rows: s.rows, values: s.values.map((v) => [...v]), counts: s.counts.map((c) => [...c]) } : null,
    };
  }

  static fromJSON(doc: unknown): FrequencyEncoder {
    const d = checkSaved(doc, FrequencyEncoder.KIND, FrequencyEncoder.VERSION) as Saved<FrequencyEncoderParams, FrequencyEncoderState>;
    const e = new FrequencyEncoder(d.params ?? {});
    checkColumnNames(e.kind, e.params.columns, FEATURE_COLUMNS);
    if (d.state) {
      const { rows, values, counts } = d.state;
      const n = e.params.columns.length;
      const lists = (a: unknown, ok: (x: unknown) => boolean): boolean =>
        Array.isArray(a) && a.length === n && a.every((l) => Array.isArray(l) && l.every(ok));
      const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
      const count = (x: unknown) => Number.isSafeInteger(x) && (x as number) > 0;
      if (!count(rows) || !lists(values, finite) || !lists(counts, count) || values.some((v, j) => v.length !== counts[j].length)) {
        throw new ValidationError(`The saved FrequencyEncoder state must hold a row count and, for each of its ${n} columns, values with positive integer counts.`);
      }
      e.state = { rows, values: values.map((v) => [...v]), counts: counts.map((c) => [...c]) };
    }
    return e;
  }
}

/** log1p(count) / log1p(rows): 0 for unseen, 1 for a value on every training row; float64. */
export function encodeCount(count: number, rows: number): number {
  return Math.log1p(count) / Math.log1p(rows);
}
