// Model: the trained preprocessing pipeline + network + decision threshold, scoring raw events.
// Inference runs in slices of SCORE_BATCH rows (views of the table's columns, no copies) so scoring
// a million events never builds a million-row feature matrix at once.

import { ValidationError } from '../errors.js';
import { FEATURE_COLUMNS, type FeatureName, type Table } from '../data/table.js';
import type { Pipeline } from '../features/pipeline.js';
import type { Mlp } from '../nn/mlp.js';
import type { ScoringModel, ThresholdRule } from './types.js';

export const SCORE_BATCH = 65_536;

export class Model implements ScoringModel {
  readonly inputColumns: readonly FeatureName[] = FEATURE_COLUMNS;

  constructor(
    readonly pipeline: Pipeline,
    readonly network: Mlp,
    readonly threshold: number,
    readonly thresholdRule: ThresholdRule,
  ) {
    if (pipeline.outputWidth() !== network.inputs) {
      throw new ValidationError(
        `The pipeline produces ${pipeline.outputWidth()} features but the network takes ${network.inputs}.`,
      );
    }
  }

  scoreTable(table: Table): Float32Array {
    const out = new Float32Array(table.rows);
    for (let start = 0; start < table.rows; start += SCORE_BATCH) {
      const end = Math.min(table.rows, start + SCORE_BATCH);
      const part = start === 0 && end === table.rows ? table : rowRange(table, start, end);
      const X = this.pipeline.transform(part);
      this.network.predictProba(X.data, X.rows, out.subarray(start, end));
    }
    return out;
  }

  scoreRows(rows: Float64Array, n: number): Float32Array {
    const d = this.inputColumns.length;
    if (!Number.isInteger(n) || n < 0 || rows.length !== n * d) {
      throw new ValidationError(`scoreRows needs ${d} values per row (${this.inputColumns.join(', ')}): got ${rows.length} values for ${n} rows.`);
    }
    const columns = {} as Record<FeatureName, Float64Array>;
    this.inputColumns.forEach((name, j) => {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = rows[i * d + j];
      columns[name] = c;
    });
    return this.scoreTable({ rows: n, columns, labels: null, labelColumn: null, sources: [] });
  }

  /** 0/1 decisions at the model's threshold (score >= threshold is suspicious). */
  classify(scores: Float32Array): Uint8Array {
    const out = new Uint8Array(scores.length);
    for (let i = 0; i < scores.length; i++) out[i] = scores[i] >= this.threshold ? 1 : 0;
    return out;
  }
}

/** Rows [start, end) as a Table of column views (no copy). */
function rowRange(t: Table, start: number, end: number): Table {
  const columns = {} as Record<FeatureName, Float64Array>;
  for (const [name, col] of Object.entries(t.columns) as [FeatureName, Float64Array][]) columns[name] = col.subarray(start, end);
  return { rows: end - start, columns, labels: t.labels ? t.labels.subarray(start, end) : null, labelColumn: t.labelColumn, sources: t.sources };
}
