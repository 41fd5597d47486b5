// The preprocessing contract (scikit-learn's fit/transform, saved as tagged JSON like ml.js and
// tfjs-layers). Parameters are what the caller gave; learned state is kept apart and is what fit()
// replaces. Every transformer reads named columns of a Table and writes a float32 Matrix, so a saved
// pipeline knows exactly which raw columns it needs and can name a missing one.

import { ModelFormatError, ValidationError } from '../errors.js';
import type { Matrix, Table } from '../data/table.js';

/** 0/1 labels aligned with the table's rows (ignored by unsupervised transformers). */
export type Labels = Uint8Array;

/** The JSON document a transformer saves to: a kind tag, a format version, params and learned state. */
export interface Saved<P = unknown, S = unknown> {
  kind: string;
  version: number;
  params: P;
  /** null while not fitted. */
  state: S | null;
}

/** SP is the saved form of the params (differs only for composites, which save their parts as JSON). */
export interface Transformer<P = unknown, S = unknown, SP = P> {
  readonly kind: string;
  readonly params: Readonly<P>;
  /** Learns state from training data only; replaces any earlier fit. Returns this. */
  fit(table: Table, labels?: Labels): this;
  /** NotFittedError before fit; ValidationError when the table lacks a column seen at fit. */
  transform(table: Table): Matrix;
  /** Names of the output columns, in order (after fit). */
  outputNames(): string[];
  isFitted(): boolean;
  toJSON(): Saved<SP, S>;
}

/** Check a saved document's tag and version before reading it (a future version is refused). */
export function checkSaved(doc: unknown, kind: string, version: number): Saved {
  if (typeof doc !== 'object' || doc === null) {
    throw new ModelFormatError(`Expected a saved ${kind} (an object with kind, version, params, state). Got ${JSON.stringify(doc)}.`);
  }
  const d = doc as Partial<Saved>;
  if (d.kind !== kind) throw new ModelFormatError(`Expected a saved ${kind}, got kind ${JSON.stringify(d.kind)}.`);
  if (typeof d.version !== 'number' || !Number.isInteger(d.version)) {
    throw new ModelFormatError(`The saved ${kind} has no integer 'version'.`);
  }
  if (d.version > version) {
    throw new ModelFormatError(
      `The saved ${kind} has format version ${d.version}, newer than this tracehound reads (${version}). Upgrade tracehound.`,
    );
  }
  if (!('params' in d)) throw new ModelFormatError(`The saved ${kind} has no 'params'.`);
  return d as Saved;
}

/**
 * The columns a transformer reads, taken from the table and checked: every name must be present with
 * `rows` values. `fitted` is the column list recorded at fit time, so a table with a different set of
 * columns is refused with the names that differ.
 */
export function readColumns(kind: string, table: Table, names: readonly string[]): Float64Array[] {
  const cols = table.columns as unknown as Record<string, Float64Array | undefined>;
  const missing = names.filter((n) => !(cols[n] instanceof Float64Array));
  if (missing.length > 0) {
    const have = Object.keys(cols);
    throw new ValidationError(
      `This ${kind} needs ${names.length} columns (${names.join(', ')}) but the data has ${have.length} ` +
        `(${have.join(', ')}): missing ${missing.map((m) => `'${m}'`).join(', ')}.`,
    );
  }
  return names.map((n) => {
    const c = cols[n] as Float64Array;
    if (c.length !== table.rows) {
      throw new ValidationError(`Column '${n}' has ${c.length} values but the table has ${table.rows} rows.`);
    }
    return c;
  });
}

/** Checks a list of column names against the known columns (params validation). */
export function checkColumnNames(kind: string, names: unknown, known: readonly string[]): string[] {
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
    throw new ValidationError(`The ${kind} 'columns' option must be a non-empty list of column names. Got ${JSON.stringify(names)}.`);
  }
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new ValidationError(
      `The ${kind} 'columns' option names unknown columns ${unknown.map((u) => `'${u}'`).join(', ')}. Known: ${known.join(', ')}.`,
    );
  }
  if (new Set(names).size !== names.length) {
    throw new ValidationError(`The ${kind} 'columns' option lists a column twice: ${JSON.stringify(names)}.`);
  }
  return names as string[];
}

/** A rows × cols float32 matrix filled column by column (the layout the network reads). */
export function matrixFromColumns(rows: number, columns: readonly ArrayLike<number>[]): Matrix {
  const cols = columns.length;
  const data = new Float32Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    const c = columns[j];
    for (let i = 0; i < rows; i++) data[i * cols + j] = c[i];
  }
  return { data, rows, cols };
}
