// ScoringModel fakes whose output is a known closed-form function of the raw inputs, so that the
// explanation math can be checked against exact answers. (A helper for the explain tests, not a test.)
import { FEATURE_COLUMNS, tableFromColumns, type FeatureName, type Table } from '../../src/data/table.js';
import type { ScoringModel } from '../../src/model/types.js';
import { createRng } from '../../src/random.js';

export function functionModel(f: (row: Float64Array) => number): ScoringModel & { calls: number; rowsScored: number } {
  const d = FEATURE_COLUMNS.length;
  const m = {
    inputColumns: FEATURE_COLUMNS,
    threshold: 0.5,
    calls: 0,
    rowsScored: 0,
    scoreRows(rows: Float64Array, n: number): Float32Array {
      m.calls++;
      m.rowsScored += n;
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = f(rows.subarray(i * d, (i + 1) * d));
      return out;
    },
    scoreTable(t: Table): Float32Array {
      const rows = new Float64Array(t.rows * d);
      for (let c = 0; c < d; c++) for (let i = 0; i < t.rows; i++) rows[i * d + c] = t.columns[FEATURE_COLUMNS[c]][i];
      return m.scoreRows(rows, t.rows);
    },
  };
  return m;
}

export const col = (name: FeatureName): number => FEATURE_COLUMNS.indexOf(name);

/** A BETH-like random table: small-cardinality userId / mountNamespace / argsNum, wide ids, repeats. */
export function syntheticTable(rows: number, seed: number, label?: (r: Record<FeatureName, number>) => number): Table {
  const rng = createRng(seed);
  const cols = Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, new Float64Array(rows)])) as Record<FeatureName, Float64Array>;
  const labels = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = {
      processId: 100 + rng.int(400),
      threadId: 100 + rng.int(400),
      parentProcessId: rng.int(3) === 0 ? rng.int(3) : 1000 + rng.int(50),
      userId: [0, 0, 0, 100, 101, 1000][rng.int(6)],
      mountNamespace: rng.int(4) === 0 ? 4026532217 : 4026531840,
      argsNum: rng.int(5),
      returnValue: rng.int(10) === 0 ? -2 - rng.int(3) : rng.int(3) === 0 ? rng.int(40) : 0,
    } as Record<FeatureName, number>;
    for (const c of FEATURE_COLUMNS) cols[c][i] = r[c];
    labels[i] = label ? label(r) : rng.int(2);
  }
  return tableFromColumns(cols, labels);
}
