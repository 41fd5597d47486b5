// Per-split summaries for `data inspect`, and the warnings that flag a split unlike training.
// BETH's splits come from different hosts and periods (the full test split is 90.7% suspicious
// against 0.17% in training), so a shift between splits is the first thing worth knowing.

import { FEATURE_COLUMNS, type FeatureName, type Table } from './table.js';

export interface ColumnSummary {
  min: number;
  max: number;
  mean: number;
  distinct: number;
}

export interface SplitSummary {
  files: string[];
  rows: number;
  /** null when the split has no label column. */
  positives: number | null;
  positiveRate: number | null;
  columns: Record<FeatureName, ColumnSummary>;
}

/** A label-rate ratio beyond this factor (either way) between a split and training is flagged. */
export const LABEL_RATE_FACTOR = 5;
/** Flag a column when at least this share of a split's rows lies outside training's [min, max]. */
export const OUTSIDE_RANGE_SHARE = 0.25;
/** Flag a column when at least this share of a split's rows holds values training never had. */
export const UNSEEN_VALUE_SHARE = 0.5;

function summarizeColumn(values: Float64Array): ColumnSummary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    seen.add(v);
  }
  if (values.length === 0) return { min: 0, max: 0, mean: 0, distinct: 0 };
  return { min, max, mean: sum / values.length, distinct: seen.size };
}

export function summarizeTable(table: Table): SplitSummary {
  const columns = {} as Record<FeatureName, ColumnSummary>;
  for (const name of FEATURE_COLUMNS) columns[name] = summarizeColumn(table.columns[name]);
  let positives: number | null = null;
  if (table.labels) {
    positives = 0;
    for (let i = 0; i < table.labels.length; i++) positives += table.labels[i];
  }
  return {
    files: table.sources.map((s) => s.path),
    rows: table.rows,
    positives,
    positiveRate: positives === null || table.rows === 0 ? null : positives / table.rows,
    columns,
  };
}

const count = new Intl.NumberFormat('en-US');

function percent(x: number): string {
  if (x === 0) return '0%';
  const p = x * 100;
  return `${p >= 10 ? Number(p.toFixed(1)) : p >= 1 ? p.toFixed(2) : p.toPrecision(2)}%`;
}

function ratioText(r: number): string {
  return r >= 10 ? count.format(Math.round(r)) : String(Number(r.toPrecision(2)));
}

function labelRateWarning(name: string, train: SplitSummary, split: SplitSummary): string | null {
  if (train.positiveRate === null || split.positiveRate === null) return null;
  const a = train.positiveRate;
  const b = split.positiveRate;
  if (a === 0 && b === 0) return null;
  const sharp = a === 0 || b === 0 || b / a > LABEL_RATE_FACTOR || b / a < 1 / LABEL_RATE_FACTOR;
  if (!sharp) return null;
  const how = a === 0 ? 'training has no positives' : b === 0 ? 'it has no positives' : `${ratioText(b / a)}× the training rate`;
  return `${name}: positive rate ${percent(b)} (${count.format(split.positives ?? 0)} of ${count.format(split.rows)}) against ${percent(a)} in train (${how}); metrics on ${name} will not resemble training.`;
}

function columnWarning(name: string, column: FeatureName, train: Table, trainSummary: ColumnSummary, split: Table): string | null {
  const values = split.columns[column];
  if (values.length === 0) return null;
  const trainValues = new Set<number>(train.columns[column]);
  let outside = 0;
  let unseen = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < trainSummary.min || v > trainSummary.max) outside++;
    if (!trainValues.has(v)) unseen++;
  }
  const n = values.length;
  if (outside / n >= OUTSIDE_RANGE_SHARE) {
    return `${name}: ${percent(outside / n)} of '${column}' values lie outside the training range [${trainSummary.min}, ${trainSummary.max}]; the model must extrapolate there.`;
  }
  if (unseen / n >= UNSEEN_VALUE_SHARE) {
    return `${name}: ${percent(unseen / n)} of '${column}' values never occur in training (inside its range [${trainSummary.min}, ${trainSummary.max}]).`;
  }
  return null;
}

/** Warnings for one split compared with training: label rate, then columns out of range or unseen. */
export function shiftWarnings(name: string, train: Table, trainSummary: SplitSummary, split: Table, splitSummary: SplitSummary): string[] {
  const out: string[] = [];
  const rate = labelRateWarning(name, trainSummary, splitSummary);
  if (rate) out.push(rate);
  for (const column of FEATURE_COLUMNS) {
    const w = columnWarning(name, column, train, trainSummary.columns[column], split);
    if (w) out.push(w);
  }
  return out;
}
