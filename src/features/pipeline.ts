// Pipeline: a union of branches, each a Transformer over the raw table, whose outputs are placed
// side by side (scikit-learn's FeatureUnion / ColumnTransformer). For BETH: the paper's flags next
// to selected scaled columns. The whole pipeline, with every branch's params and learned state, saves
// to one JSON document and loads back through the registry.

import { NotFittedError, ValidationError } from '../errors.js';
import type { Matrix, Table } from '../data/table.js';
import { checkSaved, type Labels, type Saved, type Transformer } from './transformer.js';
import { transformerFromJSON } from './registry.js';

export interface PipelineParams {
  branches: Transformer[];
}

export interface SavedPipelineParams {
  branches: Saved[];
}

export interface PipelineState {
  fitted: true;
}

export class Pipeline implements Transformer<PipelineParams, PipelineState, SavedPipelineParams> {
  static readonly KIND = 'Pipeline';
  static readonly VERSION = 1;
  readonly kind = Pipeline.KIND;
  readonly params: Readonly<PipelineParams>;
  private fitted = false;

  constructor(branches: Transformer[]) {
    if (!Array.isArray(branches) || branches.length === 0) {
      throw new ValidationError('A Pipeline needs at least one branch.');
    }
    this.params = Object.freeze({ branches: [...branches] });
  }

  /** Fits every branch on the same training table (and labels). */
  fit(table: Table, labels?: Labels): this {
    for (const b of this.params.branches) b.fit(table, labels);
    this.fitted = true;
    return this;
  }

  transform(table: Table): Matrix {
    if (!this.fitted) throw new NotFittedError(this.kind);
    const parts = this.params.branches.map((b) => b.transform(table));
    if (parts.length === 1) return parts[0];
    const rows = table.rows;
    const cols = parts.reduce((s, p) => s + p.cols, 0);
    const data = new Float32Array(rows * cols);
    let off = 0;
    for (const p of parts) {
      // Plain loops: a subarray per row costs more than the copy itself.
      const src = p.data, w = p.cols;
      for (let i = 0; i < rows; i++) {
        const s = i * w, d = i * cols + off;
        for (let j = 0; j < w; j++) data[d + j] = src[s + j];
      }
      off += w;
    }
    return { data, rows, cols };
  }

  /** Output column names of all branches, in order. */
  outputNames(): string[] {
    return this.params.branches.flatMap((b) => b.outputNames());
  }

  /** Number of columns transform() produces: the network's input width. */
  outputWidth(): number {
    return this.outputNames().length;
  }

  isFitted(): boolean {
    return this.fitted;
  }

  toJSON(): Saved<SavedPipelineParams, PipelineState> {
    return {
      kind: this.kind,
      version: Pipeline.VERSION,
      params: { branches: this.params.branches.map((b) => b.toJSON() as Saved) },
      state: this.fitted ? { fitted: true } : null,
    };
  }

  static fromJSON(doc: unknown): Pipeline {
    const d = checkSaved(doc, Pipeline.KIND, Pipeline.VERSION) as Saved<SavedPipelineParams, PipelineState>;
    if (!d.params || !Array.isArray(d.params.branches)) {
      throw new ValidationError("The saved Pipeline must have 'params.branches', a list of saved transformers.");
    }
    const p = new Pipeline(d.params.branches.map((b) => transformerFromJSON(b)));
    // A saved fitted pipeline must have fitted branches; anything else is a corrupt document.
    p.fitted = d.state !== null && d.state !== undefined;
    if (p.fitted && !p.params.branches.every((b) => b.isFitted())) {
      throw new ValidationError('The saved Pipeline says it is fitted but one of its branches is not.');
    }
    return p;
  }
}
