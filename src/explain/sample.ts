// A seeded sample of a Table's rows laid out row-major in the model's input column order: the
// "background" data that partial dependence averages over and permutation importance shuffles.

import type { FeatureName, Table } from '../data/table.js';
import { ValidationError } from '../errors.js';
import { createRng } from '../random.js';

export interface RowSample {
  /** Input column names, in the order of each row. */
  readonly columns: readonly FeatureName[];
  /** n × columns.length, row-major. */
  readonly rows: Float64Array;
  readonly n: number;
  /** Labels of the sampled rows (null when the table has none). */
  readonly labels: Uint8Array | null;
  /** Indices of the sampled rows in the source table, ascending. */
  readonly indices: Int32Array;
}

/**
 * Up to `size` rows drawn without replacement with a seeded partial Fisher–Yates shuffle, kept in
 * table order (so a sample of the whole table is the table itself). size ≥ rows takes every row.
 */
export function sampleRows(table: Table, columns: readonly FeatureName[], size: number, seed: number): RowSample {
  if (!Number.isInteger(size) || size < 1) {
    throw new ValidationError(`The 'sample' option must be a positive integer. Got ${size}.`);
  }
  if (table.rows === 0) throw new ValidationError('Cannot explain a model on a split with zero rows.');
  const n = Math.min(size, table.rows);
  let indices: Int32Array;
  if (n === table.rows) {
    indices = new Int32Array(n);
    for (let i = 0; i < n; i++) indices[i] = i;
  } else {
    const rng = createRng(seed);
    const all = new Int32Array(table.rows);
    for (let i = 0; i < all.length; i++) all[i] = i;
    for (let i = 0; i < n; i++) {
      const j = i + rng.int(all.length - i);
      const t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    indices = all.slice(0, n).sort();
  }
  const d = columns.length;
  const rows = new Float64Array(n * d);
  for (let c = 0; c < d; c++) {
    const src = table.columns[columns[c]];
    if (!src) throw new ValidationError(`The data has no column '${columns[c]}' that the model takes.`);
    for (let i = 0; i < n; i++) rows[i * d + c] = src[indices[i]];
  }
  let labels: Uint8Array | null = null;
  if (table.labels) {
    labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) labels[i] = table.labels[indices[i]];
  }
  return { columns, rows, n, labels, indices };
}

/** Column `c` of a row-major sample, as its own array. */
export function sampleColumn(s: RowSample, c: number): Float64Array {
  const d = s.columns.length;
  const out = new Float64Array(s.n);
  for (let i = 0; i < s.n; i++) out[i] = s.rows[i * d + c];
  return out;
}
