// ColumnSelector: passes chosen raw columns through unchanged (as float32). Useful for columns that
// are already small and bounded (argsNum) or in a union next to other branches. Stateless, but it
// records that it was fitted so every transformer follows the same contract.

import { NotFittedError } from '../errors.js';
import { FEATURE_COLUMNS, type Matrix, type Table } from '../data/table.js';
import { checkColumnNames, checkSaved, matrixFromColumns, readColumns, type Saved, type Transformer } from './transformer.js';

export interface ColumnSelectorParams {
  columns: string[];
}

export interface ColumnSelectorState {
  fitted: true;
}

export class ColumnSelector implements Transformer<ColumnSelectorParams, ColumnSelectorState> {
  static readonly KIND = 'ColumnSelector';
  static readonly VERSION = 1;
  readonly kind = ColumnSelector.KIND;
  readonly params: Readonly<ColumnSelectorParams>;
  private fitted = false;

  constructor(params: Partial<ColumnSelectorParams> = {}) {
    this.params = Object.freeze({ columns: params.columns ?? [...FEATURE_COLUMNS] });
  }

  fit(table: Table): this {
    checkColumnNames(this.kind, this.params.columns, FEATURE_COLUMNS);
    readColumns(this.kind, table, this.params.columns);
    this.fitted = true;
    return this;
  }

  transform(table: Table): Matrix {
    if (!this.fitted) throw new NotFittedError(this.kind);
    return matrixFromColumns(table.rows, readColumns(this.kind, table, this.params.columns));
  }

  outputNames(): string[] {
    return [...this.params.columns];
  }

  isFitted(): boolean {
    return this.fitted;
  }

  toJSON(): Saved<ColumnSelectorParams, ColumnSelectorState> {
    return {
      kind: this.kind,
      version: ColumnSelector.VERSION,
      params: { columns: [...this.params.columns] },
      state: this.fitted ? { fitted: true } : null,
    };
  }

  static fromJSON(doc: unknown): ColumnSelector {
    const d = checkSaved(doc, ColumnSelector.KIND, ColumnSelector.VERSION) as Saved<ColumnSelectorParams, ColumnSelectorState>;
    const s = new ColumnSelector(d.params);
    checkColumnNames(s.kind, s.params.columns, FEATURE_COLUMNS);
    s.fitted = d.state !== null && d.state !== undefined;
    return s;
  }
}
