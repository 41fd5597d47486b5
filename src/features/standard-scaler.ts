// StandardScaler: (x - mean) / std per column, as scikit-learn's (population std, a constant column
// gets scale 1). Statistics are computed in float64 on the raw integers, so mountNamespace
// (≈ 4.0e9) loses nothing before it is centred; only the scaled result is float32.
// Optional `clip` bounds the scaled values to [-clip, clip]: values far outside the training range
// (new user ids, new parent processes during an attack) then cannot drive the network arbitrarily far.

import { NotFittedError, ValidationError } from '../errors.js';
import { FEATURE_COLUMNS, type Matrix, type Table } from '../data/table.js';
import { checkColumnNames, checkSaved, readColumns, type Saved, type Transformer } from './transformer.js';

export interface StandardScalerParams {
  /** Raw columns to scale (default: all seven BETH features). */
  columns: string[];
  /** Clip scaled values to [-clip, clip]; null = no clipping. */
  clip: number | null;
}

export interface StandardScalerState {
  mean: number[];
  scale: number[];
}

export class StandardScaler implements Transformer<StandardScalerParams, StandardScalerState> {
  static readonly KIND = 'StandardScaler';
  static readonly VERSION = 1;
  readonly kind = StandardScaler.KIND;
  readonly params: Readonly<StandardScalerParams>;
  private state: StandardScalerState | null = null;

  constructor(params: Partial<StandardScalerParams> = {}) {
    this.params = Object.freeze({ columns: params.columns ?? [...FEATURE_COLUMNS], clip: params.clip ?? null });
  }

  fit(table: Table): this {
    const names = checkColumnNames(this.kind, this.params.columns, FEATURE_COLUMNS);
    const clip = this.params.clip;
    if (clip !== null && !(typeof clip === 'number' && clip > 0 && Number.isFinite(clip))) {
      throw new ValidationError(`The StandardScaler 'clip' option must be a positive number or null. Got ${JSON.stringify(clip)}.`);
    }
    if (table.rows === 0) throw new ValidationError('Cannot fit a StandardScaler on a table with no rows.');
    const cols = readColumns(this.kind, table, names);
    const mean: number[] = [];
    const scale: number[] = [];
    for (const c of cols) {
      // Two passes (mean, then squared deviations) keep the variance exact enough for values ≈ 4e9.
      let s = 0;
      for (let i = 0; i < c.length; i++) s += c[i];
      const m = s / c.length;
      let v = 0;
      for (let i = 0; i < c.length; i++) v += (c[i] - m) * (c[i] - m);
      const sd = Math.sqrt(v / c.length);
      mean.push(m);
      scale.push(sd > 0 ? sd : 1);
    }
    this.state = { mean, scale };
    return this;
  }

  transform(table: Table): Matrix {
    if (!this.state) throw new NotFittedError(this.kind);
    const { mean, scale } = this.state;
    const cols = readColumns(this.kind, table, this.params.columns);
    const clip = this.params.clip ?? Infinity;
    const rows = table.rows, width = cols.length;
    const data = new Float32Array(rows * width);
    // Centre and scale in float64 (mountNamespace ≈ 4e9), round to float32 once, written row-major.
    for (let j = 0; j < width; j++) {
      const c = cols[j], m = mean[j], sd = scale[j];
      for (let i = 0; i < rows; i++) {
        const z = (c[i] - m) / sd;
        data[i * width + j] = z > clip ? clip : z < -clip ? -clip : z;
      }
    }
    return { data, rows, cols: width };
  }

  outputNames(): string[] {
    return this.params.columns.map((c) => `${c}_scaled`);
  }

  isFitted(): boolean {
    return this.state !== null;
  }

  toJSON(): Saved<StandardScalerParams, StandardScalerState> {
    return {
      kind: this.kind,
      version: StandardScaler.VERSION,
      params: { columns: [...this.params.columns], clip: this.params.clip },
      state: this.state ? { mean: [...this.state.mean], scale: [...this.state.scale] } : null,
    };
  }

  static fromJSON(doc: unknown): StandardScaler {
    const d = checkSaved(doc, StandardScaler.KIND, StandardScaler.VERSION) as Saved<StandardScalerParams, StandardScalerState>;
    const s = new StandardScaler(d.params);
    checkColumnNames(s.kind, s.params.columns, FEATURE_COLUMNS);
    if (d.state) {
      const n = s.params.columns.length;
      const ok = (a: unknown): a is number[] =>
        Array.isArray(a) && a.length === n && a.every((x) => typeof x === 'number' && Number.isFinite(x));
      if (!ok(d.state.mean) || !ok(d.state.scale)) {
        throw new ValidationError(`The saved StandardScaler state must hold ${n} finite means and scales.`);
      }
      s.state = { mean: [...d.state.mean], scale: [...d.state.scale] };
    }
    return s;
  }
}
