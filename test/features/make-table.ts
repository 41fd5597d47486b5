// A small deterministic BETH-like table for the preprocessing tests (built at run time, no files).
import { createRng } from '../../src/random.js';
import { FEATURE_COLUMNS, tableFromColumns, type FeatureName, type Table } from '../../src/data/table.js';

export function makeTable(rows: number, seed = 1): Table {
  const rng = createRng(seed);
  const pick = (xs: number[]) => xs[rng.int(xs.length)];
  const cols = {} as Record<FeatureName, number[]>;
  for (const c of FEATURE_COLUMNS) cols[c] = [];
  const labels: number[] = [];
  for (let i = 0; i < rows; i++) {
    cols.processId.push(pick([0, 1, 2, 380, 7347, 4_194_304]));
    cols.threadId.push(pick([1, 380, 7347]));
    cols.parentProcessId.push(pick([0, 1, 2, 4492]));
    cols.userId.push(pick([0, 100, 101, 1000, 1001]));
    cols.mountNamespace.push(pick([4026531840, 4026532217, 4026532232]));
    cols.argsNum.push(rng.int(6));
    cols.returnValue.push(pick([-2, 0, 0, 9, -114, 15]));
    labels.push(rng.next() < 0.2 ? 1 : 0);
  }
  return tableFromColumns(cols, labels);
}

/** The same table without one column: what a transformer must refuse. */
export function withoutColumn(t: Table, name: FeatureName): Table {
  const columns = { ...t.columns } as Record<string, Float64Array>;
  delete columns[name];
  return { ...t, columns: columns as Table['columns'] };
}
