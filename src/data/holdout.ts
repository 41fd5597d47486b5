// A time-ordered held-out split that keeps both classes: for each label separately, the LAST
// `fraction` of its rows (in file order, which is time order in BETH) is held out, the rest trains.
//
// Why per class: the BETH training subset has all 273 suspicious events in its first 273 rows (one
// burst), so "the last 20% of rows" holds out no positives at all and no AUC can be computed. Taking
// the last 20% of each class keeps the split honest about time (the held-out positives are the
// burst's last processes, with parent process ids the training rows never show) and still measurable.

import { ValidationError } from '../errors.js';
import { sliceTable, type Table } from './table.js';

export interface HoldoutSplit {
  train: Table;
  test: Table;
}

export function timeOrderedHoldout(table: Table, fraction = 0.2): HoldoutSplit {
  if (!(fraction > 0 && fraction < 1)) {
    throw new ValidationError(`The held-out fraction must be between 0 and 1 (exclusive). Got ${fraction}.`);
  }
  const labels = table.labels;
  if (!labels) throw new ValidationError('A stratified held-out split needs labelled data.');
  const byClass: number[][] = [[], []];
  for (let i = 0; i < table.rows; i++) byClass[labels[i]].push(i);
  const train: number[] = [], test: number[] = [];
  for (const rows of byClass) {
    const keep = rows.length - Math.round(rows.length * fraction);
    train.push(...rows.slice(0, keep));
    test.push(...rows.slice(keep));
  }
  train.sort((a, b) => a - b);
  test.sort((a, b) => a - b);
  return { train: sliceTable(table, train), test: sliceTable(table, test) };
}
